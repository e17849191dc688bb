// Released incidents: the map's point features and the panel's list and detail view. Titles and
// places are attacker-controlled text: they reach the DOM through dom.ts (text nodes) and the map
// as feature properties only, never as HTML.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ApiIncident } from './api.js';
import { h } from './dom.js';
import { familyOf, type Family } from './families.js';
import { day, num, t, typeLabel, verdictLabel } from './i18n/index.js';
import { href, incidentPath } from './router.js';

export type IncidentProps = { id: string; family: Family; fatalities: number; title: string };
export { familyOf, type Family };

export function incidentFeatures(
  items: readonly ApiIncident[],
): FeatureCollection<Point, IncidentProps> {
  return {
    type: 'FeatureCollection',
    features: items.map((i): Feature<Point, IncidentProps> => ({
      type: 'Feature',
      properties: {
        id: i.id,
        family: familyOf(i.type),
        fatalities: i.fatalities ?? 0,
        title: i.title,
      },
      geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
    })),
  };
}

const human = (code: string) => code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function place(i: Pick<ApiIncident, 'location'>): string {
  const l = i.location;
  return [l.name, l.admin2 !== l.name ? l.admin2 : null, l.admin1, l.country]
    .filter(Boolean)
    .join(', ');
}

/** One incident's details. Exposed to the browser test, which feeds it hostile titles. */
export function incidentDetails(
  i: ApiIncident,
  names: ReadonlyMap<string, string> = new Map(),
  /** The mission, for the link to the incident's own page. */
  slug?: string,
): HTMLElement {
  const m = t();
  const row = (k: string, v: string) => [h('dt', null, k), h('dd', null, v)];
  return h(
    'article',
    { class: 'incident-detail', 'data-incident': i.id, 'aria-live': 'polite' },
    h('h3', null, i.title),
    h(
      'dl',
      null,
      row(m.date, day(i.date)),
      row(m.type, typeLabel(i.type)),
      row(m.place, place(i)),
      row(m.fatalities, i.fatalities === null ? m.notReported : num(i.fatalities)),
      row(m.verdict, i.verdict ? verdictLabel(i.verdict) : m.none),
      row(
        m.attributedTo,
        i.attribution ? (names.get(i.attribution) ?? human(i.attribution)) : m.notAttributed,
      ),
    ),
    slug ? h('p', null, h('a', { href: href(incidentPath(slug, i.id)) }, m.openIncident)) : null,
  );
}

/** How many of the newest incidents the panel lists; the map shows all of them. */
const LISTED = 20;

export interface IncidentsView {
  select(id: string): void;
}

/**
 * Fills the panel's incidents section: a heading with the count, a detail slot, and the newest
 * incidents as buttons (the API answers newest first). `onPick` flies the globe there.
 */
export function renderIncidents(
  section: HTMLElement,
  items: readonly ApiIncident[],
  onPick: (id: string) => void,
  /** Organisation code → name, for the attribution ("PK" → "Pakistan"). */
  names: ReadonlyMap<string, string> = new Map(),
  slug?: string,
  /** The server holds more than `items`: the globe shows the newest only. */
  more = false,
): IncidentsView {
  const m = t();
  const byId = new Map(items.map((i) => [i.id, i]));
  const detail = h('div', { class: 'incident-slot' });
  const buttons = new Map<string, HTMLButtonElement>();
  const list = items.slice(0, LISTED).map((i) => {
    const b = h(
      'button',
      { type: 'button', class: 'incident-item__button', 'data-incident': i.id },
      h('span', { class: `incident-item__dot family--${familyOf(i.type)}` }),
      h('time', { datetime: i.date }, day(i.date)),
      h('span', { class: 'incident-item__title' }, i.title),
      h('span', { class: 'incident-item__verdict' }, i.verdict ? verdictLabel(i.verdict) : ''),
    );
    b.addEventListener('click', () => onPick(i.id));
    buttons.set(i.id, b);
    return h('li', { class: 'incident-item' }, b);
  });
  section.replaceChildren(
    h('h2', { id: 'h-incidents' }, m.releasedIncidentsN(num(items.length))),
    detail,
    items.length === 0
      ? h('p', { class: 'meta' }, m.noIncidents)
      : h('ol', { class: 'incidents' }, list),
  );
  if (more) section.append(h('p', { class: 'meta' }, m.globeNewest(num(items.length))));
  else if (items.length > LISTED) {
    section.append(h('p', { class: 'meta' }, m.newestListed(num(LISTED))));
  }

  let selected: string | null = null;
  return {
    select(id) {
      const i = byId.get(id);
      if (!i) return;
      if (selected) buttons.get(selected)?.removeAttribute('aria-current');
      selected = id;
      buttons.get(id)?.setAttribute('aria-current', 'true');
      detail.replaceChildren(incidentDetails(i, names, slug));
      // A click on the map may select an incident the panel has scrolled away from.
      detail.scrollIntoView({ block: 'nearest' });
    },
  };
}
