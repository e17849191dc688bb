// Confidential filing from the console in real Chromium against the real server (issue 11 item 3),
// one store per test file. PK's liaison ticks "File confidentially" on the filing form: the browser
// signs the report and its commitment with the liaison's own key and files both. The public log then
// holds only the commitment (its body: the digest and the side, not a word of the report); AF's
// liaison and an anonymous reader cannot read the record, PK's can. A second confidential filing
// made elsewhere (PK's own API client) is listed too. In the inbox PK reveals the first: the reveal
// is in the log and matches (SHA-256(salt ‖ entry) recomputed here, the entry the one signed in the
// browser), and the record is then public. The second, revealed behind the page's back (the event
// stream is cut so the page cannot learn it), is refused when revealed again in the page, and the
// page shows the rule (reveal_once); offline, the form says a confidential filing needs the
// network and queues nothing. axe-core on the inbox and the form; screenshots at 390 px in English and
// Urdu: /tmp/shots/console-confidential-*.png.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { signEnvelope, parseEntry } from '../../src/core/envelope.js';
import { exampleBody } from '../../src/core/examples.js';
import { base64Encode, utf8Encode } from '../../src/tlog/bytes.js';
import {
  apiAs,
  assertNoSideScroll,
  consoleSuite,
  openConsole,
  seriousViolations,
  shotsFor,
  type ConsoleHarness,
  type ConsolePage,
} from './console.test-support.js';

const TITLE = 'Confidential: a patrol fired on near Ghulam Khan';
const SECRET = 'The source is the patrol commander himself';

const sha256hex = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const shot = shotsFor('confidential', store);
  const api = apiAs(h);
  const base = api.api;
  const status = async (user: string | null, path: string) =>
    (
      await fetch(`${base}${path}`, {
        headers: user ? { authorization: `Bearer ${creds.users[user]!.token}` } : {},
      })
    ).status;
  const entryAt = async (index: number) => {
    const res = await fetch(`${base}/entries/${index}`);
    assert.equal(res.status, 200, `entry ${index}`);
    return new Uint8Array(await res.arrayBuffer());
  };

  const offsite: string[] = [];
  const pk: ConsolePage = await openConsole(h, 'pk-liaison', '/console/file', {
    offsite,
    axe: true,
    width: 390,
  });
  try {
    const { page } = pk;
    // 1. The filing form, confidential.
    await page.locator('#f-type').selectOption('armed_clash');
    await page.locator('#f-place').fill('Ghulam Khan');
    await page.locator('#f-lat').fill('33.2350');
    await page.locator('#f-lon').fill('69.9660');
    await page.locator('#f-title').fill(TITLE);
    await page.locator('#f-description').fill(SECRET);
    await page.locator('#f-fatalities').fill('0');
    await page.getByLabel(/File confidentially/).check();
    // Without the network a confidential filing is not queued (the server keeps its private half):
    // the form says so, and the outbox stays empty.
    await pk.context.setOffline(true);
    await page.locator('form.console-form button[type=submit]').click();
    await page
      .locator('#file-error', { hasText: 'A confidential filing needs the network' })
      .waitFor();
    assert.equal(await page.locator('#file-result').getAttribute('data-queued'), null);
    assert.equal(await page.locator('.outbox-entry').count(), 0, 'nothing waits in the outbox');
    await pk.context.setOffline(false);
    await page.locator('form.console-form button[type=submit]').click();
    const result = page.locator('#file-result[data-commitment]');
    await result.waitFor();
    const index = Number(await result.getAttribute('data-index'));
    const record = (await result.getAttribute('data-id'))!;
    const commitment = (await result.getAttribute('data-commitment'))!;
    assert.match(
      await result.innerText(),
      new RegExp(`public log holds only its commitment, at log index ${index}`),
    );
    assert.match(await result.innerText(), new RegExp(record));
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('filed-390.png'), fullPage: true });
    await assertNoSideScroll(page);

    // 2. The public log holds only the commitment: the digest and the side, no text of the report.
    const leaf = await entryAt(index);
    const c = parseEntry(leaf);
    assert.equal(c.kind, 'commitment');
    assert.equal(c.id, commitment);
    const cb = c.body as { digest: string; side: string; sealed?: unknown };
    assert.deepEqual(Object.keys(cb).sort(), ['digest', 'side']);
    assert.equal(cb.side, 'PK');
    assert.match(cb.digest, /^[0-9a-f]{64}$/);
    const leafText = new TextDecoder().decode(leaf);
    for (const word of ['Ghulam', 'patrol', 'commander', record])
      assert.ok(!leafText.includes(word), `the public leaf says "${word}"`);

    // 3. Who can read the record: PK's side only.
    assert.equal(await status('pk-liaison', `/confidential/${commitment}`), 200);
    assert.equal(await status('af-liaison', `/confidential/${commitment}`), 404);
    assert.equal(await status(null, `/confidential/${commitment}`), 401);
    assert.equal(await status('pk-liaison', `/records/${record}`), 200);
    assert.equal(await status('af-liaison', `/records/${record}`), 404);
    assert.equal(await status(null, `/records/${record}`), 404);

    // A second confidential filing made elsewhere (PK's own client, same key file).
    const signer = await api.signer('pk-liaison');
    const second = await signEnvelope(
      {
        mission: creds.mission,
        kind: 'report',
        body: {
          ...(exampleBody('report') as Record<string, unknown>),
          title: 'Confidential: second report',
          accused: 'AF',
          fatalities: { count: 0, claimedBy: 'PK' },
        },
      },
      signer,
    );
    const salt2 = randomBytes(32);
    const commit2 = await signEnvelope(
      {
        mission: creds.mission,
        kind: 'commitment',
        body: { digest: sha256hex(salt2, second.bytes), side: 'PK' },
      },
      signer,
    );
    const filed2 = await fetch(`${base}/confidential`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${creds.users['pk-liaison']!.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        entry: new TextDecoder().decode(second.bytes),
        commitment: new TextDecoder().decode(commit2.bytes),
        salt: base64Encode(salt2),
      }),
    });
    assert.equal(filed2.status, 201, await filed2.clone().text());
    const id2 = commit2.envelope.id;
    assert.equal(c.author, second.envelope.author, "signed in the browser with PK's own key");

    // An allegation against PK in an incident (AF's and the analyst's own consoles), for PK to
    // answer confidentially below.
    const ex = exampleBody('report') as Record<string, unknown>;
    const allegation = await api.file('af-liaison', 'report', {
      ...ex,
      title: 'Confidential test: fire on the Angoor Adda post',
      accused: 'PK',
      fatalities: { count: 0, claimedBy: 'AF' },
    });
    await api.file('analyst', 'incident', {
      action: 'open',
      title: 'Confidential test: Angoor Adda',
      type: ex.type,
      occurred: ex.occurred,
      location: ex.location,
      reports: [allegation],
    });

    // 4. The inbox lists both as committed. The stream is cut: the page learns of nothing it did
    // not do itself (so the page still offers to reveal what is revealed behind its back).
    await page.route('**/api/v1/stream*', (r) => r.abort());
    await page.goto(`${h.url}/console/inbox`);
    const row = page.locator(`#inbox-confidential tr[data-commitment="${commitment}"]`);
    const row2 = page.locator(`#inbox-confidential tr[data-commitment="${id2}"]`);
    await row.waitFor();
    await row2.waitFor();
    assert.equal(await row.getAttribute('data-state'), 'committed');
    assert.equal(await row.getAttribute('data-record'), record);
    assert.match(await row.innerText(), new RegExp(TITLE));
    assert.match(await row.innerText(), /Committed \(not public\)/);
    assert.equal(await row2.getAttribute('data-state'), 'committed');
    // The log's own seals of PK's public-channel reports are not listed as confidential filings.
    const listed = await page.locator('#inbox-confidential tr[data-commitment]').count();
    assert.equal(listed, 2, 'only the two confidential filings');
    assert.deepEqual(await seriousViolations(page), [], 'axe-core on the inbox');
    await page.locator('#conf-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('inbox-390.png'), fullPage: true });
    await assertNoSideScroll(page);
    await page.goto(`${h.url}/console/inbox?lang=ur`);
    await row.waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await page.locator('#conf-heading').innerText(), /خفیہ اندراجات/);
    assert.deepEqual(await seriousViolations(page), [], 'axe-core on the inbox in Urdu');
    await page.screenshot({ path: shot('inbox-ur-390.png'), fullPage: true });
    await assertNoSideScroll(page);
    // The language chosen stays with the browser: back to English by name.
    await page.goto(`${h.url}/console/inbox?lang=en`);
    await row.waitFor();

    // 5. PK reveals the first from the inbox.
    await row.locator(`[data-reveal="${commitment}"]`).click();
    await page.locator(`#conf-said[data-revealed="${commitment}"]`).waitFor();
    const revealIndex = Number(await page.locator('#conf-said').getAttribute('data-index'));
    await page
      .locator(`#inbox-confidential tr[data-commitment="${commitment}"][data-state="revealed"]`)
      .waitFor();
    assert.match(await row.innerText(), new RegExp(`Revealed at log index ${revealIndex}`));
    assert.equal(await row.locator('[data-reveal]').count(), 0, 'no second reveal offered');
    await page.screenshot({ path: shot('revealed-390.png'), fullPage: true });

    // The reveal is in the log and matches: SHA-256(salt ‖ entry) is the commitment's digest, and
    // the entry is the report signed in the browser, with what was typed.
    const r = parseEntry(await entryAt(revealIndex));
    assert.equal(r.kind, 'reveal');
    const rb = r.body as { commitment: string; salt: string; entry: string };
    assert.equal(rb.commitment, commitment);
    assert.equal(sha256hex(Buffer.from(rb.salt, 'base64'), utf8Encode(rb.entry)), cb.digest);
    const inner = parseEntry(utf8Encode(rb.entry));
    assert.equal(inner.id, record);
    assert.equal(inner.kind, 'report');
    assert.equal(inner.author, c.author, 'signed with the same key as the commitment');
    const ib = inner.body as { title: string; description: string };
    assert.equal(ib.title, TITLE);
    assert.equal(ib.description, SECRET);
    const listedC = await api.read<{ items: { id: string; revealedIndex: number | null }[] }>(
      null,
      '/commitments',
    );
    assert.equal(listedC.items.find((x) => x.id === commitment)?.revealedIndex, revealIndex);
    // Revealed: now anyone reads the record.
    assert.equal(await status(null, `/records/${record}`), 200);

    // 6. The second, revealed behind the page's back, then again in the page: refused, with its rule.
    const half2 = await api.read<{ salt: string; entry: string }>(
      'pk-liaison',
      `/confidential/${id2}`,
    );
    const reveal2 = await api.post('pk-liaison', 'reveal', {
      commitment: id2,
      salt: half2.salt,
      entry: half2.entry,
    });
    assert.equal(reveal2.status, 201, JSON.stringify(reveal2.answer));
    assert.equal(await row2.getAttribute('data-state'), 'committed', 'the page has not heard');
    await row2.locator(`[data-reveal="${id2}"]`).click();
    const refusal = page.locator(`#conf-said [data-for="${id2}"][data-rule="reveal_once"]`);
    await refusal.waitFor();
    assert.match(
      await refusal.innerText(),
      /“Confidential: second report”: Refused by the rule "reveal_once"/,
    );
    // The refusal had the list read again: the row now says what the log says, and offers nothing.
    await page
      .locator(`#inbox-confidential tr[data-commitment="${id2}"][data-state="revealed"]`)
      .waitFor();
    assert.equal(await row2.locator('[data-reveal]').count(), 0);
    await refusal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('refused-390.png'), fullPage: true });

    // 7. A response filed confidentially from the inbox's response form: listed as a response,
    // committed; AF (the accuser) cannot read it.
    await page.locator(`[data-respond="${allegation}"]`).click();
    await page.locator('#r-statement').fill('Our post did not fire that day.');
    await page.locator('#r-confidential').check();
    await page.locator('#inbox-respond button[type=submit]').click();
    const rr = page.locator('#r-result[data-commitment]');
    await rr.waitFor();
    const rc = (await rr.getAttribute('data-commitment'))!;
    assert.match(await rr.innerText(), /Filed confidentially/);
    const rrow = page.locator(`#inbox-confidential tr[data-commitment="${rc}"]`);
    await rrow.waitFor();
    assert.equal(await rrow.getAttribute('data-state'), 'committed');
    assert.match(await rrow.innerText(), /Our post did not fire that day\. \(Response\)/);
    assert.equal(await status('af-liaison', `/confidential/${rc}`), 404);
    assert.equal(
      parseEntry(await entryAt(Number(await rr.getAttribute('data-index')))).kind,
      'commitment',
    );

    // The form's choice in Urdu at phone width.
    await page.goto(`${h.url}/console/file?lang=ur`);
    const choice = page.locator('.console-confidential');
    await choice.waitFor();
    assert.match(await choice.innerText(), /خفیہ طور پر درج کریں/);
    assert.deepEqual(await seriousViolations(page), [], 'axe-core on the filing form in Urdu');
    await choice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('file-ur-390.png'), fullPage: true });
    await assertNoSideScroll(page);

    assert.deepEqual(offsite, []);
    assert.deepEqual(pk.problems, []);
  } finally {
    await pk.context.close();
  }
}

/** The suite on one store; one test file per store keeps each file within the runner's limit. */
export function confidentialSuite(store: 'sqlite' | 'postgres'): void {
  consoleSuite(
    'confidential',
    store,
    'filed confidentially, only the commitment public, read by its side only, revealed from the inbox',
    scenario,
  );
}
