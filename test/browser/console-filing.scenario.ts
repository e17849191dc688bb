// The console's filing form in real Chromium against the real server, on SQLite and PostgreSQL
// (issue 11 item 4): the map picker (offline: no request leaves 127.0.0.1) moves its marker to
// coordinates typed by hand and fills them in when the map is clicked; a time of "25:99" is shown
// as the time field's error and nothing is sent; an evidence file is hashed (SHA-256) in the
// browser, uploaded as a blob, and named by that hash in the signed record, which is read back
// with its actors, time and place; the blob is the file's bytes, readable by PK and not by AF.
// Screenshots /tmp/shots/console-filing-*.png (1280 px, 390 px, Urdu).
// The scenario, run by console-filing.test.ts (SQLite) and console-filing-postgres.test.ts (PostgreSQL):
// one store per file, so each file stays inside the runner's per-file time limit on a loaded machine.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoSideScroll,
  shotsFor,
  signIn,
  useKeyFile,
  type ConsoleHarness,
} from './console.test-support.js';
import { fenceNetwork } from './support.js';

export async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const pk = creds.users['pk-liaison']!;
  const af = creds.users['af-liaison']!;
  const shot = shotsFor('filing', store);
  const dir = mkdtempSync(join(tmpdir(), 'truceline-filing-'));
  // An evidence file no one else has: its hash is computed here independently of the browser.
  const bytes = Buffer.concat([
    Buffer.from('%PDF-1.4\n% truceline test evidence\n'),
    randomBytes(4096),
  ]);
  const evidencePath = join(dir, 'crater-photo-notes.pdf');
  writeFileSync(evidencePath, bytes);
  const digest = createHash('sha256').update(bytes).digest('hex');

  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const seen: string[] = [];
  const offsite: string[] = [];
  await fenceNetwork(context, seen, offsite);
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') process.stderr.write(`[page error] ${msg.text()}\n`);
  });
  try {
    await page.goto(`${h.url}/console/file`);
    await signIn(page, 'pk-liaison', pk.password);
    await useKeyFile(page, pk.keyFile);
    await page.locator('#f-map[data-map="ready"]').waitFor({ timeout: 60_000 });

    // Coordinates typed by hand move the marker.
    await page.locator('#f-lat').fill('34.1147');
    await page.locator('#f-lon').fill('71.0847');
    await page.locator('#f-map[data-marker="34.1147,71.0847"]').waitFor();
    assert.equal(await page.locator('[data-place-marker]').count(), 1);

    // A click on the map fills both fields with the clicked point (and the marker follows).
    await page.locator('#f-map').scrollIntoViewIfNeeded();
    const box = (await page.locator('#f-map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForFunction(
      () => (document.querySelector('#f-lat') as HTMLInputElement).value !== '34.1147',
    );
    const lat = Number(await page.locator('#f-lat').inputValue());
    const lon = Number(await page.locator('#f-lon').inputValue());
    assert.ok(Number.isFinite(lat) && Number.isFinite(lon), `${lat},${lon}`);
    // The mission's region (centre 69.5, 32.5 at the demo's zoom): the click lands near it.
    assert.ok(Math.abs(lat - 32.5) < 12 && Math.abs(lon - 69.5) < 15, `${lat},${lon}`);
    assert.equal(await page.locator('#f-map').getAttribute('data-marker'), `${lat},${lon}`);
    // Back to a known place by hand, as a user correcting the click would.
    await page.locator('#f-lat').fill('34.1147');
    await page.locator('#f-lon').fill('71.0847');

    // Everything else, with a time no clock shows.
    await page.locator('#f-type').selectOption('shelling');
    await page.locator('#f-date').fill('2025-10-20');
    await page.locator('#f-time').fill('25:99');
    await page.locator('#f-place').fill('Torkham');
    await page.locator('#f-fatalities').fill('2');
    await page.locator('#f-title').fill('Shelling near the Torkham crossing');
    await page.locator('#f-description').fill('Mortar rounds landed by the customs yard.');
    await page.locator('#f-add-actor').click();
    await page.locator('[data-actor="name"]').fill('Pakistan Army');
    await page.locator('[data-actor="inter"]').selectOption('1');
    await page.locator('[data-actor="party"]').selectOption('PK');
    await page.locator('#f-evidence').setInputFiles(evidencePath);
    await page.locator(`.evidence-item[data-sha256="${digest}"]`).waitFor();
    assert.equal(await page.locator('.evidence-hash').innerText(), digest, 'hashed in the browser');

    const before = posts.length;
    await page.locator('form.console-form button[type=submit]').click();
    await page.locator('#f-time[aria-invalid="true"]').waitFor();
    assert.match(await page.locator('#f-time-error').innerText(), /00:00 to 23:59/);
    assert.match(await page.locator('#file-error').innerText(), /one field to fix/);
    assert.deepEqual(posts.slice(before), [], 'nothing uploaded or filed for a refused time');
    await page.screenshot({ path: shot('time-error.png'), fullPage: true });

    // Fixed: the evidence is uploaded, then the record naming it is signed and filed.
    await page.locator('#f-time').fill('14:30');
    await page.locator('form.console-form button[type=submit]').click();
    await page.locator('#file-result[data-index]').waitFor();
    assert.deepEqual(posts.slice(before), ['/api/v1/blobs', `/api/v1/missions/${slug}/entries`]);
    assert.equal(await page.locator('.evidence-item').getAttribute('data-evidence'), 'uploaded');
    const id = (await page.locator('#file-result').getAttribute('data-id'))!;
    await page.screenshot({ path: shot('filed.png'), fullPage: true });

    const rec = (await (
      await fetch(`${h.upstream}/api/v1/missions/${slug}/records/${id}`, {
        headers: { authorization: `Bearer ${pk.token}` },
      })
    ).json()) as { body: Record<string, unknown> };
    assert.deepEqual(rec.body.evidence, [
      { sha256: digest, mediaType: 'application/pdf', bytes: bytes.length },
    ]);
    assert.deepEqual(rec.body.actors, [{ name: 'Pakistan Army', inter: 1, party: 'PK' }]);
    assert.deepEqual(rec.body.occurred, { date: '2025-10-20', time: '14:30', time_precision: 1 });
    assert.deepEqual(
      [(rec.body.location as { lat: number }).lat, (rec.body.location as { lon: number }).lon],
      [34.1147, 71.0847],
    );
    const blob = await fetch(`${h.upstream}/api/v1/blobs/${digest}`, {
      headers: { authorization: `Bearer ${pk.token}` },
    });
    assert.equal(blob.status, 200);
    assert.ok(Buffer.from(await blob.arrayBuffer()).equals(bytes), 'the blob is the file');
    const other = await fetch(`${h.upstream}/api/v1/blobs/${digest}`, {
      headers: { authorization: `Bearer ${af.token}` },
    });
    assert.equal(other.status, 403, 'the other side may not read PK’s evidence');

    // Phone width and Urdu (right to left), with the map drawn.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/console/file`);
    await page.locator('#f-map[data-map="ready"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: shot('390.png'), fullPage: true });
    await assertNoSideScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.url}/console/file?lang=ur`);
    await page.locator('#f-map[data-map="ready"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.screenshot({ path: shot('ur.png'), fullPage: true });

    assert.deepEqual(offsite, [], 'nothing fetched from outside the server');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}
