// The monitors' section in real Chromium against the real server, both stores (issue 11 item 5):
// the analyst opens an incident and tasks the monitor (over the API, as the desk would); the
// monitor's console lists the task, records an update, then access denied (by whom, where), each
// signed in the browser; the incident then shows the task closed as access denied by AF; and a
// crossing's status is recorded. Screenshots into /tmp/shots/console-monitor-*.png.
import assert from 'node:assert/strict';
import { exampleBody } from '../../src/core/examples.js';
import {
  apiAs,
  consoleSuite,
  assertNoSideScroll,
  shotsFor,
  signIn,
  useKeyFile,
  type ConsoleHarness,
} from './console.test-support.js';

async function monitor(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const analyst = creds.users.analyst!;
  const mon = creds.users.monitor!;
  const shot = shotsFor('monitor', store);
  const { file } = apiAs(h);
  const report = await file('af-liaison', 'report', {
    ...exampleBody('report'),
    title: 'Monitor test: shelling near Ghulam Khan',
    accused: 'PK',
    fatalities: { count: 0, claimedBy: 'AF' },
  });
  const ex = exampleBody('report') as Record<string, unknown>;
  const incident = await file('analyst', 'incident', {
    action: 'open',
    title: 'Monitor test: Ghulam Khan',
    type: ex.type,
    occurred: ex.occurred,
    location: ex.location,
    reports: [report],
  });
  const task = await file('analyst', 'task', {
    action: 'assign',
    incident,
    kind: 'site_visit',
    assignee: 'monitor',
    instructions: 'Visit the crossing and photograph the impact sites.',
  });

  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  try {
    await page.goto(`${h.url}/console/tasks`);
    await signIn(page, 'monitor', mon.password);
    await page.locator('body[data-section="tasks"]').waitFor();
    await useKeyFile(page, mon.keyFile);
    const card = page.locator(`li[data-task="${task}"]`);
    await card.waitFor();
    assert.equal(await card.getAttribute('data-open'), 'true');
    assert.match(await card.innerText(), /Monitor test: Ghulam Khan · Site visit/);
    assert.match(await card.innerText(), /photograph the impact sites/);

    // An update: an empty note is said beside its field; then signed and filed.
    await card.getByRole('button', { name: 'Update' }).click();
    await page.locator('#t-update button[type=submit]').click();
    await page
      .locator('#t-update-notes-error')
      .filter({ hasText: /Fill in/ })
      .waitFor();
    await page.locator('#t-update-notes').fill('On site at 09:10; two craters found.');
    await page.locator('#t-update button[type=submit]').click();
    await page.locator('#t-update-result .console-ok').waitFor();

    // Access denied, by whom and where: the task closes with that outcome.
    await page
      .locator(`li[data-task="${task}"]`)
      .getByRole('button', { name: 'Access denied' })
      .click();
    await page.getByLabel('Refused by').selectOption('AF');
    await page.getByLabel('Where').fill('the Ghulam Khan gate');
    await page.locator('#t-denied-notes').fill('Turned back by the post commander.');
    await page.screenshot({ path: shot(''), fullPage: true });
    await page.locator('#t-denied button[type=submit]').click();
    await page.locator('#t-denied-result .console-ok').waitFor();
    await page.locator(`li[data-task="${task}"][data-outcome="access_denied"]`).waitFor();
    assert.match(await page.locator(`li[data-task="${task}"]`).innerText(), /access denied by AF/);
    const detail = (await (
      await fetch(`${h.upstream}/api/v1/missions/${slug}/incidents/${incident}`, {
        headers: { authorization: `Bearer ${analyst.token}` },
      })
    ).json()) as {
      tasks: { id: string; open: boolean; outcome: string; deniedBy: string }[];
      records: { id: string; kind: string; body: { notes?: string } }[];
    };
    const t = detail.tasks.find((x) => x.id === task)!;
    assert.deepEqual([t.open, t.outcome, t.deniedBy], [false, 'access_denied', 'AF']);
    assert.ok(
      detail.records.some((r) =>
        r.body.notes?.startsWith('Access denied at the Ghulam Khan gate.'),
      ),
    );

    // A crossing's status.
    await page.locator('#c-status').waitFor();
    await page.locator('#c-status-status').selectOption('closed');
    await page.locator('#c-status-cause').fill('Closed after the shelling.');
    await page.locator('#c-status button[type=submit]').click();
    await page.locator('#c-status-result .console-ok').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator(`li[data-task="${task}"]`).waitFor();
    await assertNoSideScroll(page);
    await page.screenshot({ path: shot('390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.url}/console/tasks?lang=ur`);
    await page.locator(`li[data-task="${task}"]`).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.getByRole('heading', { name: 'میرے کام' }).waitFor();
    await page.screenshot({ path: shot('ur.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

for (const store of ['sqlite', 'postgres'] as const)
  consoleSuite(
    'monitor',
    store,
    'tasks: update, access denied (by whom, where), a crossing status',
    monitor,
  );
