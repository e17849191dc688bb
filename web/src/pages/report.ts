// The day's report as a page (/missions/<slug>/reports/<YYYY-MM-DD>), from
// GET /api/v1/missions/<slug>/reports/daily?date= (src/server/routes/reports.ts): the day's counts
// against the day before with ACLED Trendfinder change levels, by type and province, and by the
// mission's sectors when it has them (report/sectors.ts); the released incidents of that day
// (GET …/incidents?from=&to=), allegations, responses and those overdue, findings released, access
// denied, crossings, days since the last major incident, and the log checkpoint the figures were
// read at. Hedged: unverified incidents are said to be unverified.
// Links to the day before and after, and to the server's printable HTML, PDF and JSON of the same day.
import {
  getDailyReport,
  getMission,
  listIncidents,
  type ApiDailyReport,
  type ApiIncident,
} from '../api.js';
import { h } from '../dom.js';
import { CROSSING_COLORS, crossingState, familyOf } from '../families.js';
import { dateTime, day, num, t, typeLabel, verdictLabel } from '../i18n/index.js';
import { place } from '../incidents.js';
import { href, incidentPath, missionPath, reportPath } from '../router.js';
import { sectorTable } from './report/sectors.js';

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
      ? h('p', { class: 'meta' }, t().reportNone)
      : h(
          'dl',
          null,
          rows.flatMap(([k, v]) => [h('dt', null, label(k)), h('dd', { class: 'num' }, num(v))]),
        ),
  );
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'report__section', 'aria-labelledby': id },
    h('h2', { id }, title),
    ...children,
  );
}

/** A list of report items, each titled by its incident (a link) with one line of detail. */
function itemList(
  slug: string,
  rows: readonly { incident: string; incidentTitle: string; detail: string }[],
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'meta' }, t().reportNone);
  return h(
    'ul',
    { class: 'report__items' },
    rows.map((r) =>
      h(
        'li',
        null,
        h('a', { href: href(incidentPath(slug, r.incident)) }, r.incidentTitle || r.incident),
        h('p', { class: 'meta' }, r.detail),
      ),
    ),
  );
}

function incidentList(slug: string, incidents: readonly ApiIncident[]): HTMLElement {
  const m = t();
  if (incidents.length === 0) return h('p', { class: 'meta' }, m.reportNoIncidents);
  return h(
    'ol',
    { class: 'report__incidents' },
    incidents.map((i) =>
      h(
        'li',
        { 'data-incident': i.id },
        h('span', { class: `vrow__dot family--${familyOf(i.type)}`, 'aria-hidden': 'true' }),
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
  );
}

function crossingsTable(r: ApiDailyReport): HTMLElement {
  const m = t();
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'h-report-crossings' },
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
            { class: `status-chip status-chip--${state}`, 'data-status': state },
            m.crossingStatus[state],
          );
          chip.style.setProperty('--status', CROSSING_COLORS[state]);
          return h(
            'tr',
            { 'data-crossing': c.crossing },
            h('th', { scope: 'row' }, c.name),
            h('td', null, chip, c.changes ? ` (${m.changes(num(c.changes))})` : ''),
            h('td', null, c.since ? dateTime(c.since) : '—'),
          );
        }),
      ),
    ),
  );
}

function body(
  slug: string,
  date: string,
  r: ApiDailyReport,
  incidents: readonly ApiIncident[],
  name: (c: string) => string,
): HTMLElement[] {
  const m = t();
  const level = r.totalChange ? (m.changeLevels[r.totalChange.level] ?? r.totalChange.level) : null;
  return [
    section(
      'h-report-totals',
      m.reportTotals,
      h(
        'dl',
        { class: 'report__totals' },
        h('dt', null, m.reportIncidents),
        h('dd', { class: 'num', 'data-total': 'incidents' }, num(r.counts.total)),
        h('dt', null, m.fatalities),
        h('dd', { class: 'num', 'data-total': 'fatalities' }, num(r.counts.fatalities)),
        h('dt', null, m.reportUnverifiedCount),
        h('dd', { class: 'num', 'data-total': 'unverified' }, num(r.counts.unverified)),
      ),
      level ? h('p', { class: 'meta' }, m.reportVsPrevious(num(r.previousTotal), level)) : null,
      r.counts.unverified > 0
        ? h(
            'p',
            { class: 'report__hedge' },
            m.reportUnverified(num(r.counts.unverified), num(r.counts.total)),
          )
        : null,
      h(
        'div',
        { class: 'report__grid' },
        counts(m.reportByType, r.counts.byType, typeLabel),
        counts(m.reportByArea, r.counts.byAdmin1, (k) => k),
      ),
      r.bySector ? sectorTable(r.bySector) : null,
    ),
    section(
      'h-report-incidents',
      m.releasedIncidentsN(num(incidents.length)),
      incidentList(slug, incidents),
    ),
    section(
      'h-report-allegations',
      m.reportAllegations,
      itemList(
        slug,
        r.allegations.map((a) => ({
          ...a,
          detail: `${m.reportAllegation(name(a.by), name(a.accused))} · ${dateTime(a.at)}`,
        })),
      ),
    ),
    section(
      'h-report-responses',
      m.reportResponses,
      itemList(
        slug,
        r.responses.map((a) => ({ ...a, detail: `${name(a.accused)} · ${dateTime(a.at)}` })),
      ),
    ),
    section(
      'h-report-overdue',
      m.reportOverdue,
      itemList(
        slug,
        r.overdue.map((a) => ({
          ...a,
          detail: `${m.reportAllegation(name(a.by), name(a.accused))} · ${dateTime(a.at)}`,
        })),
      ),
    ),
    section(
      'h-report-findings',
      m.reportFindings,
      itemList(
        slug,
        r.findings.map((f) => ({
          ...f,
          detail: `${m.verdict}: ${verdictLabel(f.verdict)} · ${m.attributedTo}: ${name(f.attribution)}`,
        })),
      ),
    ),
    section(
      'h-report-access',
      m.reportAccessDenied,
      itemList(
        slug,
        r.accessDenied.map((a) => ({
          ...a,
          detail: [a.deniedBy ? name(a.deniedBy) : null, dateTime(a.at)]
            .filter(Boolean)
            .join(' · '),
        })),
      ),
    ),
    section('h-report-crossings', m.reportCrossings, crossingsTable(r)),
    h(
      'footer',
      { class: 'report__foot' },
      // Counted to the cut-off (when the figures were read), not to the report's day: said so.
      r.majorIncident
        ? h(
            'p',
            { 'data-major': 'since' },
            `${m.reportAsOf(dateTime(r.cutOff))} `,
            r.majorIncident.daysSince === null
              ? m.reportNoMajor(num(r.majorIncident.threshold))
              : m.reportDaysSinceMajor(
                  num(r.majorIncident.daysSince),
                  num(r.majorIncident.threshold),
                ),
          )
        : null,
      r.checkpoint
        ? h('p', { class: 'meta' }, m.reportCheckpoint(dateTime(r.cutOff), num(r.checkpoint.size)))
        : null,
      h(
        'p',
        { class: 'report__files' },
        h(
          'a',
          {
            href: `/api/v1/missions/${encodeURIComponent(slug)}/reports/daily?${new URLSearchParams({ date, format: 'html' })}`,
          },
          m.reportAsHtml,
        ),
        h(
          'a',
          {
            href: `/api/v1/missions/${encodeURIComponent(slug)}/reports/daily?${new URLSearchParams({ date, format: 'pdf' })}`,
          },
          m.reportAsPdf,
        ),
        h(
          'a',
          {
            href: `/api/v1/missions/${encodeURIComponent(slug)}/reports/daily?${new URLSearchParams({ date })}`,
          },
          m.reportAsJson,
        ),
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
      const [mission, report, incidents] = await Promise.all([
        getMission(slug, abort.signal),
        getDailyReport(slug, date, abort.signal),
        listIncidents(slug, abort.signal, { from: date, to: date }),
      ]);
      const names = new Map(mission.organisations.map((o) => [o.code, o.name]));
      document.title = `${m.reportTitle(mission.name, day(date, 'long'))} · Truceline`;
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
          ...body(slug, date, report, incidents, (c) => names.get(c) ?? c),
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
          m.errorLoad(
            m.reportFor(day(date, 'long')),
            err instanceof Error ? err.message : String(err),
          ),
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
