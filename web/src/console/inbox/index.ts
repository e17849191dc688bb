// The parties' inbox (issue 11 item 3): allegations against my side with their response deadlines
// (a countdown; late and missed marked), "Respond" opening the response form (signed here), and my
// side's own records in incidents with the incident's status; new entries arrive over the SSE
// stream (src/server/routes/stream.ts) and the lists are read again. Everything comes from the
// API as this user may read it (incidents involving my organisation, each incident's detail; my
// side's confidential filings, ../confidential/list.ts, with "Reveal"): the
// console holds nothing the role may not see.
import type {
  AllegationView,
  IncidentDetail,
  IncidentRow,
} from '../../../../src/core/views/read-model.js';
import { RESPONSE_STANCES } from '../../../../src/core/records/workflow.js';
import { h } from '../../dom.js';
import { consoleTable } from '../table.js';
import { href, incidentPath } from '../../router.js';
import { cm, type ConsoleMessages } from '../messages.js';
import type { ConsoleContext, ConsoleSection } from '../sections.js';
import { ApiFailure } from '../session.js';
import { confidentialChoice } from '../confidential/choice.js';
import { renderConfidentialList } from '../confidential/list.js';
import { countdown, formatLeft } from './deadline.js';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** How often the countdowns are redrawn (ms). */
const TICK_MS = 30_000;
/** Entries arriving together are read once (ms). */
const SETTLE_MS = 800;

interface Against {
  incident: IncidentDetail;
  a: AllegationView;
}

async function load(ctx: ConsoleContext): Promise<IncidentDetail[]> {
  const slug = encodeURIComponent(ctx.mission.slug);
  const org = encodeURIComponent(ctx.session.user.org);
  const list = (await ctx.api.get(`/api/v1/missions/${slug}/incidents?party=${org}&limit=200`)) as {
    items: IncidentRow[];
  };
  return Promise.all(
    list.items.map(
      (i) =>
        ctx.api.get(
          `/api/v1/missions/${slug}/incidents/${encodeURIComponent(i.id)}`,
        ) as Promise<IncidentDetail>,
    ),
  );
}

function markText(m: ConsoleMessages, a: AllegationView, now: number): HTMLElement {
  const c = countdown(a.deadline, a.responseDue, now);
  const units = { d: m.unitDay, h: m.unitHour, min: m.unitMinute };
  const text =
    c.mark === 'due'
      ? m.dueIn(formatLeft(c.leftMs!, units))
      : c.mark === 'overdue'
        ? m.overdueBy(formatLeft(c.leftMs!, units))
        : c.mark === 'answered'
          ? m.answered
          : c.mark === 'answered_late'
            ? m.answeredLate
            : c.mark === 'missed'
              ? m.missed
              : m.dueUnknown;
  const cls =
    c.mark === 'missed' || c.mark === 'overdue'
      ? 'console-missed'
      : c.mark === 'answered_late'
        ? 'console-late'
        : '';
  return h('span', { class: cls, 'data-mark': c.mark }, text);
}

function render(ctx: ConsoleContext): HTMLElement {
  const m = cm();
  const me = ctx.session.user;
  const live = h('p', { class: 'console-muted', role: 'status', id: 'inbox-live' });
  const againstBox = h('div', { id: 'inbox-against' });
  const mineBox = h('div', { id: 'inbox-mine' });
  const formPlace = h('div', { id: 'inbox-respond' });
  const error = h('p', { class: 'console-error', role: 'alert', id: 'inbox-error' });
  // My side's confidential filings, with their state and "Reveal" (../confidential/list.ts).
  const confidential = renderConfidentialList(ctx);
  const el = h(
    'div',
    { class: 'console-inbox' },
    h(
      'section',
      { class: 'console-card', 'aria-labelledby': 'inbox-heading' },
      h('h2', { id: 'inbox-heading', tabindex: '-1' }, m.inboxAgainst(me.org)),
      h('p', { class: 'console-muted' }, m.inboxIntro),
      live,
      againstBox,
      formPlace,
      error,
    ),
    h(
      'section',
      { class: 'console-card', 'aria-labelledby': 'inbox-mine-heading' },
      h('h2', { id: 'inbox-mine-heading' }, m.inboxMine(me.org)),
      mineBox,
      confidential.el,
    ),
  );
  let against: Against[] = [];

  function drawMarks(): void {
    const now = Date.now();
    for (const { a } of against) {
      const cell = againstBox.querySelector(`[data-allegation="${CSS.escape(a.id)}"] .inbox-mark`);
      cell?.replaceChildren(markText(m, a, now));
    }
  }

  function respondForm(x: Against): HTMLElement {
    const stance = h(
      'select',
      { id: 'r-stance', name: 'stance' },
      RESPONSE_STANCES.map((s) => h('option', { value: s }, m.stance(s))),
    );
    const statement = h('textarea', {
      id: 'r-statement',
      name: 'statement',
      rows: '5',
      maxlength: '20000',
      'aria-describedby': 'r-statement-error',
    });
    const stError = h('p', { class: 'field-error', id: 'r-statement-error' });
    statement.addEventListener('input', () => {
      stError.textContent = '';
      statement.removeAttribute('aria-invalid');
    });
    const result = h('div', { role: 'status', id: 'r-result' });
    const submit = h(
      'button',
      { type: 'submit', class: 'console-button console-button--primary' },
      m.signAndSubmit,
    );
    // A response may be confidential too (src/core/workflow/confidential.ts CONFIDENTIAL_KINDS).
    const conf = confidentialChoice('r');
    const cancel = h('button', { type: 'button', class: 'console-button' }, m.cancel);
    cancel.addEventListener('click', () => formPlace.replaceChildren());
    const form = h(
      'form',
      { class: 'console-form', novalidate: '', 'aria-labelledby': 'r-heading' },
      h('h3', { id: 'r-heading', tabindex: '-1' }, m.respondHeading(x.incident.title)),
      h('p', { class: 'console-muted' }, m.respondTo(x.a.by, x.a.id)),
      h('div', { class: 'console-field' }, h('label', { for: stance.id }, m.stanceLabel), stance),
      h(
        'div',
        { class: 'console-field' },
        h('label', { for: statement.id }, m.statementLabel),
        statement,
        stError,
      ),
      conf.el,
      h('div', { class: 'console-actions' }, submit, cancel),
      result,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      stError.textContent = '';
      statement.removeAttribute('aria-invalid');
      result.replaceChildren();
      if (!statement.value.trim()) {
        stError.textContent = m.needStatement;
        statement.setAttribute('aria-invalid', 'true');
        statement.focus();
        return;
      }
      submit.disabled = true;
      void (async () => {
        try {
          const body = {
            incident: x.incident.id,
            allegation: x.a.id,
            stance: stance.value,
            statement: statement.value.trim(),
            evidence: [],
          };
          if (conf.checked()) {
            const key = ctx.activeKey();
            if (!key) throw new Error(m.needKey);
            const filed = await conf.file(
              ctx.session,
              ctx.mission.slug,
              body,
              key,
              result,
              'response',
            );
            form.dataset.filed = String(filed.index);
            await refresh();
            return;
          }
          const { bytes } = await ctx.sign({ kind: 'response', body });
          const answer = (await ctx.api.postEntry(bytes)) as { index?: number };
          form.dataset.filed = String(answer.index);
          result.replaceChildren(h('p', { class: 'console-ok' }, m.filed(String(answer.index))));
          await refresh();
        } catch (err) {
          if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
          const rule = err instanceof ApiFailure ? err.details?.rule : undefined;
          result.replaceChildren(
            h(
              'p',
              { class: 'console-error', role: 'alert', 'data-rule': String(rule ?? '') },
              typeof rule === 'string'
                ? m.refusedRule(rule, why(err))
                : err instanceof ApiFailure
                  ? m.refused(String(err.status), err.message)
                  : why(err),
            ),
          );
        } finally {
          submit.disabled = false;
        }
      })();
    });
    return form;
  }

  const incidentLink = (i: IncidentDetail) =>
    h('a', { href: href(incidentPath(ctx.mission.slug, i.id)) }, i.title);

  function draw(details: IncidentDetail[]): void {
    const now = Date.now();
    against = details
      .flatMap((incident) =>
        incident.allegations.filter((a) => a.accused === me.org).map((a) => ({ incident, a })),
      )
      // Open ones first, soonest due first.
      .sort((x, y) => {
        const open = (v: Against) => (v.a.response === null && v.a.deadline !== 'missed' ? 0 : 1);
        return open(x) - open(y) || (x.a.responseDue ?? '~').localeCompare(y.a.responseDue ?? '~');
      });
    againstBox.replaceChildren(
      against.length
        ? consoleTable(
            [m.colIncident, m.colBy, m.colDue, m.colDeadline, ''],
            against.map((x) => {
              const respond =
                x.a.response === null && me.role === 'party'
                  ? h(
                      'button',
                      { type: 'button', class: 'console-button', 'data-respond': x.a.id },
                      m.respond,
                    )
                  : null;
              respond?.addEventListener('click', () => {
                const f = respondForm(x);
                formPlace.replaceChildren(f);
                f.querySelector<HTMLElement>('#r-heading')?.focus();
              });
              return h(
                'tr',
                { 'data-allegation': x.a.id, 'data-deadline': x.a.deadline },
                h('td', null, incidentLink(x.incident)),
                h('td', null, x.a.by),
                h(
                  'td',
                  null,
                  x.a.responseDue
                    ? h('time', { datetime: x.a.responseDue }, fmt(x.a.responseDue))
                    : m.dueUnknown,
                ),
                h('td', { class: 'inbox-mark' }, markText(m, x.a, now)),
                h('td', null, respond),
              );
            }),
          )
        : h('p', { id: 'inbox-none' }, m.inboxNone),
    );
    const mine = details.flatMap((incident) =>
      incident.records
        .filter((r) => r.org === me.org && r.kind === 'report')
        .map((r) => ({ incident, r })),
    );
    mineBox.replaceChildren(
      mine.length
        ? consoleTable(
            [m.colIncident, m.colRecord, m.colFiled, m.colStatus],
            mine.map(({ incident, r }) =>
              h(
                'tr',
                { 'data-record': r.id, 'data-status': incident.status },
                h('td', null, incidentLink(incident)),
                h(
                  'td',
                  null,
                  (r.body as { accused?: string } | null)?.accused
                    ? m.filingAllegation
                    : m.filingReport,
                ),
                h('td', null, h('time', { datetime: r.at }, fmt(r.at))),
                h('td', null, m.incidentStatus(incident.status)),
              ),
            ),
          )
        : h('p', null, m.inboxMineNone),
    );
  }

  async function refresh(): Promise<void> {
    try {
      draw(await load(ctx));
      await confidential.refresh();
      error.textContent = '';
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
      error.textContent = m.networkFailed(why(err));
    }
  }

  // New entries: said as they arrive, the lists read again once a burst has settled.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const stream = new EventSource(`/api/v1/stream?mission=${encodeURIComponent(ctx.mission.slug)}`);
  stream.addEventListener('entry', (e) => {
    let kind = '';
    let index = '';
    try {
      const d = JSON.parse((e as MessageEvent<string>).data) as { kind?: string; index?: number };
      kind = String(d.kind ?? '');
      index = String(d.index ?? '');
    } catch {
      return;
    }
    live.textContent = m.newEntry(kind, index);
    live.dataset.index = index;
    clearTimeout(settle);
    settle = setTimeout(() => void refresh(), SETTLE_MS);
  });
  const tick = setInterval(drawMarks, TICK_MS);
  ctx.onLeave(() => {
    stream.close();
    clearInterval(tick);
    clearTimeout(settle);
  });
  againstBox.replaceChildren(h('p', { class: 'console-muted' }, m.loading));
  void refresh();
  return el;
}

const fmt = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export const inboxSection: ConsoleSection = {
  id: 'inbox',
  label: (m) => m.navInbox,
  // A party's side is accused and answers (src/core/workflow/kinds/response.ts).
  roles: ['party'],
  render,
};
