// The console's tables: a header row of column names over the given rows, in the wrapper that
// scrolls a wide table inside itself instead of widening the page at phone width (console.css).
import { h } from '../dom.js';

export function consoleTable(head: readonly string[], rows: HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'console-table-wrap' },
    h(
      'table',
      { class: 'console-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}
