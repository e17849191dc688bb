// Offline field reports in real Chromium against the real server (issue 11 item 8), run on each
// store by console-offline.test.ts and console-offline-postgres.test.ts. The monitor opens the
// console once online (the service worker installs and keeps the app and what the console read),
// loses the network (context.setOffline) and reloads: the console still loads, from the service
// worker. Access denied on one task and on a second, and a report from the filing form (whose
// evidence file is refused offline: it must be uploaded first), are signed offline and wait in the
// outbox; the API has none; meanwhile the analyst closes the second task. Back online the outbox
// sends them in order: the first and the report are logged once (index shown), the second is
// refused by rule task_open. A
// reload, a second tab, and an entry left "sending" by a page closed mid-post send nothing twice
// (the log's 409 duplicate counts as sent). Screenshots, en and ur at 390 px:
// /tmp/shots/console-offline[-postgres]-{waiting,sent}[-ur].png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleBody } from '../../src/core/examples.js';
import type { IncidentDetail } from '../../src/core/views/read-model.js';
import type { Page } from 'playwright-core';
import {
  apiAs,
  assertNoSideScroll,
  consoleSuite,
  openConsole,
  seriousViolations,
  shotsFor,
  type ConsoleHarness,
} from './console.test-support.js';

/** Waits until the service worker controls the page (it claims the page once it has cached all). */
async function swControls(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Records access denied by AF on `task` in the monitor's tasks; returns the signed entry's id. */
async function denyAccess(page: Page, task: string, where: string): Promise<string> {
  await page
    .locator(`li[data-task="${task}"]`)
    .getByRole('button', { name: 'Access denied' })
    .click();
  await page.getByLabel('Refused by').selectOption('AF');
  await page.getByLabel('Where').fill(where);
  await page.locator('#t-denied-notes').fill('Turned back by the post commander.');
  await page.locator('#t-denied button[type=submit]').click();
  await page.locator('#t-denied-result .console-queued').waitFor();
  return (await page.locator('#t-denied').getAttribute('data-queued'))!;
}

/** Files a report offline from the filing section: with an evidence file it is refused (the file
 * needs the network), without it it is queued; returns the signed entry's id. */
async function fileOffline(page: Page, evidencePath: string): Promise<string> {
  await page.locator('#file-heading').waitFor();
  await page.locator('#f-type').selectOption('shelling');
  await page.locator('#f-time').fill('07:15');
  await page.locator('#f-place').fill('Torkham');
  await page.locator('#f-country').selectOption('AF');
  await page.locator('#f-lat').fill('34.1300');
  await page.locator('#f-lon').fill('71.0900');
  await page.locator('#f-title').fill('Offline test: smoke over the Torkham gate');
  await page.locator('#f-description').fill('Seen from the customs yard at 07:15.');
  await page.locator('#f-evidence').setInputFiles(evidencePath);
  await page.locator('.evidence-item[data-evidence="hashed"]').waitFor();
  await page.locator('form.console-form button[type=submit]').click();
  await page
    .locator('#f-evidence-error')
    .filter({ hasText: /no network/ })
    .waitFor();
  await page.locator('.evidence-item button').click();
  await page.locator('form.console-form button[type=submit]').click();
  await page.locator('#file-result[data-queued]').waitFor();
  return (await page.locator('#file-result').getAttribute('data-queued'))!;
}

const entry = (page: Page, id: string, state: string) =>
  page.locator(`#outbox li[data-id="${id}"][data-state="${state}"]`);

export async function offline(h: ConsoleHarness, store: string): Promise<void> {
  const shot = shotsFor('offline', store);
  const { file, read } = apiAs(h);
  const report = await file('af-liaison', 'report', {
    ...exampleBody('report'),
    title: 'Offline test: shelling near Torkham',
    accused: 'PK',
    fatalities: { count: 0, claimedBy: 'AF' },
  });
  const ex = exampleBody('report') as Record<string, unknown>;
  const incident = await file('analyst', 'incident', {
    action: 'open',
    title: 'Offline test: Torkham',
    type: ex.type,
    occurred: ex.occurred,
    location: ex.location,
    reports: [report],
  });
  const assign = (instructions: string) =>
    file('analyst', 'task', {
      action: 'assign',
      incident,
      kind: 'site_visit',
      assignee: 'monitor',
      instructions,
    });
  const taskA = await assign('Visit the Torkham gate and photograph the impact sites.');
  const taskB = await assign('Speak to the traders at the Torkham bazaar.');
  const detail = () => read<IncidentDetail>('analyst', `/incidents/${incident}`);

  const dir = mkdtempSync(join(tmpdir(), 'truceline-offline-'));
  const evidencePath = join(dir, 'torkham.txt');
  writeFileSync(evidencePath, 'notes from the customs yard');
  const mon = await openConsole(h, 'monitor', '/console/tasks', { width: 390, axe: true });
  const { context, page } = mon;
  // Every entry POST of the monitor's browser (both tabs) that reached the server: the entry id
  // and the answer's status. (A post the network swallowed as it came back gets no answer: the
  // outbox tries it again, and that is not a second entry.)
  const posts: string[] = [];
  context.on('response', (r) => {
    const q = r.request();
    if (q.method() === 'POST' && q.url().endsWith('/entries'))
      posts.push(
        `${(JSON.parse(q.postData() ?? '{}') as { id?: string }).id ?? '?'} ${r.status()}`,
      );
  });
  try {
    await page.locator(`li[data-task="${taskA}"]`).waitFor();
    await swControls(page);
    // The tasks read again under the service worker (to another section and back, no reload):
    // what the console reads is kept for later. The session was kept as the worker took over
    // (the sign-in itself is a POST, and this page's first read came before the worker).
    await page.locator('a[data-section="file"]').click();
    await page.locator('#file-heading').waitFor();
    await page.locator('a[data-section="tasks"]').click();
    await page.locator(`li[data-task="${taskB}"]`).waitFor();

    // No network: the reload still loads the console, its session and the tasks.
    await context.setOffline(true);
    await page.reload();
    await page.locator('body[data-console="signed-in"]').waitFor();
    assert.equal(
      await page.evaluate(() => navigator.onLine),
      false,
      'the page knows it is offline',
    );
    await page.locator('#outbox-offline:visible').waitFor();
    await page.locator(`li[data-task="${taskA}"][data-open="true"]`).waitFor();
    await page.locator('.console-key[data-key="registered"]').waitFor();

    const idA = await denyAccess(page, taskA, 'the Torkham gate');
    await entry(page, idA, 'waiting').waitFor();
    // The task is still open (the log has not heard), and says an entry for it waits.
    await page.locator(`li[data-task="${taskA}"][data-open="true"] [data-queued]`).waitFor();
    const idB = await denyAccess(page, taskB, 'the Torkham bazaar');
    await entry(page, idB, 'waiting').waitFor();
    assert.match(await entry(page, idA, 'waiting').innerText(), /Waiting for the network/);
    assert.equal(await page.locator('#outbox').getAttribute('data-waiting'), '2');
    await assertNoSideScroll(page);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: shot('waiting.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('waiting-outbox.png') });
    // A report from the filing form (the section changes without the network too).
    await page.locator('a[data-section="file"]').click();
    const idR = await fileOffline(page, evidencePath);
    await entry(page, idR, 'waiting').waitFor();
    await page.locator('a[data-section="tasks"]').click();
    await page.locator(`li[data-task="${taskA}"]`).waitFor();
    assert.deepEqual(posts, [], 'nothing was posted offline');

    // The API has neither; the analyst closes the second task meanwhile.
    const before = await detail();
    assert.ok(!before.records.some((r) => r.id === idA || r.id === idB));
    const noReport = await fetch(
      `${h.upstream}/api/v1/missions/${h.demo.creds.mission}/records/${idR}`,
      {
        headers: { authorization: `Bearer ${h.demo.creds.users.analyst!.token}` },
      },
    );
    assert.equal(noReport.status, 404, 'the report is not in the log offline');
    assert.ok(before.tasks.find((t) => t.id === taskA)!.open);
    await file('analyst', 'task', {
      action: 'close',
      task: taskB,
      outcome: 'cancelled',
      notes: 'The traders were interviewed by phone.',
      evidence: [],
    });

    // Urdu, still offline: the same outbox in the page's language.
    await page.goto(`${h.url}/console/tasks?lang=ur`);
    await entry(page, idB, 'waiting').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.getByRole('heading', { name: 'آؤٹ باکس' }).waitFor();
    await assertNoSideScroll(page);
    await page.screenshot({ path: shot('waiting-ur.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('waiting-ur-outbox.png') });

    // Back online: sent in order, A logged, B refused by its rule; the task list follows the log.
    await context.setOffline(false);
    await entry(page, idA, 'sent').waitFor();
    await entry(page, idB, 'refused').waitFor();
    await entry(page, idR, 'sent').waitFor();
    assert.equal(await entry(page, idB, 'refused').getAttribute('data-rule'), 'task_open');
    await page.locator(`li[data-task="${taskA}"][data-outcome="access_denied"]`).waitFor();
    await page.locator('#outbox-offline').waitFor({ state: 'hidden' });
    await assertNoSideScroll(page);
    await page.screenshot({ path: shot('sent-ur.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('sent-ur-outbox.png') });
    assert.deepEqual(
      posts,
      [`${idA} 201`, `${idB} 422`, `${idR} 201`],
      'each posted once, in order',
    );
    const filed = await read<{ body: { title: string } }>('analyst', `/records/${idR}`);
    assert.equal(filed.body.title, 'Offline test: smoke over the Torkham gate');

    const after = await detail();
    const logged = after.records.filter((r) => r.id === idA);
    assert.equal(logged.length, 1, 'the access denied is in the log once');
    assert.equal((logged[0]!.body as { outcome?: string }).outcome, 'access_denied');
    assert.ok(!after.records.some((r) => r.id === idB), 'the refused one is not logged');
    const tA = after.tasks.find((t) => t.id === taskA)!;
    assert.deepEqual([tA.open, tA.outcome, tA.deniedBy], [false, 'access_denied', 'AF']);
    assert.equal(after.tasks.find((t) => t.id === taskB)!.outcome, 'cancelled');

    // English: the sent one names its log index, the refused one its rule.
    await page.goto(`${h.url}/console/tasks?lang=en`);
    const sentA = entry(page, idA, 'sent');
    await sentA.waitFor();
    const index = await sentA.getAttribute('data-index');
    assert.match(index ?? '', /^\d+$/);
    assert.match(await sentA.innerText(), new RegExp(`Sent: log entry ${index}`));
    assert.match(await entry(page, idB, 'refused').innerText(), /task_open/);
    await page.screenshot({ path: shot('sent.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('sent-outbox.png') });

    // A second tab of the same browser sends nothing again.
    const second = await context.newPage();
    await second.goto(`${h.url}/console/tasks`);
    await entry(second, idA, 'sent').waitFor();
    await second.close();

    // A page closed mid-post leaves its entry "sending": the next start sends it again, the log
    // answers 409 duplicate, and the outbox counts it as sent without a second record.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('truceline-outbox');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('entries', 'readwrite');
            const store = tx.objectStore('entries');
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...get.result, state: 'sending', index: undefined });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      idA,
    );
    await page.reload();
    await entry(page, idA, 'sent').waitFor();
    assert.match(await entry(page, idA, 'sent').innerText(), /the log had it already/);
    assert.deepEqual(posts.slice(3), [`${idA} 409`], 'the entry left sending, answered duplicate');
    assert.equal((await detail()).records.filter((r) => r.id === idA).length, 1);
    // Done with: cleared, and the panel (online, empty) goes.
    await page.getByRole('button', { name: 'Clear sent and refused' }).click();
    await page.locator('#outbox').waitFor({ state: 'hidden' });
    assert.deepEqual(mon.problems, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const offlineSuite = (store: 'sqlite' | 'postgres') =>
  consoleSuite(
    'offline',
    store,
    'offline: loads from the service worker, access denied waits in the outbox, sent once',
    offline,
  );
