// The map legend: event families (filled dots), clusters, crossings by status (the marker's shape
// as well as its colour), the boundary, and optionally the unverified news layer (hollow rings).
// A <details>, open on wide screens and folded on a phone so it does not cover the map.
import { h } from './dom.js';
import { CROSSING_COLORS, FAMILIES, FAMILY_COLORS } from './families.js';
import { t } from './i18n/index.js';

export function renderLegend(opts: { news?: boolean; open?: boolean } = {}): HTMLDetailsElement {
  const m = t();
  const swatch = (cls: string, color?: string) => {
    const s = h('span', { class: `legend__swatch ${cls}`, 'aria-hidden': 'true' });
    if (color) s.style.setProperty('--swatch', color);
    return s;
  };
  const item = (sw: HTMLElement, label: string) => h('li', { class: 'legend__item' }, sw, label);
  const statuses = ['open', 'partial', 'closed', 'unknown'] as const;
  const details = h(
    'details',
    { class: 'legend' },
    h('summary', null, m.legend),
    h(
      'ul',
      { class: 'legend__list' },
      FAMILIES.map((f) => item(swatch('legend__dot', FAMILY_COLORS[f]), m.families[f])),
      item(swatch('legend__cluster'), m.legendCluster),
      item(swatch('legend__line'), m.legendBoundary),
      statuses.map((s) =>
        item(
          swatch(`legend__crossing legend__crossing--${s}`, CROSSING_COLORS[s]),
          `${m.crossing}: ${m.crossingStatus[s]}`,
        ),
      ),
      opts.news ? item(swatch('legend__news'), m.legendNews) : null,
    ),
  );
  details.open = opts.open ?? window.matchMedia('(min-width: 821px)').matches;
  return details;
}
