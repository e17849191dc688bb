// The mediators' section in real Chromium against the real server, on SQLite and PostgreSQL (issue
// 11 item 7, first half): an analyst drafts a finding (through the API); QA's mediator sees it with
// everything behind it, endorses it in the browser (1 of 2, release still disabled, and QA cannot
// endorse twice: the log refuses it with endorse_distinct_org); TR's mediator endorses (2 of 2) and
// releases it; the incident is then released, and its public page reaches
// data-verify-status="verified". Screenshots /tmp/shots/console-mediators-*.png (1280, 390, Urdu).
// The scenario, run by console-mediators.test.ts (SQLite) and console-mediators-postgres.test.ts (PostgreSQL):
// one store per file, so each file stays inside the runner's per-file time limit on a loaded machine.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { exampleBody } from '../../src/core/examples.js';
import {
  apiAs,
  assertNoSideScroll,
  openConsole,
  shotsFor,
  type ConsoleHarness,
  type ConsolePage,
} from './console.test-support.js';

export async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const { api, file, post } = apiAs(h);
  const shot = shotsFor('mediators', store);
  const word = `med${randomBytes(5).toString('hex')}`;
  const { accused: _a, ...plain } = exampleBody('report') as Record<string, unknown>;
  const report = await file('pk-liaison', 'report', {
    ...plain,
    title: `Shelling ${word}`,
    description: `The statement behind the finding (${word}).`,
    fatalities: { count: 1, claimedBy: 'PK' },
  });
  const incident = await file('analyst', 'incident', {
    action: 'open',
    title: `Incident ${word}`,
    type: 'shelling',
    occurred: { date: '2025-10-20', time_precision: 1 },
    location: { name: 'Torkham', country: 'PK', lat: 34.1147, lon: 71.0847, geo_precision: 1 },
    reports: [report],
  });
  await file('analyst', 'incident', { action: 'status', incident, status: 'under_review' });
  const finding = await file('analyst', 'finding', {
    incident,
    verdict: 'confirmed',
    attribution: 'AF',
    termsViolated: [],
    grade: 'B2',
    rationale: `Rationale ${word}: the report and imagery agree.`,
  });

  const offsite: string[] = [];
  const qa = await openConsole(h, 'qa-mediator', '/console/mediators', { offsite });
  let tr: ConsolePage | undefined;
  try {
    const card = (page: Page) => page.locator(`.med-finding[data-finding="${finding}"]`);
    await card(qa.page).waitFor();
    // Everything behind it: the report's words, the rationale, the grade.
    assert.match(await card(qa.page).innerText(), new RegExp(`Rationale ${word}`));
    assert.match(await card(qa.page).innerText(), /Admiralty grade B2/);
    await card(qa.page).locator('details summary').click();
    await card(qa.page)
      .locator(`[data-record="${report}"]`)
      .filter({ hasText: `Shelling ${word}` })
      .waitFor();
    assert.equal(
      await card(qa.page).locator('[data-endorsements]').innerText(),
      '0 of 2 endorsements',
    );
    assert.equal(await card(qa.page).locator(`[data-release="${finding}"]`).isDisabled(), true);
    await qa.page.screenshot({ path: shot('awaiting.png'), fullPage: true });

    await card(qa.page).locator(`[data-endorse="${finding}"]`).click();
    await card(qa.page).locator('[data-endorsements="1"]').waitFor();
    await qa.page.locator(`[data-out="${finding}"][data-filed]`).waitFor();
    assert.equal(await card(qa.page).locator(`[data-endorse="${finding}"]`).isDisabled(), true);
    assert.equal(await card(qa.page).locator(`[data-release="${finding}"]`).isDisabled(), true);
    // The log, not the button, is the rule: a second QA endorsement is refused.
    const again = await post('qa-mediator', 'endorsement', { finding });
    assert.equal(
      (again.answer.error as { details?: { rule?: string } }).details?.rule,
      'endorse_distinct_org',
    );

    // Phone width and Urdu, with the finding still awaiting TR's endorsement.
    await qa.page.setViewportSize({ width: 390, height: 844 });
    await qa.page.goto(`${h.url}/console/mediators`);
    await card(qa.page).waitFor();
    await qa.page.screenshot({ path: shot('390.png'), fullPage: true });
    await assertNoSideScroll(qa.page);
    await qa.page.setViewportSize({ width: 1280, height: 900 });
    await qa.page.goto(`${h.url}/console/mediators?lang=ur`);
    await card(qa.page).waitFor();
    assert.equal(await qa.page.locator('html').getAttribute('dir'), 'rtl');
    await qa.page.screenshot({ path: shot('ur.png'), fullPage: true });

    tr = await openConsole(h, 'tr-mediator', '/console/mediators', { offsite });
    await card(tr.page).waitFor();
    await card(tr.page).locator(`[data-endorse="${finding}"]`).click();
    await card(tr.page).locator('[data-endorsements="2"]').waitFor();
    assert.equal(await card(tr.page).locator(`[data-release="${finding}"]`).isDisabled(), false);
    await tr.page.screenshot({ path: shot('endorsed.png'), fullPage: true });
    await card(tr.page).locator(`[data-release="${finding}"]`).click();
    // Released: it no longer awaits anything.
    await tr.page.locator(`.med-finding[data-finding="${finding}"]`).waitFor({ state: 'detached' });
    const d = (await (await fetch(`${api}/incidents/${incident}`)).json()) as { status: string };
    assert.equal(d.status, 'released', 'the public reads it released');

    // The public incident page verifies every record of it in the browser.
    const pub = await tr.context.newPage();
    await pub.goto(`${h.url}/missions/${slug}/incidents/${incident}`);
    await pub.locator('[data-verify-status="verified"]').waitFor({ timeout: 90_000 });
    await pub.close();

    assert.deepEqual(offsite, []);
    assert.deepEqual([...qa.problems, ...(tr?.problems ?? [])], []);
  } finally {
    await qa.context.close();
    await tr?.context.close();
  }
}
