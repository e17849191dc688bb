// The day's report as a page (/missions/<slug>/reports/<YYYY-MM-DD>): the released incidents of
// that day, the totals by type and by party involved, and each crossing's status that day, from
// GET /api/v1/missions/<slug>/reports/daily?date= (src/server/routes/stats.ts). Links to the day
// before and after, and to the printable HTML and JSON reports of the same server.
import { getDailyReport, getMission, type ApiDailyReport } from '../api.js';
import { h } from '../dom.js';
import { crossingState, CROSSING_COLORS, familyOf } from '../families.js';
import { dateTime, day, num, t, typeLabel, verdictLabel } from '../i18n/index.js';
import { place } from '../incidents.js';
import { href, incidentPath, missionPath, reportPath } from '../router.js';

const shift = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function counts(
  title: string,
  entries: Record<string, number>,
  label: (k: string) => string,
): HTMLElement {
  const rows = Object.entries(entries).sort((a, b) => b[1] - a[1]);
  return h(
    'section',
    { class: 'report__counts' },
    h('h3', null, title),
    rows.length === 0
      ? h('p', { class: 'meta' }, '—')
      : h(
          'dl',
          null,
          rows.flatMap(([k, v]) => [h('dt', null, label(k)), h('dd', { class: 'num' }, num(v))]),
        ),
  );
}

function body(slug: string, date: string, r: ApiDailyReport, partyName: (c: string) => string) {
  const m = t();
  return [
    h(
      'section',
      { class: 'report__section', 'aria-labelledby': 'h-report-totals' },
      h('h2', { id: 'h-report-totals' }, m.reportTotals),
      h(
        'dl',
        { class: 'report__totals' },
        h('dt', null, m.reportIncidents),
        h('dd', { class: 'num', 'data-total': 'incidents' }, num(r.totals.incidents)),
        h('dt', null, m.fatalities),
        h('dd', { class: 'num', 'data-total': 'fatalities' }, num(r.totals.fatalities)),
      ),
      h(
        'div',
        { class: 'report__grid' },
        counts(m.reportByType, r.totals.byType, typeLabel),
        counts(m.reportByParty, r.totals.byParty, partyName),
      ),
    ),
    h(
      'section',
      { class: 'report__section', 'aria-labelledby': 'h-report-incidents' },
      h('h2', { id: 'h-report-incidents' }, m.releasedIncidentsN(num(r.incidents.length))),
      r.incidents.length === 0
        ? h('p', { class: 'meta' }, m.reportNoIncidents)
        : h(
            'ol',
            { class: 'report__incidents' },
            r.incidents.map((i) =>
              h(
                'li',
                { 'data-incident': i.id },
                h('span', {
                  class: `vrow__dot family--${familyOf(i.type)}`,
                  'aria-hidden': 'true',
                }),
                h('a', { href: href(incidentPath(slug, i.id)) }, i.title),
                h(
                  'p',
                  { class: 'meta' },
                  [
                    typeLabel(i.type),
                    place(i),
                    i.fatalities === null ? null : `${m.fatalities}: ${num(i.fatalities)}`,
                    `${m.verdict}: ${i.verdict ? verdictLabel(i.verdict) : m.none}`,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'report__section', 'aria-labelledby': 'h-report-crossings' },
      h('h2', { id: 'h-report-crossings' }, m.reportCrossings),
      h(
        'div',
        {
          class: 'table-wrap',
          tabindex: '0',
          role: 'region',
          'aria-labelledby': 'h-report-crossings',
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
            ),
          ),
          h(
            'tbody',
            null,
            r.crossings.map((c) => {
              const state = crossingState(c.status);
              const chip = h(
                'span',
                { class: `status-chip status-chip--${state}` },
                m.crossingStatus[state],
              );
              chip.style.setProperty('--status', CROSSING_COLORS[state]);
              return h(
                'tr',
                { 'data-crossing': c.crossing },
                h('th', { scope: 'row' }, c.name),
                h(
                  'td',
                  null,
                  chip,
                  c.changedToday ? ` (${m.changedToday(num(c.changedToday))})` : '',
                ),
                h('td', null, c.since ? dateTime(c.since) : '—'),
              );
            }),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'report__files' },
      h(
        'a',
        {
          href: `/api/v1/missions/${encodeURIComponent(slug)}/reports/period?${new URLSearchParams({ from: date, to: date, format: 'html' })}`,
        },
        m.reportAsHtml,
      ),
      h(
        'a',
        {
          href: `/api/v1/missions/${encodeURIComponent(slug)}/reports/daily?${new URLSearchParams({ date })}`,
        },
        m.reportAsJson,
      ),
    ),
  ];
}

export function renderReportPage(root: HTMLElement, slug: string, date: string): () => void {
  const m = t();
  const abort = new AbortController();
  root.replaceChildren(h('p', { class: 'page__loading', role: 'status' }, m.loading));
  document.body.dataset.report = 'loading';
  void (async () => {
    try {
      const [mission, report] = await Promise.all([
        getMission(slug, abort.signal),
        getDailyReport(slug, date, abort.signal),
      ]);
      const names = new Map(mission.organisations.map((o) => [o.code, o.name]));
      const title = m.reportTitle(mission.name, day(date, 'long'));
      document.title = `${title} · Truceline`;
      const picker = h('input', { id: 'report-day', type: 'date', value: date });
      const pick = h(
        'form',
        { class: 'report__pick' },
        h('label', { for: 'report-day' }, m.pickDay),
        picker,
        h('button', { type: 'submit', class: 'link-button' }, m.show),
      );
      pick.addEventListener('submit', (e) => {
        e.preventDefault();
        if (!picker.value) return;
        const a = h('a', { href: href(reportPath(slug, picker.value)) });
        root.append(a);
        a.click(); // through the router, like any link
        a.remove();
      });
      root.replaceChildren(
        h(
          'article',
          { class: 'report' },
          h(
            'header',
            { class: 'report__head' },
            h('p', { class: 'eyebrow' }, h('a', { href: href(missionPath(slug)) }, mission.name)),
            h('h1', { tabindex: '-1' }, m.reportFor(day(date, 'long'))),
            h(
              'nav',
              { class: 'report__days', 'aria-label': m.pickDay },
              h('a', { href: href(reportPath(slug, shift(date, -1))), rel: 'prev' }, m.previousDay),
              h('a', { href: href(reportPath(slug, shift(date, 1))), rel: 'next' }, m.nextDay),
              pick,
            ),
          ),
          body(slug, date, report, (c) => names.get(c) ?? c),
        ),
      );
      document.body.dataset.report = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      root.replaceChildren(
        h('h1', { tabindex: '-1' }, m.reportFor(day(date, 'long'))),
        h(
          'p',
          { class: 'error', role: 'alert' },
          m.errorLoad(m.reportFor(date), err instanceof Error ? err.message : String(err)),
        ),
      );
      document.body.dataset.report = 'error';
    }
  })();
  return () => {
    abort.abort();
    delete document.body.dataset.report;
  };
}
