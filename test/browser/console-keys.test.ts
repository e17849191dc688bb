// The key rules in the console, real Chromium against the real server, both stores (issue 11
// item 2): a new PK user makes a key in their browser, requests its registration (the browser signs
// the proof of possession), and is refused while it waits; PK's key steward, in their own console,
// sees the request under "Key requests" and consents (their browser signs the key entry); the
// user's console then shows the key registered, and a report signed with it is filed. AF's
// steward never sees PK's request. The shell's nav: only the role's sections, a URL each, deep
// links on reload, an unknown section said. Screenshots into /tmp/shots/console-keys-*.png.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  assertNoSideScroll,
  consoleSuite,
  shotsFor,
  signIn,
  useKeyFile,
  watchPage,
  type ConsoleHarness,
} from './console.test-support.js';

async function navSections(page: Page): Promise<string[]> {
  return page
    .locator('nav.console-nav a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('data-section') ?? ''));
}

async function keyRules(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const pk = creds.users['pk-liaison']!;
  const af = creds.users['af-liaison']!;
  const slug = creds.mission;
  const shot = shotsFor('keys', store);
  // The operator makes PK's new account; no key comes with it.
  const password = 'deputy-password-1234';
  const made = await fetch(`${h.upstream}/api/v1/admin/users`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${creds.users.admin!.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name: 'pk-deputy', displayName: 'PK deputy', org: 'PK', password }),
  });
  assert.equal(made.status, 201, await made.text());

  const deputyCtx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const stewardCtx = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const deputy = await deputyCtx.newPage();
  const steward = await stewardCtx.newPage();
  const d = watchPage(deputy);
  const s = watchPage(steward);
  try {
    // A deep link to a section: after signing in, that section.
    await deputy.goto(`${h.url}/console/key-requests`);
    await signIn(deputy, 'pk-deputy', password);
    await deputy.locator('body[data-section="key-requests"]').waitFor();
    // A party's sections, in table order; the analysts' desk is not offered to a party.
    const nav = await navSections(deputy);
    assert.deepEqual(
      nav.filter((id) => ['file', 'inbox', 'key-requests'].includes(id)),
      ['file', 'inbox', 'key-requests'],
    );
    assert.ok(!nav.includes('desk'), nav.join());
    assert.equal(
      await deputy.locator('nav.console-nav a[aria-current="page"]').getAttribute('data-section'),
      'key-requests',
    );
    await deputy.locator('#no-requests').waitFor();

    // Made here, not registered: step 1 of 3 done.
    await deputy.getByRole('button', { name: 'Create a key in this browser' }).click();
    await deputy.locator('.console-key[data-key="unregistered"]').waitFor();
    await deputy.locator('.console-steps[data-step="created"]').waitFor();
    const author = await deputy.locator('.console-author').innerText();
    assert.match(author, new RegExp(`^pk-deputy\\.${slug}\\+[0-9a-f]{8}$`));
    await deputy.getByRole('button', { name: 'Request registration' }).click();
    await deputy.locator('.console-steps[data-step="requested"]').waitFor();
    assert.match(
      await deputy.locator('.console-steps').innerText(),
      /Registration requested .*proof of possession[\s\S]*A key steward of PK consents/,
    );
    await deputy.screenshot({ path: shot('requested.png'), fullPage: true });

    // Refused while it waits: the file section, through the nav (no reload), signs and is told no.
    await deputy.locator('nav.console-nav a[data-section="file"]').click();
    await deputy.locator('body[data-section="file"]').waitFor();
    assert.equal(new URL(deputy.url()).pathname, '/console/file');
    await fillReport(deputy, 'Console keys test: before consent');
    await deputy.getByRole('button', { name: 'Sign and submit' }).click();
    await deputy
      .locator('#file-error')
      .filter({ hasText: /not a registered key/ })
      .waitFor();
    assert.deepEqual(d.entryPosts, [422]);

    // AF's steward: a steward, but of AF; PK's request is not theirs to see.
    await steward.goto(`${h.url}/console/key-requests`);
    await signIn(steward, 'af-liaison', af.password);
    await steward.locator('[data-steward="true"]').waitFor();
    assert.equal(await steward.locator(`tr[data-request="${author}"]`).count(), 0);
    await steward.getByRole('button', { name: 'Sign out' }).click();
    await steward.getByRole('heading', { name: 'Sign in' }).waitFor();

    // PK's steward: imports the steward key, sees the request, consents.
    await signIn(steward, 'pk-liaison', pk.password);
    await useKeyFile(steward, pk.keyFile);
    const row = steward.locator(`tr[data-request="${author}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-state'), 'pending');
    assert.match(await row.innerText(), /pk-deputy/);
    await steward.screenshot({ path: shot('steward.png'), fullPage: true });
    await row.getByRole('button', { name: 'Consent' }).click();
    await steward
      .locator('#requests-status .console-ok')
      .filter({ hasText: /Consented: key entry at log index \d+/ })
      .waitFor();
    assert.deepEqual(s.entryPosts, [201]);
    await steward.locator(`tr[data-request="${author}"][data-state="registered"]`).waitFor();
    await steward.screenshot({ path: shot('consented.png'), fullPage: true });

    // The user's console: registered (asked again), and the same form now files.
    await deputy.getByRole('button', { name: 'Check again' }).click();
    await deputy.locator('.console-key[data-key="registered"]').waitFor();
    await deputy.getByRole('button', { name: 'Sign and submit' }).click();
    await deputy.locator('#file-result[data-index]').waitFor();
    assert.deepEqual(d.entryPosts, [422, 201]);
    const id = (await deputy.locator('#file-result').getAttribute('data-id'))!;
    const rec = await fetch(`${h.upstream}/api/v1/missions/${slug}/records/${id}`, {
      headers: { authorization: `Bearer ${pk.token}` },
    });
    assert.equal(rec.status, 200);
    assert.equal(((await rec.json()) as { author: string }).author, author);

    // A deep link reloads into its section; a section not in the table is said, not blank.
    await deputy.reload();
    await deputy.locator('body[data-section="file"]').waitFor();
    await deputy.goto(`${h.url}/console/no-such`);
    await deputy
      .locator('#section-refused')
      .filter({ hasText: /no section "no-such"/ })
      .waitFor();
    assert.deepEqual(d.problems, []);
    assert.deepEqual(s.problems, []);

    // 390 px and Urdu of the steward's section.
    await steward.setViewportSize({ width: 390, height: 844 });
    await steward.reload();
    await steward.locator(`tr[data-request="${author}"]`).waitFor();
    await assertNoSideScroll(steward);
    await steward.screenshot({ path: shot('390.png'), fullPage: true });
    await steward.setViewportSize({ width: 1280, height: 900 });
    await steward.goto(`${h.url}/console/key-requests?lang=ur`);
    await steward.locator(`tr[data-request="${author}"]`).waitFor();
    assert.equal(await steward.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(
      await steward.locator('nav.console-nav a[data-section="key-requests"]').innerText(),
      'کلید کی درخواستیں',
    );
    await steward.screenshot({ path: shot('ur.png'), fullPage: true });
  } finally {
    await deputyCtx.close();
    await stewardCtx.close();
  }
}

/** A valid PK allegation against AF, typed into the filing form. */
async function fillReport(page: Page, title: string): Promise<void> {
  await page.getByLabel('Filing').selectOption('allegation');
  await page.getByLabel('Accused party').selectOption('AF');
  await page.getByLabel('Event type').selectOption('shelling');
  await page.getByLabel('Date (UTC)').fill('2025-10-24');
  await page.getByLabel('Place name').fill('Angoor Adda');
  await page.getByLabel('Country').selectOption('PK');
  await page.getByLabel('Latitude').fill('32.62');
  await page.getByLabel('Longitude').fill('69.27');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('Rounds landed near the crossing.');
}

for (const store of ['sqlite', 'postgres'] as const)
  consoleSuite(
    'keys',
    store,
    'a browser key: requested, consented by the steward, registered, then files',
    keyRules,
  );
