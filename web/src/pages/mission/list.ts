// The mission view's list: the accessible alternative to the map, virtualised so 100,000 incidents
// are a few dozen DOM nodes. Rows have one height; only those in (or near) the viewport exist, each
// telling assistive technology its place (aria-posinset / aria-setsize). One row is the tab stop
// (roving tabindex): arrow keys, Page Up/Down, Home and End move through every row, rendering it on
// the way; Enter follows its link to the incident page.
import type { ApiIncident } from '../../api.js';
import { h } from '../../dom.js';
import { familyOf } from '../../families.js';
import { day, t, typeLabel, verdictLabel } from '../../i18n/index.js';
import { place } from '../../incidents.js';
import { href, incidentPath } from '../../router.js';

export const ROW_HEIGHT = 64;
const OVERSCAN = 6;

export interface VirtualList {
  element: HTMLElement;
  setItems(items: readonly ApiIncident[]): void;
  /** Makes this incident the current row (scrolled into view); null for none. */
  select(id: string | null, opts?: { focus?: boolean }): void;
  /** How many row elements exist right now (for the tests' "stays virtualised"). */
  renderedRows(): number;
}

export interface ListOptions {
  slug: string;
  /** The current row changed (keyboard, pointer, or select()). */
  onCurrent(id: string | null): void;
}

export function createVirtualList(opts: ListOptions): VirtualList {
  const m = t();
  const inner = h('ul', { class: 'vlist__inner', role: 'list', 'aria-label': m.listLabel });
  const empty = h('p', { class: 'vlist__empty meta', hidden: '' }, m.listEmpty);
  const viewport = h('div', { class: 'vlist', 'data-testid': 'incident-list' }, inner, empty);
  let items: readonly ApiIncident[] = [];
  let current = -1;
  const rows = new Map<number, HTMLLIElement>();

  function row(i: ApiIncident, index: number): HTMLLIElement {
    const link = h(
      'a',
      {
        class: 'vrow__link',
        href: href(incidentPath(opts.slug, i.id)),
        tabindex: index === Math.max(0, current) ? '0' : '-1',
        'data-incident': i.id,
      },
      h('span', { class: `vrow__dot family--${familyOf(i.type)}`, 'aria-hidden': 'true' }),
      title(i.title),
      h(
        'span',
        { class: 'vrow__meta' },
        h('time', { datetime: i.date.slice(0, 10) }, day(i.date)),
        ` · ${typeLabel(i.type)} · ${place(i)}`,
      ),
      h('span', { class: 'vrow__verdict' }, i.verdict ? verdictLabel(i.verdict) : m.none),
    );
    link.addEventListener('focus', () => setCurrent(index, false));
    const li = h(
      'li',
      {
        class: 'vrow',
        'aria-setsize': String(items.length),
        'aria-posinset': String(index + 1),
      },
      link,
    );
    li.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    if (index === current) li.classList.add('is-current');
    return li;
  }

  function draw(): void {
    const top = viewport.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(
      items.length - 1,
      Math.ceil((top + viewport.clientHeight) / ROW_HEIGHT) + OVERSCAN,
    );
    // The current row stays rendered so focus never falls out of the page.
    const keep = new Set<number>();
    for (let n = first; n <= last; n++) keep.add(n);
    if (current >= 0 && current < items.length) keep.add(current);
    for (const [n, el] of rows) {
      if (!keep.has(n)) {
        el.remove();
        rows.delete(n);
      }
    }
    for (const n of [...keep].sort((a, b) => a - b)) {
      if (!rows.has(n)) {
        const el = row(items[n]!, n);
        rows.set(n, el);
        inner.append(el);
      }
    }
  }

  function setCurrent(index: number, focus: boolean): void {
    if (index < 0 || index >= items.length) return;
    const changed = index !== current;
    const before = rows.get(current);
    before?.classList.remove('is-current');
    before?.querySelector('a')?.setAttribute('tabindex', '-1');
    current = index;
    const top = index * ROW_HEIGHT;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight) {
      viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight;
    }
    draw();
    const el = rows.get(index)!;
    el.classList.add('is-current');
    const a = el.querySelector('a')!;
    a.setAttribute('tabindex', '0');
    if (focus) a.focus({ preventScroll: true });
    if (changed) opts.onCurrent(items[index]!.id);
  }

  viewport.addEventListener('scroll', draw, { passive: true });
  viewport.addEventListener('keydown', (e) => {
    if (!items.length) return;
    const page = Math.max(1, Math.floor(viewport.clientHeight / ROW_HEIGHT) - 1);
    const at = Math.max(0, current);
    const to: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: items.length - 1,
    };
    const next = to[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setCurrent(Math.max(0, Math.min(items.length - 1, next)), true);
  });
  new ResizeObserver(draw).observe(viewport);

  return {
    element: viewport,
    setItems(next) {
      // The same list again (the map settling, a filter that keeps everything): nothing to redo,
      // and the focused row must not be pulled out from under the reader.
      if (next.length === items.length && next.every((i, n) => i.id === items[n]!.id)) return;
      const keepId = current >= 0 ? items[current]?.id : undefined;
      const hadFocus = viewport.contains(document.activeElement);
      items = next;
      for (const el of rows.values()) el.remove();
      rows.clear();
      inner.style.height = `${items.length * ROW_HEIGHT}px`;
      viewport.style.setProperty('--rows', String(Math.max(1, items.length)));
      empty.hidden = items.length > 0;
      const again = keepId ? items.findIndex((i) => i.id === keepId) : -1;
      current = again;
      if (again < 0) viewport.scrollTop = 0;
      draw();
      if (hadFocus && again >= 0)
        rows.get(again)?.querySelector('a')?.focus({ preventScroll: true });
    },
    select(id, o = {}) {
      if (id === null) return;
      const index = items.findIndex((i) => i.id === id);
      if (index >= 0) setCurrent(index, o.focus ?? false);
    },
    renderedRows: () => rows.size,
  };
}

/**
 * A title in its own direction (dir=auto): an English title in an Urdu or Pashto list is cut at
 * its end, not its start ("Grenade thrown at a…", not "…border checkpoint in Chaman"), and still
 * aligned as the list is (match-parent; set through the CSSOM, which the CSP allows).
 */
function title(text: string): HTMLElement {
  const el = h('span', { class: 'vrow__title', dir: 'auto' }, text);
  el.style.textAlign = 'match-parent';
  return el;
}
