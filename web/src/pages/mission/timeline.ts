// A brushable timeline of events per day. Drag across the bars to choose a range of days (the
// filters' from/to); with the keyboard, the chart is one tab stop: ← → move a cursor day (mirrored
// in right-to-left languages, where time runs right to left), Shift extends the range from where
// it started, Enter or Space picks the cursor's day, Escape clears. The chosen range is announced.
import { h } from '../../dom.js';
import { day, isRtl, num, t } from '../../i18n/index.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every day from the first to the last, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 4000; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface Timeline {
  element: HTMLElement;
  /** Counts per day (YYYY-MM-DD → n) and the range chosen now. */
  update(counts: ReadonlyMap<string, number>, from: string | null, to: string | null): void;
}

export function createTimeline(
  onRange: (from: string | null, to: string | null) => void,
): Timeline {
  const m = t();
  const chart = svg('svg', {
    class: 'timeline__chart',
    role: 'slider',
    tabindex: '0',
    preserveAspectRatio: 'none',
    'aria-label': m.timeline,
    'aria-describedby': 'timeline-help',
  });
  const status = h('p', { class: 'timeline__status meta', 'aria-live': 'polite' });
  const axis = h('p', { class: 'timeline__axis meta', 'aria-hidden': 'true' });
  const element = h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'h-timeline' },
    h('h2', { id: 'h-timeline' }, m.timeline),
    h('p', { id: 'timeline-help', class: 'meta' }, m.timelineHelp),
    chart as unknown as HTMLElement,
    axis,
    status,
  );
  let days: string[] = [];
  let counts: ReadonlyMap<string, number> = new Map();
  let range: [number, number] | null = null;
  let cursor = 0;
  let anchor: number | null = null;
  const rtl = isRtl();

  const x = (i: number) => (rtl ? days.length - 1 - i : i);

  function announce(): void {
    const f = range ? days[range[0]]! : null;
    const l = range ? days[range[1]]! : null;
    const n = days.length
      ? t().timelineBar(day(days[cursor]!), num(counts.get(days[cursor]!) ?? 0))
      : '';
    chart.setAttribute('aria-valuetext', n);
    status.textContent = f && l ? `${t().from} ${day(f)} ${t().to} ${day(l)}` : '';
  }

  function draw(): void {
    chart.replaceChildren();
    const max = Math.max(1, ...counts.values());
    chart.setAttribute('viewBox', `0 0 ${Math.max(1, days.length)} 100`);
    if (range) {
      const [a, b] = range;
      const left = Math.min(x(a), x(b));
      chart.append(
        svg('rect', {
          class: 'timeline__range',
          x: String(left),
          y: '0',
          width: String(Math.abs(x(b) - x(a)) + 1),
          height: '100',
        }),
      );
    }
    days.forEach((d, i) => {
      const n = counts.get(d) ?? 0;
      const hgt = n ? Math.max(6, (n / max) * 96) : 0;
      const bar = svg('rect', {
        class: `timeline__bar${range && i >= range[0] && i <= range[1] ? ' is-in' : ''}`,
        x: String(x(i) + 0.1),
        y: String(100 - hgt),
        width: '0.8',
        height: String(hgt),
      });
      const title = svg('title');
      title.textContent = t().timelineBar(day(d), num(n));
      bar.append(title);
      chart.append(bar);
    });
    chart.append(
      svg('rect', {
        class: 'timeline__cursor',
        x: String(x(cursor)),
        y: '0',
        width: '1',
        height: '100',
      }),
    );
    axis.replaceChildren(
      h('span', null, days.length ? day(days[0]!) : ''),
      h('span', null, days.length ? day(days[days.length - 1]!) : ''),
    );
    chart.setAttribute('aria-valuemin', '1');
    chart.setAttribute('aria-valuemax', String(Math.max(1, days.length)));
    chart.setAttribute('aria-valuenow', String(cursor + 1));
    announce();
  }

  function commit(): void {
    if (!range) onRange(null, null);
    else onRange(days[range[0]]!, days[range[1]]!);
  }

  const indexAt = (clientX: number) => {
    const r = chart.getBoundingClientRect();
    const col = Math.floor(((clientX - r.left) / Math.max(1, r.width)) * days.length);
    const i = rtl ? days.length - 1 - col : col;
    return Math.max(0, Math.min(days.length - 1, i));
  };
  let dragFrom: number | null = null;
  chart.addEventListener('pointerdown', (e) => {
    if (!days.length) return;
    dragFrom = indexAt(e.clientX);
    cursor = dragFrom;
    range = [dragFrom, dragFrom];
    chart.setPointerCapture(e.pointerId);
    draw();
  });
  chart.addEventListener('pointermove', (e) => {
    if (dragFrom === null) return;
    const i = indexAt(e.clientX);
    cursor = i;
    range = [Math.min(dragFrom, i), Math.max(dragFrom, i)];
    draw();
  });
  const end = () => {
    if (dragFrom === null) return;
    dragFrom = null;
    commit();
  };
  chart.addEventListener('pointerup', end);
  chart.addEventListener('pointercancel', end);

  chart.addEventListener('keydown', (e) => {
    if (!days.length) return;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = cursor;
    if (e.key === forward) next = cursor + 1;
    else if (e.key === back) next = cursor - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = days.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      range = [cursor, cursor];
      anchor = null;
      draw();
      commit();
      return;
    } else if (e.key === 'Escape') {
      range = null;
      anchor = null;
      draw();
      commit();
      return;
    } else return;
    e.preventDefault();
    next = Math.max(0, Math.min(days.length - 1, next));
    if (e.shiftKey) {
      anchor ??= cursor;
      range = [Math.min(anchor, next), Math.max(anchor, next)];
      cursor = next;
      draw();
      commit();
    } else {
      anchor = null;
      cursor = next;
      draw();
    }
  });

  return {
    element,
    update(c, from, to) {
      counts = c;
      // For tests: how many incidents the bars stand for (the server's count, not the page's).
      element.dataset.counted = String([...c.values()].reduce((a, b) => a + b, 0));
      const known = [...c.keys()].sort();
      const first = [known[0], from].filter(Boolean).sort()[0];
      const last = [known[known.length - 1], to].filter(Boolean).sort().reverse()[0];
      days = first && last ? daysBetween(first, last) : [];
      range =
        from || to
          ? [
              Math.max(0, from ? days.indexOf(from) : 0),
              to && days.includes(to) ? days.indexOf(to) : days.length - 1,
            ]
          : null;
      cursor = Math.min(cursor, Math.max(0, days.length - 1));
      draw();
    },
  };
}
