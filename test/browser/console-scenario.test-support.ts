// The whole demo scenario through the console alone (issue 11, Tests): every step is a person in
// their own browser (their own context, their own key in IndexedDB), nothing filed over the API by
// the test. PK's liaison files an allegation against AF with an evidence file; the monitor files a
// report of the same shelling; the analyst groups the two into a new incident by bulk action on the
// desk and tasks the monitor; AF's liaison answers the allegation from the inbox before its
// deadline; the monitor, with no network, records access denied by AF, which waits in the outbox
// and is sent when the network is back; the analyst drafts a finding; QA's and TR's
// mediators endorse it and TR's releases it; the public incident page then verifies every record
// in the browser (data-verify-status="verified"). The test only reads the API to check each step.
// Run by console-scenario-sqlite.test.ts and console-scenario-postgres.test.ts, one store a file.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AllegationView, IncidentDetail } from '../../src/core/views/read-model.js';
import {
  apiAs,
  consoleSuite,
  openConsole,
  shotsFor,
  type ConsoleHarness,
  type ConsolePage,
} from './console.test-support.js';

/** Files the open form (the filing section) and returns the new record's id. */
async function fileForm(page: Page, fill: () => Promise<void>): Promise<string> {
  await page.locator('#file-heading').waitFor();
  await page.locator('#f-type').selectOption('shelling');
  await page.locator('#f-date').fill('2025-10-22');
  await page.locator('#f-time').fill('06:40');
  await page.locator('#f-place').fill('Chaman');
  await page.locator('#f-country').selectOption('PK');
  await page.locator('#f-lat').fill('30.9210');
  await page.locator('#f-lon').fill('66.4597');
  await fill();
  await page.locator('form.console-form button[type=submit]').click();
  try {
    await page.locator('#file-result[data-index]').waitFor();
  } catch (err) {
    // Say what the form said (a field error, a refused rule) rather than only "timed out".
    const said = await page
      .locator('form.console-form .field-error:not(:empty), #file-error')
      .allInnerTexts();
    throw new Error(`the form did not file: ${said.join(' | ')}`, { cause: err });
  }
  return (await page.locator('#file-result').getAttribute('data-id'))!;
}

/** Polls a read until `ok` holds: other users' reads follow the log eventually, not at once. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const { read } = apiAs(h);
  const shot = shotsFor('scenario', store);
  const word = `scen${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'truceline-scenario-'));
  const evidence = Buffer.concat([
    Buffer.from('%PDF-1.4\n% crater photographs\n'),
    randomBytes(2048),
  ]);
  const evidencePath = join(dir, 'chaman-craters.pdf');
  writeFileSync(evidencePath, evidence);
  const digest = createHash('sha256').update(evidence).digest('hex');
  const offsite: string[] = [];
  const open: ConsolePage[] = [];
  const as = async (user: string, path: string) => {
    const c = await openConsole(h, user, path, { offsite });
    open.push(c);
    return c;
  };
  const done = async (c: ConsolePage) => {
    assert.deepEqual(c.problems, [], 'no page errors');
    await c.context.close();
  };
  const incidentAs = (user: string | null, id: string) =>
    read<IncidentDetail>(user, `/incidents/${encodeURIComponent(id)}`);

  try {
    // 1. PK's liaison: an allegation against AF, with the evidence file hashed in the browser.
    const pk = await as('pk-liaison', '/console/file');
    const allegation = await fileForm(pk.page, async () => {
      await pk.page.getByLabel('Filing').selectOption('allegation');
      await pk.page.getByLabel('Accused party').selectOption('AF');
      await pk.page.locator('#f-fatalities').fill('2');
      await pk.page.locator('#f-title').fill(`Mortar fire on Chaman ${word}`);
      await pk.page.locator('#f-description').fill('Rounds from across the line hit the bazaar.');
      await pk.page.locator('#f-evidence').setInputFiles(evidencePath);
      await pk.page.locator(`.evidence-item[data-sha256="${digest}"]`).waitFor();
    });
    await pk.page.screenshot({ path: shot('1-pk-filed.png'), fullPage: true });
    const filed = await read<{ body: { accused: string; evidence: { sha256: string }[] } }>(
      'pk-liaison',
      `/records/${allegation}`,
    );
    assert.equal(filed.body.accused, 'AF');
    assert.deepEqual(
      filed.body.evidence.map((e) => e.sha256),
      [digest],
    );

    // 2. The monitor's own report of the same shelling: the second report.
    const mon = await as('monitor', '/console/file');
    const second = await fileForm(mon.page, async () => {
      await mon.page.locator('#f-title').fill(`Impacts seen at Chaman ${word}`);
      await mon.page.locator('#f-description').fill('Two craters by the bazaar, seen at 08:00.');
    });

    // 3. The analyst: both in the queue; grouped into a new incident by bulk action; the monitor
    // tasked with a site visit.
    const an = await as('analyst', `/console/desk?q=${word}`);
    await an.page.locator('#desk-list[data-loaded="2"]').waitFor();
    await an.page.locator(`#desk-sel-${allegation}`).check();
    await an.page.locator(`#desk-sel-${second}`).check();
    await an.page.locator('#desk-action').selectOption('group_new');
    await an.page.locator('#desk-title').fill(`Shelling of Chaman ${word}`);
    await an.page.locator('form.desk-actions button[type=submit]').click();
    const panel = an.page.locator('#desk-incident[data-status="reported"]');
    await panel.waitFor();
    const incident = (await panel.getAttribute('data-incident'))!;
    await an.page.locator('#desk-list[data-loaded="0"]').waitFor({ state: 'attached' });
    await an.page.locator('#desk-task-kind').selectOption('site_visit');
    await an.page.locator('#desk-instructions').fill('Visit the Chaman bazaar and the craters.');
    await an.page.locator('form.desk-task button[type=submit]').click();
    await an.page.locator('#desk-incident[data-status="investigating"]').waitFor();
    await an.page.screenshot({ path: shot('3-analyst-grouped.png'), fullPage: true });
    let detail = await incidentAs('analyst', incident);
    assert.deepEqual(
      detail.records
        .filter((r) => r.kind === 'report')
        .map((r) => r.id)
        .sort(),
      [allegation, second].sort(),
    );
    assert.deepEqual(
      detail.tasks.map((t) => [t.assignee, t.open]),
      [['monitor', true]],
    );
    const task = detail.tasks[0]!.id;

    // 4. AF's liaison: the allegation in the inbox with its deadline, answered before it.
    const af = await as('af-liaison', '/console/inbox');
    const row = af.page.locator(`tr[data-allegation="${allegation}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`Shelling of Chaman ${word}`));
    if ((await row.locator('[data-mark]').getAttribute('data-mark')) === 'unknown') {
      // Its log time comes with the next cosigned checkpoint; the page shows it once known.
      await until(
        () => incidentAs('af-liaison', incident),
        (d) => d.allegations.some((a) => a.id === allegation && a.responseDue !== null),
        'the allegation’s log time',
      );
      await af.page.reload();
    }
    await row.locator('[data-mark="due"]').waitFor();
    await row.getByRole('button', { name: 'Respond' }).click();
    await af.page.getByLabel('Stance').selectOption('denial');
    await af.page.getByLabel('Statement').fill('No AF unit fired towards Chaman on 22 October.');
    await af.page.locator('#inbox-respond button[type=submit]').click();
    await af.page.locator('#r-result .console-ok').waitFor();
    await af.page.screenshot({ path: shot('4-af-responded.png'), fullPage: true });
    const answered = await until(
      () => incidentAs('af-liaison', incident),
      (d) => d.allegations.find((a) => a.id === allegation)?.deadline === 'answered',
      'the response to be judged on time',
    );
    const a = answered.allegations.find((x) => x.id === allegation) as AllegationView;
    assert.ok(a.response, 'the response is in');
    assert.ok(a.responseLoggedAt! <= a.responseDue!, 'logged before the deadline');
    await done(af);

    // 5. The monitor: the task in their list; then at the crossing with no network (the console
    // reloads from its service worker), access denied by AF at the bazaar's checkpoint, kept in
    // the outbox; the log has nothing until the network is back, then has it once.
    await mon.page.goto(`${h.url}/console/tasks`);
    await mon.page.locator(`li[data-task="${task}"]`).waitFor();
    await mon.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await mon.context.setOffline(true);
    await mon.page.reload();
    const card = mon.page.locator(`li[data-task="${task}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Access denied' }).click();
    await mon.page.getByLabel('Refused by').selectOption('AF');
    await mon.page.getByLabel('Where').fill('the Chaman bazaar checkpoint');
    await mon.page.locator('#t-denied-notes').fill('Turned back by the post commander at 09:30.');
    await mon.page.locator('#t-denied button[type=submit]').click();
    await mon.page.locator('#t-denied-result .console-queued').waitFor();
    const denied = (await mon.page.locator('#t-denied').getAttribute('data-queued'))!;
    await mon.page.locator(`#outbox li[data-id="${denied}"][data-state="waiting"]`).waitFor();
    await mon.page.screenshot({ path: shot('5-monitor-offline.png'), fullPage: true });
    const waiting = await incidentAs('analyst', incident);
    assert.ok(!waiting.records.some((r) => r.id === denied), 'not in the log while offline');
    assert.ok(waiting.tasks.find((t) => t.id === task)!.open, 'the task is open while offline');
    await mon.context.setOffline(false);
    await mon.page.locator(`#outbox li[data-id="${denied}"][data-state="sent"]`).waitFor();
    await mon.page.locator(`li[data-task="${task}"][data-outcome="access_denied"]`).waitFor();
    const sent = await until(
      () => incidentAs('analyst', incident),
      (d) => d.records.some((r) => r.id === denied),
      'the access denied to be read',
    );
    assert.equal(sent.records.filter((r) => r.id === denied).length, 1, 'logged once');
    await mon.page.screenshot({ path: shot('5-monitor-denied.png'), fullPage: true });
    await done(mon);
    await done(pk);

    // 6. The analyst drafts the finding: confirmed, attributed to AF, grade B2.
    await an.page.goto(`${h.url}/console/desk?incident=${incident}`);
    await an.page.locator('#desk-incident[data-status]').waitFor();
    await an.page.locator('#desk-verdict').selectOption('confirmed');
    await an.page.locator('#desk-attribution').selectOption('AF');
    await an.page.locator('#desk-reliability').selectOption('B');
    await an.page.locator('#desk-credibility').selectOption('2');
    await an.page.locator('#desk-terms input').first().check();
    await an.page
      .locator('#desk-rationale')
      .fill('PK’s report, the evidence and the monitor’s account agree; AF refused access.');
    await an.page.locator('form.desk-finding button[type=submit]').click();
    await an.page.locator('#desk-incident[data-status="finding_drafted"]').waitFor();
    await an.page.screenshot({ path: shot('6-analyst-finding.png'), fullPage: true });
    detail = await incidentAs('analyst', incident);
    assert.deepEqual(
      detail.tasks.map((t) => [t.open, t.outcome, t.deniedBy]),
      [[false, 'access_denied', 'AF']],
    );
    assert.equal(detail.findings.length, 1);
    const finding = detail.findings[0]!.id;
    await done(an);
    // Not released: the public may not read it yet.
    const hidden = await fetch(`${h.upstream}/api/v1/missions/${slug}/incidents/${incident}`);
    assert.equal(hidden.status, 404, 'an unreleased incident is not public');

    // 7. QA's and TR's mediators endorse; TR's releases at 2 of 2.
    const card7 = (p: Page) => p.locator(`.med-finding[data-finding="${finding}"]`);
    const qa = await as('qa-mediator', '/console/mediators');
    await card7(qa.page).locator(`[data-endorse="${finding}"]`).click();
    await card7(qa.page).locator('[data-endorsements="1"]').waitFor();
    await done(qa);
    const tr = await as('tr-mediator', '/console/mediators');
    await card7(tr.page).locator(`[data-endorse="${finding}"]`).click();
    await card7(tr.page).locator('[data-endorsements="2"]').waitFor();
    await tr.page.screenshot({ path: shot('7-endorsed.png'), fullPage: true });
    await card7(tr.page).locator(`[data-release="${finding}"]`).click();
    await card7(tr.page).waitFor({ state: 'detached' });

    // 8. The public incident page: released, every record verified in the browser.
    const released = await until(
      () => fetch(`${h.upstream}/api/v1/missions/${slug}/incidents/${incident}`),
      (r) => r.status === 200,
      'the incident to be public',
    );
    assert.equal(((await released.json()) as { status: string }).status, 'released');
    // A reader with no session: a context of their own, as anyone on the web.
    const reader = await h.browser.newContext();
    const pub = await reader.newPage();
    await pub.goto(`${h.url}/missions/${slug}/incidents/${incident}`);
    await pub.locator('[data-verify-status="verified"]').waitFor({ timeout: 90_000 });
    await pub.screenshot({ path: shot('8-public-verified.png'), fullPage: true });
    await reader.close();
    await done(tr);
    assert.deepEqual(offsite, [], 'nothing fetched from outside the server');
  } finally {
    for (const c of open) await c.context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scenario on one store. */
export function scenarioSuite(store: 'sqlite' | 'postgres'): void {
  consoleSuite(
    'scenario',
    store,
    'the demo scenario through the console alone, from allegation to a verified public page',
    scenario,
  );
}
