// The mediators' penalties page (issue 11 item 7; /console/penalties): each agreement's schedule,
// the steps due now with the released findings behind them (GET …/penalties, whose `due` the
// server computes with src/core/workflow/penalties.ts and gives to the mission's mediators only),
// "Propose" (a signed penalty entry, action propose), the proposals awaiting endorsement with
// "Endorse", and the penalties imposed once k of n organisations have. The log's rules decide
// (penalty_due, penalty_findings, penalty_distinct_org…), and a refusal is said with its rule.
// Statements are their authors' text and are only ever set as text.
import { h } from '../../dom.js';
import { href } from '../../router.js';
import type { ConsoleContext, ConsoleSection } from '../sections.js';
import { ApiFailure } from '../session.js';
import { pnm } from './messages.js';

interface Step {
  id: string;
  title: string;
  text?: string;
}
interface Schedule {
  agreement: string;
  title: string;
  threshold: number;
  windowDays: number;
  verdicts: string[];
  endorsementsRequired: number;
  steps: Step[];
}
interface Penalty {
  id: string;
  idx: number;
  agreement: string;
  party: string;
  step: string;
  stepNo: number;
  title: string;
  endorsers: string[];
  status: 'proposed' | 'imposed' | 'withdrawn';
  statement: string;
  imposedIdx: number | null;
  imposedAt: string | null;
}
interface Due {
  agreement: string;
  party: string;
  step: string;
  stepNo: number;
  title: string;
  why: string;
  findings: { id: string; incident: string; date: string; verdict: string; terms: string[] }[];
  proposal: string | null;
}
export interface PenaltiesAnswer {
  schedules: Schedule[];
  penalties: Penalty[];
  due?: Due[];
}

type Rec = Record<string, unknown>;

/** A refusal with its rule (the API's 422 names it in details.rule), or why the filing failed. */
function failureText(err: unknown): string {
  const m = pnm();
  if (err instanceof ApiFailure && typeof err.details?.rule === 'string') {
    const prefix = `rule ${err.details.rule}: `;
    const why = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    return m.refusedRule(err.details.rule, why);
  }
  return m.failed(err instanceof Error ? err.message : String(err));
}

/** Signs and files one penalty entry (or the correction withdrawing one); says the index or the refusal in `out`. */
async function file(
  ctx: ConsoleContext,
  body: Rec,
  button: HTMLButtonElement,
  out: HTMLElement,
  redraw: () => Promise<void>,
  kind: 'penalty' | 'correction' = 'penalty',
): Promise<void> {
  const m = pnm();
  button.disabled = true;
  out.textContent = '';
  delete out.dataset.rule;
  try {
    const signed = await ctx.sign({ kind, body });
    const answer = (await ctx.api.postEntry(signed.bytes)) as { index: number };
    await redraw();
    const said = document.getElementById('pen-said');
    if (said) {
      said.textContent = m.filed(String(answer.index));
      said.dataset.filed = String(answer.index);
    }
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
    if (err instanceof ApiFailure && typeof err.details?.rule === 'string')
      out.dataset.rule = err.details.rule;
    out.textContent = failureText(err);
    button.disabled = false;
  }
}

/**
 * Why the step is due, in the page's language: built from the schedule and the findings, not the
 * server's English sentence (d.why, which it stands for when the schedule is not in the answer).
 */
function dueWhy(a: PenaltiesAnswer, d: Due): string {
  const s = a.schedules.find((x) => x.agreement === d.agreement);
  const dates = d.findings.map((f) => f.date).sort();
  if (!s || !dates.length) return d.why;
  return pnm().dueWhy({
    count: d.findings.length,
    party: d.party,
    verdicts: s.verdicts.join(', '),
    agreement: s.title,
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    days: s.windowDays,
    since: d.stepNo > 0 ? (s.steps[d.stepNo - 1]?.title ?? null) : null,
  });
}

function stepsOf(a: PenaltiesAnswer, agreement: string): number {
  return a.schedules.find((s) => s.agreement === agreement)?.steps.length ?? 0;
}

function dueCard(
  ctx: ConsoleContext,
  a: PenaltiesAnswer,
  d: Due,
  redraw: () => Promise<void>,
): HTMLElement {
  const m = pnm();
  const key = `${d.agreement}-${d.party}`;
  const statement = h('textarea', { rows: '3', maxlength: '5000', id: `pen-st-${key}` });
  const out = h('p', { class: 'console-error', role: 'status', 'data-out': key });
  const propose = h(
    'button',
    { type: 'button', class: 'console-button console-button--primary', 'data-propose': key },
    m.propose,
  );
  propose.addEventListener('click', () => {
    const s = statement.value.trim();
    if (!s) {
      out.textContent = m.needStatement;
      statement.focus();
      return;
    }
    void file(
      ctx,
      {
        action: 'propose',
        agreement: d.agreement,
        party: d.party,
        step: d.step,
        findings: d.findings.map((f) => f.id),
        statement: s,
      },
      propose,
      out,
      redraw,
    );
  });
  return h(
    'article',
    {
      class: 'console-card pen-card',
      'data-due': key,
      'data-step': d.step,
      'aria-labelledby': `pen-h-${key}`,
    },
    h(
      'h4',
      { id: `pen-h-${key}` },
      m.step(d.party, d.title, d.stepNo + 1, stepsOf(a, d.agreement)),
    ),
    h('p', { class: 'console-muted', 'data-why': '' }, dueWhy(a, d)),
    h('h5', null, m.findingsBehind),
    h(
      'ul',
      { class: 'pen-findings' },
      d.findings.map((f) =>
        h(
          'li',
          { 'data-finding': f.id },
          m.findingLine(f.date, f.verdict, f.terms.join(', ')),
          ' · ',
          h(
            'a',
            {
              class: 'console-link',
              href: href(`/missions/${ctx.mission.slug}/incidents/${f.incident}`),
            },
            m.openIncident,
          ),
        ),
      ),
    ),
    d.proposal
      ? null
      : h(
          'div',
          { class: 'console-field' },
          h('label', { for: statement.id }, m.statement),
          statement,
        ),
    d.proposal ? null : h('div', { class: 'console-actions' }, propose),
    out,
  );
}

function proposedCard(
  ctx: ConsoleContext,
  p: Penalty,
  k: number,
  redraw: () => Promise<void>,
): HTMLElement {
  const m = pnm();
  const me = ctx.session.user.org;
  const mine = p.endorsers.includes(me);
  const statement = h('textarea', { rows: '2', maxlength: '5000', id: `pen-en-${p.id}` });
  const out = h('p', { class: 'console-error', role: 'status', 'data-out': p.id });
  const endorse = h(
    'button',
    { type: 'button', class: 'console-button console-button--primary', 'data-endorse': p.id },
    m.endorse,
  );
  endorse.disabled = mine;
  endorse.addEventListener('click', () => {
    const s = statement.value.trim();
    void file(
      ctx,
      { action: 'endorse', penalty: p.id, ...(s ? { statement: s } : {}) },
      endorse,
      out,
      redraw,
    );
  });
  // The proposer's organisation (its first endorser) may withdraw the proposal while it awaits
  // the k-th endorsement: a correction superseding it, with a reason (kinds/correction.ts).
  const proposer = p.endorsers[0] === me;
  const reason = h('input', { type: 'text', maxlength: '5000', id: `pen-wr-${p.id}` });
  const withdraw = h(
    'button',
    { type: 'button', class: 'console-button', 'data-withdraw': p.id },
    m.withdraw,
  );
  withdraw.addEventListener('click', () => {
    const why = reason.value.trim();
    if (!why) {
      out.textContent = m.withdrawNeedsReason;
      reason.focus();
      return;
    }
    void file(
      ctx,
      { supersedes: { id: p.id, index: p.idx }, reason: why },
      withdraw,
      out,
      redraw,
      'correction',
    );
  });
  return h(
    'article',
    {
      class: 'console-card pen-card',
      'data-penalty': p.id,
      'data-penalty-status': p.status,
      'aria-labelledby': `pen-h-${p.id}`,
    },
    h('h4', { id: `pen-h-${p.id}` }, `${p.party}: ${p.title}`),
    h('p', { class: 'pen-statement' }, p.statement),
    h(
      'p',
      { 'data-endorsements': String(p.endorsers.length) },
      m.endorsements(p.endorsers.length, k),
    ),
    h('p', { class: 'console-muted' }, m.endorsedBy(p.endorsers.join(', '))),
    mine
      ? h('p', { class: 'console-ok' }, m.alreadyEndorsed(me))
      : h(
          'div',
          { class: 'console-field' },
          h('label', { for: statement.id }, m.statementOptional),
          statement,
        ),
    h('div', { class: 'console-actions' }, endorse),
    proposer
      ? h(
          'div',
          { class: 'console-field' },
          h('label', { for: reason.id }, m.withdrawReason),
          reason,
          h('div', { class: 'console-actions' }, withdraw),
        )
      : null,
    out,
  );
}

function imposedRow(p: Penalty): HTMLElement {
  const m = pnm();
  return h(
    'li',
    { 'data-imposed': p.id },
    h('strong', null, `${p.party}: ${p.title}`),
    ' · ',
    m.imposedOn((p.imposedAt ?? '').slice(0, 10), String(p.imposedIdx ?? '')),
    ' · ',
    m.endorsedBy(p.endorsers.join(', ')),
    h('p', { class: 'pen-statement' }, p.statement),
  );
}

export const penaltiesSection: ConsoleSection = {
  id: 'penalties',
  label: () => pnm().nav,
  // Who proposes and endorses penalties (src/core/workflow/kinds/penalty.ts).
  roles: ['mediator'],
  render(ctx) {
    const m = pnm();
    const slug = encodeURIComponent(ctx.mission.slug);
    const status = h('p', { class: 'console-muted', role: 'status', id: 'pen-status' }, m.loading);
    const said = h('p', { class: 'console-ok', role: 'status', id: 'pen-said' });
    const body = h('div', { id: 'pen-body' });
    const intro = h('p', { class: 'console-muted' });
    async function draw(): Promise<void> {
      try {
        const a = (await ctx.api.get(`/api/v1/missions/${slug}/penalties`)) as PenaltiesAnswer;
        const k = a.schedules[0]?.endorsementsRequired ?? 2;
        intro.textContent = m.intro(k);
        const due = a.due ?? [];
        const proposed = a.penalties.filter((p) => p.status === 'proposed');
        const imposed = a.penalties.filter((p) => p.status === 'imposed');
        body.replaceChildren(
          // replaceChildren would write a null as the text "null": only nodes go in.
          ...[
            ...a.schedules.map((s) =>
              h(
                'div',
                { class: 'pen-schedule', 'data-schedule': s.agreement },
                h('p', null, m.schedule(s.title, s.threshold, s.windowDays, s.verdicts.join(', '))),
                h(
                  'p',
                  { class: 'console-muted' },
                  m.ladder(s.steps.map((x) => x.title).join(' → ')),
                ),
              ),
            ),
            h('h3', { id: 'pen-due-h' }, m.dueHeading),
            due.length
              ? h(
                  'div',
                  { class: 'pen-list', id: 'pen-due' },
                  due.map((d) => dueCard(ctx, a, d, draw)),
                )
              : h('p', { class: 'console-muted', id: 'pen-due' }, m.noneDue),
            proposed.length ? h('h3', null, m.proposedHeading) : null,
            proposed.length
              ? h(
                  'div',
                  { class: 'pen-list', id: 'pen-proposed' },
                  proposed.map((p) => proposedCard(ctx, p, k, draw)),
                )
              : null,
            h('h3', null, m.imposedHeading),
            imposed.length
              ? h('ul', { class: 'pen-imposed', id: 'pen-imposed' }, imposed.map(imposedRow))
              : h('p', { class: 'console-muted', id: 'pen-imposed' }, m.noneImposed),
          ].filter((n): n is HTMLElement => n !== null),
        );
        body.dataset.loaded = String(due.length + proposed.length + imposed.length);
        status.textContent = '';
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
        status.textContent = failureText(err);
      }
    }
    void draw();
    return h(
      'section',
      { class: 'console-card pen', 'aria-labelledby': 'pen-heading' },
      h('h2', { id: 'pen-heading' }, m.heading),
      intro,
      status,
      said,
      body,
    );
  },
};
