// Offline field reports in real Chromium against the real server (issue 11 item 8), run on each
// store by console-offline.test.ts and console-offline-postgres.test.ts. The monitor opens the
// console once online (the service worker installs and keeps the app and what the console read),
// loses the network (context.setOffline) and reloads: the console still loads, from the service
// worker. Access denied on one task and on a second is signed offline and waits in the outbox; the
// API has neither; meanwhile the analyst closes the second task. Back online the outbox sends both
// in order: the first is logged once (index shown), the second is refused by rule task_open. A
// reload, a second tab, and an entry left "sending" by a page closed mid-post send nothing twice
// (the log's 409 duplicate counts as sent). Screenshots, en and ur at 390 px:
// /tmp/shots/console-offline[-postgres]-{waiting,sent}[-ur].png.
import assert from 'node:assert/strict';
import { exampleBody } from '../../src/core/examples.js';
import type { IncidentDetail } from '../../src/core/views/read-model.js';
import type { Page } from 'playwright-core';
import {
  apiAs,
  assertNoSideScroll,
  consoleSuite,
  openConsole,
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

  const mon = await openConsole(h, 'monitor', '/console/tasks', { width: 390 });
  const { context, page } = mon;
  // Every entry POST the monitor's browser makes (both tabs), with its answer's status.
  const posts: string[] = [];
  context.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/entries')) posts.push(r.url());
  });
  try {
    await page.locator(`li[data-task="${taskA}"]`).waitFor();
    await swControls(page);
    // A second look online, under the service worker: what the console reads is kept for later.
    await page.reload();
    await page.locator(`li[data-task="${taskB}"]`).waitFor();

    // No network: the reload still loads the console, its session and the tasks.
    await context.setOffline(true);
    await page.reload();
    await page.locator('body[data-console="signed-in"]').waitFor();
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
    await page.screenshot({ path: shot('waiting.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('waiting-outbox.png') });
    assert.deepEqual(posts, [], 'nothing was posted offline');

    // The API has neither; the analyst closes the second task meanwhile.
    const before = await detail();
    assert.ok(!before.records.some((r) => r.id === idA || r.id === idB));
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
    assert.equal(await entry(page, idB, 'refused').getAttribute('data-rule'), 'task_open');
    await page.locator(`li[data-task="${taskA}"][data-outcome="access_denied"]`).waitFor();
    await page.locator('#outbox-offline').waitFor({ state: 'hidden' });
    await assertNoSideScroll(page);
    await page.screenshot({ path: shot('sent-ur.png'), fullPage: true });
    await page.locator('#outbox').screenshot({ path: shot('sent-ur-outbox.png') });
    assert.equal(posts.length, 2, 'each entry posted once');

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
    assert.equal(posts.length, 3, 'the resend of the entry left sending, and nothing else');
    assert.equal((await detail()).records.filter((r) => r.id === idA).length, 1);
    // Done with: cleared, and the panel (online, empty) goes.
    await page.getByRole('button', { name: 'Clear sent and refused' }).click();
    await page.locator('#outbox').waitFor({ state: 'hidden' });
    assert.deepEqual(mon.problems, []);
  } finally {
    await context.close();
  }
}

export const offlineSuite = (store: 'sqlite' | 'postgres') =>
  consoleSuite(
    'offline',
    store,
    'offline: loads from the service worker, access denied waits in the outbox, sent once',
    offline,
  );
