// The mediators' penalties page in real Chromium against the real server, on SQLite and PostgreSQL
// (issue 11 item 7): the demo story imposed formal notice on PK; AF's formal notice is due from two
// released findings. QA's mediator sees the step with the findings behind it, proposes it in the
// browser (a statement is required; 1 of 2 endorsements; QA cannot endorse its own proposal: the
// log refuses it with penalty_distinct_org); TR's mediator endorses it and it is imposed. The
// portal's compliance board then shows both penalties beside the parties' compliance. axe-core
// finds no serious violation. Screenshots /tmp/shots/console-penalties-*.png (1280, 390, Urdu).
import assert from 'node:assert/strict';
import {
  apiAs,
  assertNoSideScroll,
  consoleSuite,
  openConsole,
  seriousViolations as serious,
  shotsFor,
  type ConsoleHarness,
  type ConsolePage,
} from './console.test-support.js';

const DUE = 'istanbul-2025-10-30-AF';

async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const { creds } = h.demo;
  const slug = creds.mission;
  const shot = shotsFor('penalties', store);
  const offsite: string[] = [];
  const qa = await openConsole(h, 'qa-mediator', '/console/penalties', { offsite, axe: true });
  let tr: ConsolePage | undefined;
  try {
    const due = qa.page.locator(`[data-due="${DUE}"]`);
    await due.waitFor();
    const text = await due.innerText();
    assert.match(text, /AF: Formal notice \(step 1 of 3\)/);
    assert.match(text, /2 released findings against AF \(confirmed\)/);
    assert.equal(await due.locator('[data-finding]').count(), 2);
    assert.match(
      await qa.page.locator('#pen-imposed').innerText(),
      /PK: Formal notice.*Endorsed by QA, TR/s,
    );
    assert.deepEqual(await serious(qa.page), [], 'axe-core on the penalties page');
    await qa.page.screenshot({ path: shot('due.png'), fullPage: true });

    // A proposal needs its statement; the page says so and files nothing.
    await due.locator(`[data-propose="${DUE}"]`).click();
    assert.match(await qa.page.locator(`[data-out="${DUE}"]`).innerText(), /Write the statement/);
    await due
      .locator('textarea')
      .fill('Formal notice to Afghanistan under the Istanbul statement.');
    await due.locator(`[data-propose="${DUE}"]`).click();
    const proposed = qa.page.locator('[data-penalty-status="proposed"]');
    await proposed.waitFor();
    await qa.page.locator('#pen-said[data-filed]').waitFor();
    assert.equal(await proposed.locator('[data-endorsements]').innerText(), '1 of 2 endorsements');
    let id = (await proposed.getAttribute('data-penalty'))!;
    assert.equal(await proposed.locator(`[data-endorse="${id}"]`).isDisabled(), true);
    // The proposal is open: the due card offers no second proposal.
    assert.equal(await due.locator(`[data-propose="${DUE}"]`).count(), 0);
    // The log, not the button, is the rule: QA endorsing its own proposal is refused.
    const again = await apiAs(h).post('qa-mediator', 'penalty', { action: 'endorse', penalty: id });
    assert.equal(again.status, 422);
    assert.equal(
      (again.answer.error as { details?: { rule?: string } }).details?.rule,
      'penalty_distinct_org',
    );
    // QA withdraws its proposal (a reason is asked for first); the step is due again, unproposed,
    // and QA proposes it once more.
    await proposed.locator(`[data-withdraw="${id}"]`).click();
    assert.match(await qa.page.locator(`[data-out="${id}"]`).innerText(), /Say why/);
    await proposed.locator(`#pen-wr-${id}`).fill('Proposed before the statement was agreed.');
    await proposed.locator(`[data-withdraw="${id}"]`).click();
    await qa.page.locator(`[data-penalty="${id}"]`).waitFor({ state: 'detached' });
    const withdrawn = await apiAs(h).read<{ penalties: { id: string; status: string }[] }>(
      'qa-mediator',
      '/penalties',
    );
    assert.equal(withdrawn.penalties.find((x) => x.id === id)?.status, 'withdrawn');
    await due
      .locator('textarea')
      .fill('Formal notice to Afghanistan under the Istanbul statement.');
    await due.locator(`[data-propose="${DUE}"]`).click();
    await proposed.waitFor();
    id = (await proposed.getAttribute('data-penalty'))!;
    assert.notEqual(id, withdrawn.penalties.find((x) => x.status === 'withdrawn')?.id);
    await qa.page.screenshot({ path: shot('proposed.png'), fullPage: true });

    // Phone width and Urdu, with the proposal awaiting TR.
    await qa.page.setViewportSize({ width: 390, height: 844 });
    await qa.page.goto(`${h.url}/console/penalties`);
    await proposed.waitFor();
    await qa.page.screenshot({ path: shot('390.png'), fullPage: true });
    await assertNoSideScroll(qa.page);
    await qa.page.setViewportSize({ width: 1280, height: 900 });
    await qa.page.goto(`${h.url}/console/penalties?lang=ur`);
    await proposed.waitFor();
    assert.equal(await qa.page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await qa.page.locator('#pen-heading').innerText(), /جرمانے/);
    assert.deepEqual(await serious(qa.page), [], 'axe-core on the penalties page in Urdu');
    await qa.page.screenshot({ path: shot('ur.png'), fullPage: true });

    tr = await openConsole(h, 'tr-mediator', '/console/penalties', { offsite, axe: true });
    const trCard = tr.page.locator(`[data-penalty="${id}"]`);
    await trCard.waitFor();
    assert.equal(await trCard.locator('[data-withdraw]').count(), 0, 'only its proposer withdraws');
    await trCard.locator('textarea').fill('Endorsed on behalf of the Republic of Türkiye.');
    await trCard.locator(`[data-endorse="${id}"]`).click();
    await tr.page.locator(`#pen-imposed [data-imposed="${id}"]`).waitFor();
    assert.match(await tr.page.locator('#pen-due').innerText(), /No step is due/);
    await tr.page.screenshot({ path: shot('imposed.png'), fullPage: true });

    // The portal's compliance board shows both penalties beside the parties' compliance.
    const pub = await tr.context.newPage();
    for (const [w, lang, name] of [
      [1280, '', 'board.png'],
      [390, '', 'board-390.png'],
      [1280, '?lang=ur', 'board-ur.png'],
    ] as const) {
      await pub.setViewportSize({ width: w, height: 900 });
      await pub.goto(`${h.url}/missions/${slug}${lang}`);
      const board = pub.locator('.board-penalties[data-penalties="2"]');
      await board.waitFor({ timeout: 60_000 });
      if (!lang) {
        assert.match(await board.innerText(), /Pakistan[\s\S]*Formal notice, under the Istanbul/);
        assert.match(await board.innerText(), /Afghanistan[\s\S]*Formal notice/);
      }
      await board.scrollIntoViewIfNeeded();
      await pub.locator('.board-section[aria-labelledby="h-compliance"]').screenshot({
        path: shot(name),
      });
    }
    await pub.close();

    assert.deepEqual(offsite, []);
    assert.deepEqual([...qa.problems, ...(tr?.problems ?? [])], []);
  } finally {
    await qa.context.close();
    await tr?.context.close();
  }
}

/** The suite on one store; one test file per store keeps each file within the runner's limit. */
export function penaltiesSuite(store: 'sqlite' | 'postgres'): void {
  consoleSuite(
    'penalties',
    store,
    'a due step proposed and endorsed k of n in the browser is imposed; the board shows it',
    scenario,
  );
}
