// The crossings board (status, since when, its history as a sparkline) and the compliance board
// (per agreement term and party: confirmed and probable violations, open allegations, days since
// the last confirmed and the last major violation). Tables, so a screen reader can walk them.
import type { ApiCompliance, ApiCrossing } from '../../api.js';
import { h } from '../../dom.js';
import { CROSSING_COLORS, crossingState } from '../../families.js';
import { dateTime, day, isRtl, num, t } from '../../i18n/index.js';
import { penaltyBoardMessages } from './penalty-messages.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A crossing's statuses as coloured steps along one shared time axis (the board's first status to
 * now), so the rows compare at a glance. Its text alternative lists the statuses in order.
 */
function sparkline(c: ApiCrossing, start: number, end: number): Element {
  const m = t();
  const oldestFirst = [...c.history].reverse();
  const span = Math.max(1, end - start);
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('class', 'sparkline');
  el.setAttribute('viewBox', '0 0 100 10');
  el.setAttribute('preserveAspectRatio', 'none');
  el.setAttribute('role', 'img');
  el.setAttribute(
    'aria-label',
    `${m.historyLabel(c.name, num(oldestFirst.length))}: ${oldestFirst
      .map((s) => `${day(s.effectiveAt)} ${m.crossingStatus[crossingState(s.status)]}`)
      .join('; ')}`,
  );
  const rtl = isRtl();
  oldestFirst.forEach((s, i) => {
    const a = Date.parse(s.effectiveAt);
    const b = i + 1 < oldestFirst.length ? Date.parse(oldestFirst[i + 1]!.effectiveAt) : end;
    let x = ((a - start) / span) * 100;
    const w = Math.max(0.8, ((b - a) / span) * 100);
    if (rtl) x = 100 - x - w;
    const r = document.createElementNS(SVG, 'rect');
    r.setAttribute('x', String(x));
    r.setAttribute('y', '1');
    r.setAttribute('width', String(w));
    r.setAttribute('height', '8');
    r.setAttribute('fill', CROSSING_COLORS[crossingState(s.status)]);
    el.append(r);
  });
  return el;
}

export function renderCrossingsBoard(
  section: HTMLElement,
  crossings: readonly ApiCrossing[],
): void {
  const m = t();
  const times = crossings.flatMap((c) => c.history.map((s) => Date.parse(s.effectiveAt)));
  const start = times.length ? Math.min(...times) : Date.now();
  const end = Date.now();
  section.replaceChildren(
    h('h2', { id: 'h-crossings-board' }, m.crossingsBoard),
    h(
      'div',
      {
        class: 'table-wrap',
        tabindex: '0',
        role: 'region',
        'aria-labelledby': 'h-crossings-board',
      },
      h(
        'table',
        { class: 'board' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, m.crossing),
            h('th', { scope: 'col' }, m.status),
            h('th', { scope: 'col' }, m.since),
            h('th', { scope: 'col' }, m.history),
          ),
        ),
        h(
          'tbody',
          null,
          crossings.map((c) => {
            const state = crossingState(c.current?.status);
            const chip = h(
              'span',
              { class: `status-chip status-chip--${state}`, 'data-status': state },
              m.crossingStatus[state],
            );
            chip.style.setProperty('--status', CROSSING_COLORS[state]);
            return h(
              'tr',
              { 'data-crossing': c.crossing },
              h('th', { scope: 'row' }, c.name),
              h('td', null, chip),
              h(
                'td',
                null,
                c.current
                  ? h('time', { datetime: c.current.effectiveAt }, dateTime(c.current.effectiveAt))
                  : '—',
              ),
              h(
                'td',
                { class: 'board__spark' },
                c.history.length
                  ? (sparkline(c, start, end) as unknown as HTMLElement)
                  : m.noStatus,
              ),
            );
          }),
        ),
      ),
    ),
  );
}

export function renderComplianceBoard(
  section: HTMLElement,
  data: ApiCompliance,
  partyName: (code: string) => string,
): void {
  const m = t();
  const days = (n: number | null) => (n === null ? m.never : num(n));
  section.replaceChildren(
    h('h2', { id: 'h-compliance' }, m.complianceBoard),
    h('p', { class: 'meta' }, m.complianceAsOf(day(data.asOf, 'long'))),
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'h-compliance' },
      h(
        'table',
        { class: 'board board--compliance' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, m.term),
            h('th', { scope: 'col' }, m.party),
            h('th', { scope: 'col' }, m.confirmedViolations),
            h('th', { scope: 'col' }, m.probableViolations),
            h('th', { scope: 'col' }, m.openAllegations),
            h('th', { scope: 'col' }, m.daysSinceConfirmed),
            h('th', { scope: 'col' }, m.daysSinceMajor),
          ),
        ),
        data.terms.map((term) =>
          h(
            'tbody',
            { 'data-term': term.term },
            term.parties.map((p, n) =>
              h(
                'tr',
                { 'data-party': p.party },
                n === 0
                  ? h('th', { scope: 'rowgroup', rowspan: String(term.parties.length) }, term.title)
                  : null,
                h('th', { scope: 'row' }, partyName(p.party)),
                h(
                  'td',
                  { class: p.confirmedViolations ? 'num is-bad' : 'num' },
                  num(p.confirmedViolations),
                ),
                h('td', { class: 'num' }, num(p.probableViolations)),
                h('td', { class: 'num' }, num(p.openAllegations)),
                h('td', { class: 'num' }, days(p.daysSinceLastConfirmedViolation)),
                h('td', { class: 'num' }, days(p.daysSinceLastMajorViolation)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** An imposed penalty as GET …/penalties gives it to everyone (src/server/routes/penalties.ts). */
export interface ApiPenalty {
  id: string;
  agreement: string;
  party: string;
  title: string;
  status: string;
  endorsers: string[];
  imposedAt: string | null;
}

/**
 * Beside the compliance board: each party's penalties imposed under the agreements' schedules
 * (issue 11 item 7), read from GET …/penalties. Appended to the board's section, party by party.
 */
export async function renderPenaltiesImposed(
  section: HTMLElement,
  slug: string,
  agreementTitle: (id: string) => string,
  partyName: (code: string) => string,
  signal?: AbortSignal,
): Promise<void> {
  const m = penaltyBoardMessages();
  const r = await fetch(`/api/v1/missions/${encodeURIComponent(slug)}/penalties`, {
    signal: signal ?? null,
  });
  if (!r.ok) return; // the board stands without them; the route's own tests cover its errors
  const body = (await r.json()) as { schedules: unknown[]; penalties: ApiPenalty[] };
  if (!body.schedules.length) return;
  const imposed = body.penalties.filter((p) => p.status === 'imposed');
  const parties = [...new Set(imposed.map((p) => p.party))].sort();
  section.querySelector('.board-penalties')?.remove();
  section.append(
    h(
      'div',
      { class: 'board-penalties', 'data-penalties': String(imposed.length) },
      h('h3', { id: 'h-penalties' }, m.heading),
      imposed.length
        ? h(
            'dl',
            null,
            parties.flatMap((party) => [
              h('dt', { 'data-party': party }, partyName(party)),
              ...imposed
                .filter((p) => p.party === party)
                .map((p) =>
                  h(
                    'dd',
                    { 'data-penalty': p.id },
                    m.line(
                      p.title,
                      agreementTitle(p.agreement),
                      p.imposedAt ? day(p.imposedAt, 'long') : '—',
                      p.endorsers.join(', '),
                    ),
                  ),
                ),
            ]),
          )
        : h('p', { class: 'meta' }, m.none),
    ),
  );
}
