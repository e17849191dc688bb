// The day's incidents by the mission's sectors against the day before, with ACLED Trendfinder
// change levels: the same figures as the printable report's "Incidents by sector" table
// (src/server/reports/html.ts), from the report API's `change.bySector`. Incidents outside every
// sector have their own row, last, so the rows add up to the day's total.
import type { ApiChange } from '../../api.js';
import { h } from '../../dom.js';
import { num, t } from '../../i18n/index.js';

/**
 * The report API's key for incidents in no sector (OUTSIDE_SECTORS in
 * src/server/reports/sectors.ts, which web/ may not import): shown under the reader's language.
 */
export const OUTSIDE_SECTORS_KEY = '(outside the sectors)';

export function sectorTable(bySector: Record<string, ApiChange>): HTMLElement {
  const m = t();
  const rows = Object.entries(bySector).sort(
    ([a], [b]) => Number(a === OUTSIDE_SECTORS_KEY) - Number(b === OUTSIDE_SECTORS_KEY),
  );
  return h(
    'section',
    // report__counts: headed like the by-type and by-province lists beside it.
    { class: 'report__counts report__sectors' },
    h('h3', { id: 'h-report-sectors' }, m.reportBySector),
    h(
      'div',
      {
        class: 'table-wrap',
        tabindex: '0',
        role: 'region',
        'aria-labelledby': 'h-report-sectors',
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
            h('th', { scope: 'col' }, m.reportSector),
            h('th', { scope: 'col' }, m.reportThatDay),
            h('th', { scope: 'col' }, m.reportDayBefore),
            h('th', { scope: 'col' }, m.reportChangeLevel),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map(([name, c]) =>
            h(
              'tr',
              { 'data-sector': name, 'data-level': c.level },
              h(
                'th',
                { scope: 'row' },
                name === OUTSIDE_SECTORS_KEY ? m.reportOutsideSectors : name,
              ),
              h('td', { class: 'num', 'data-count': 'current' }, num(c.current)),
              h('td', { class: 'num', 'data-count': 'previous' }, num(c.previous)),
              h('td', null, m.changeLevels[c.level] ?? c.level),
            ),
          ),
        ),
      ),
    ),
  );
}
