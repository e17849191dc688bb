// The analysts' desk in real Chromium against the real server, on SQLite and PostgreSQL (issue 11
// item 6): the review queue lists the reports filed for the test (filters from the URL); PK's and
// AF's reports are grouped into a new incident by bulk action; the analyst tasks the monitor and
// drafts a finding in the incident panel; the monitor's report is dismissed with a reason and
// another marked duplicate of the incident; 205 reports are dismissed at once, in two signed
// entries (200 + 5) with the progress bar at 205 of 205. Every step is read back through the API.
// Screenshots /tmp/shots/console-desk-*.png (1280 px, 390 px, Urdu); axe-core on the desk.
// The scenario, run by console-desk.test.ts (SQLite) and console-desk-postgres.test.ts (PostgreSQL):
// one store per file, so each file stays inside the runner's per-file time limit on a loaded machine.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { exampleBody } from '../../src/core/examples.js';
import {
  apiAs,
  assertNoSideScroll,
  openConsole,
  seriousViolations as serious,
  shotsFor,
  type ConsoleHarness,
} from './console.test-support.js';

export async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const api = `${h.upstream}/api/v1/missions/${slug}`;
  const analyst = creds.users['analyst']!;
  const auth = { authorization: `Bearer ${analyst.token}` };
  const word = `desk${randomBytes(5).toString('hex')}`;
  const bulkWord = `bulk${randomBytes(5).toString('hex')}`;
  const report = (title: string, w: string) => {
    const { accused: _a, ...plain } = exampleBody('report') as Record<string, unknown>;
    return {
      ...plain,
      title: `${title} ${w}`,
      description: `For the desk test (${w}).`,
      fatalities: { count: 1 },
    };
  };
  const fileAs = (user: string, bodies: Record<string, unknown>[]) =>
    apiAs(h).fileBatch(user, 'report', bodies);
  const shot = shotsFor('desk', store);
  const [pk] = await fileAs('pk-liaison', [report('PK shelling', word)]);
  const [af] = await fileAs('af-liaison', [report('AF shelling', word)]);
  const [mt, mt2] = await fileAs('monitor', [
    report('Monitor saw', word),
    report('Monitor again', word),
  ]);
  const bulk = await fileAs(
    'monitor',
    Array.from({ length: 205 }, (_, i) => report(`Noise ${i}`, bulkWord)),
  );

  const offsite: string[] = [];
  const { context, page, problems } = await openConsole(h, 'analyst', `/console/desk?q=${word}`, {
    offsite,
    axe: true,
  });
  try {
    const list = page.locator('#desk-list');
    await page.locator('#desk-list[data-loaded="4"]').waitFor();
    const shown = await list
      .locator('[data-record]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.record));
    assert.deepEqual(shown, [mt2, mt, af, pk], 'newest first, exactly the test’s reports');
    // A filter narrows it (the monitors' two).
    await page.locator('#desk-role').selectOption('monitor');
    await page.locator('form.desk-filters button[type=submit]').click();
    await page.locator('#desk-list[data-loaded="2"]').waitFor();
    assert.match(page.url(), /role=monitor/);
    await page.locator('#desk-role').selectOption('');
    await page.locator('form.desk-filters button[type=submit]').click();
    await page.locator('#desk-list[data-loaded="4"]').waitFor();
    await page.screenshot({ path: shot('queue.png'), fullPage: true });
    assert.deepEqual(await serious(page), [], 'axe-core on the desk');

    // Group PK's and AF's reports into a new incident.
    await page.locator(`#desk-sel-${pk}`).check();
    await page.locator(`#desk-sel-${af}`).check();
    assert.equal(await page.locator('#desk-selected').innerText(), '2 selected');
    await page.locator('#desk-action').selectOption('group_new');
    await page.locator('#desk-title').fill(`Shelling at the crossing ${word}`);
    await page.locator('form.desk-actions button[type=submit]').click();
    const panel = page.locator('#desk-incident[data-status="reported"]');
    await panel.waitFor();
    const incident = (await panel.getAttribute('data-incident'))!;
    await page.locator('#desk-list[data-loaded="2"]').waitFor();
    assert.match(
      await page.locator('#desk-progress-text').innerText(),
      /2 records in 1 signed entry/,
    );
    let detail = (await (
      await fetch(`${api}/incidents/${incident}`, { headers: auth })
    ).json()) as {
      status: string;
      title: string;
      records: { id: string; kind: string }[];
      tasks: { assignee: string }[];
      findings: { verdict: string; attribution: string; status: string }[];
    };
    assert.equal(detail.title, `Shelling at the crossing ${word}`);
    assert.deepEqual(
      detail.records
        .filter((r) => r.kind === 'report')
        .map((r) => r.id)
        .sort(),
      [pk, af].sort(),
    );

    // Task the monitor (the incident moves to investigating), then draft a finding.
    await page
      .locator('#desk-instructions')
      .fill('Visit the customs yard and photograph the craters.');
    await page.locator('#desk-task-kind').selectOption('site_visit');
    await page.locator('form.desk-task button[type=submit]').click();
    await page.locator('#desk-incident[data-status="investigating"]').waitFor();
    await page.locator('[data-out="task"][data-filed]').waitFor();
    await page.locator('#desk-verdict').selectOption('confirmed');
    await page.locator('#desk-attribution').selectOption('AF');
    await page.locator('#desk-reliability').selectOption('B');
    await page.locator('#desk-credibility').selectOption('2');
    await page.locator('#desk-terms input').first().check();
    await page.locator('#desk-rationale').fill('Two sides’ reports and the site visit agree.');
    await page.locator('form.desk-finding button[type=submit]').click();
    await page.locator('#desk-incident[data-status="finding_drafted"]').waitFor();
    await page.screenshot({ path: shot('incident.png'), fullPage: true });
    detail = (await (
      await fetch(`${api}/incidents/${incident}`, { headers: auth })
    ).json()) as typeof detail;
    assert.equal(detail.status, 'finding_drafted');
    assert.deepEqual(
      detail.tasks.map((t) => t.assignee),
      ['monitor'],
    );
    assert.deepEqual(
      detail.findings.map((f) => [f.verdict, f.attribution, f.status]),
      [['confirmed', 'AF', 'draft']],
    );

    // Dismiss the monitor's first report with a reason; mark the second a duplicate of the incident.
    await page.locator(`#desk-sel-${mt}`).check();
    await page.locator('#desk-action').selectOption('dismiss');
    await page.locator('form.desk-actions button[type=submit]').click();
    assert.equal(
      await page.locator('#desk-action-error').innerText(),
      'Say why they are dismissed.',
    );
    await page.locator('#desk-reason').fill('Same event as the PK report, seen from the post.');
    await page.locator('form.desk-actions button[type=submit]').click();
    await page.locator('#desk-list[data-loaded="1"]').waitFor();
    await page.locator(`#desk-sel-${mt2}`).check();
    await page.locator('#desk-action').selectOption('duplicate');
    // The target is chosen from a list: the open incidents and the queue's unselected records.
    await page.locator(`#desk-of option[value="${incident}"]`).waitFor({ state: 'attached' });
    assert.equal(await page.locator(`#desk-of option[value="${mt2}"]`).count(), 0, 'not itself');
    await page.locator('form.desk-actions button[type=submit]').click();
    assert.equal(
      await page.locator('#desk-action-error').innerText(),
      'Choose the record or incident they repeat.',
    );
    await page.locator('#desk-of').selectOption(incident);
    await page.screenshot({ path: shot('duplicate.png'), fullPage: true });
    await page.locator('form.desk-actions button[type=submit]').click();
    await page.locator('#desk-list[data-loaded="0"]').waitFor({ state: 'attached' });
    const gone = (await (
      await fetch(`${api}/desk/queue?q=${word}&state=all`, { headers: auth })
    ).json()) as {
      items: { id: string; state: string; triage: { reason: string | null; of: string | null } }[];
    };
    assert.deepEqual(
      gone.items.map((i) => [i.id, i.state, i.triage.reason, i.triage.of]),
      [
        [mt2, 'duplicate', null, incident],
        [mt, 'dismissed', 'Same event as the PK report, seen from the post.', null],
      ],
    );

    // 205 at once: two signed entries (200 + 5), the progress bar at the end.
    await page.goto(`${h.url}/console/desk?q=${bulkWord}`);
    await page.locator('#desk-list[data-loaded="205"]').waitFor();
    await page.locator('#desk-all').check();
    assert.equal(await page.locator('#desk-selected').innerText(), '205 selected');
    await page.locator('#desk-action').selectOption('dismiss');
    await page.locator('#desk-reason').fill('Test noise.');
    await page.locator('form.desk-actions button[type=submit]').click();
    await page.locator('#desk-list[data-loaded="0"]').waitFor({ state: 'attached' });
    assert.match(
      await page.locator('#desk-progress-text').innerText(),
      /205 records in 2 signed entries/,
    );
    assert.equal(await page.locator('#desk-progress').getAttribute('value'), '205');
    assert.equal(await page.locator('#desk-progress').getAttribute('max'), '205');
    const dismissed = (await (
      await fetch(`${api}/desk/queue?q=${bulkWord}&state=dismissed&limit=500`, { headers: auth })
    ).json()) as { items: { id: string; triage: { entry: string } }[] };
    assert.deepEqual(dismissed.items.map((i) => i.id).sort(), [...bulk].sort());
    assert.equal(new Set(dismissed.items.map((i) => i.triage.entry)).size, 2, 'two entries');
    await page.screenshot({ path: shot('bulk.png'), fullPage: true });

    // Phone width and Urdu.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/console/desk?incident=${incident}`);
    await page.locator('#desk-incident[data-status="finding_drafted"]').waitFor();
    await page.locator('#desk-list[data-loaded]').waitFor({ state: 'attached' });
    await page.screenshot({ path: shot('390.png'), fullPage: true });
    await assertNoSideScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.url}/console/desk?lang=ur&incident=${incident}`);
    await page.locator('#desk-list[data-loaded]').waitFor({ state: 'attached' });
    await page.locator('#desk-incident[data-status]').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.screenshot({ path: shot('ur.png'), fullPage: true });
    assert.deepEqual(await serious(page), [], 'axe-core on the desk in Urdu');
    assert.deepEqual(offsite, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}
