// Released incidents: the map's point features and the panel's list and detail view. Titles and
// places are attacker-controlled text: they reach the DOM through dom.ts (text nodes) and the map
// as feature properties only, never as HTML.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { VIOLENT_EVENT_TYPES } from '../../src/core/violent-types.js';
import type { ApiIncident } from './api.js';
import { h } from './dom.js';

const VIOLENT = new Set<string>(VIOLENT_EVENT_TYPES);

/** The two colour families on the map and in the legend. */
export type Family = 'violence' | 'strategic';

export const familyOf = (type: string): Family => (VIOLENT.has(type) ? 'violence' : 'strategic');

export type IncidentProps = { id: string; family: Family; fatalities: number; title: string };

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

const shortDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : shortDate.format(d);
}

function place(i: ApiIncident): string {
  const l = i.location;
  return [l.name, l.admin2 !== l.name ? l.admin2 : null, l.admin1, l.country]
    .filter(Boolean)
    .join(', ');
}

/** One incident's details. Exposed to the browser test, which feeds it hostile titles. */
export function incidentDetails(
  i: ApiIncident,
  names: ReadonlyMap<string, string> = new Map(),
): HTMLElement {
  const row = (k: string, v: string) => [h('dt', null, k), h('dd', null, v)];
  return h(
    'article',
    { class: 'incident-detail', 'data-incident': i.id, 'aria-live': 'polite' },
    h('h3', null, i.title),
    h(
      'dl',
      null,
      row('Date', formatDate(i.date)),
      row('Type', human(i.type)),
      row('Place', place(i)),
      row('Fatalities', i.fatalities === null ? 'not reported' : String(i.fatalities)),
      row('Verdict', i.verdict ? human(i.verdict) : 'none'),
      row(
        'Attributed to',
        i.attribution ? (names.get(i.attribution) ?? human(i.attribution)) : 'not attributed',
      ),
    ),
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
): IncidentsView {
  const byId = new Map(items.map((i) => [i.id, i]));
  const detail = h('div', { class: 'incident-slot' });
  const buttons = new Map<string, HTMLButtonElement>();
  const list = items.slice(0, LISTED).map((i) => {
    const b = h(
      'button',
      { type: 'button', class: 'incident-item__button', 'data-incident': i.id },
      h('span', { class: `incident-item__dot incident-item__dot--${familyOf(i.type)}` }),
      h('time', { datetime: i.date }, formatDate(i.date)),
      h('span', { class: 'incident-item__title' }, i.title),
      h('span', { class: 'incident-item__verdict' }, i.verdict ? human(i.verdict) : ''),
    );
    b.addEventListener('click', () => onPick(i.id));
    buttons.set(i.id, b);
    return h('li', { class: 'incident-item' }, b);
  });
  section.replaceChildren(
    h('h2', { id: 'h-incidents' }, `Released incidents (${items.length})`),
    detail,
    items.length === 0
      ? h('p', { class: 'meta' }, 'No incident has been released yet.')
      : h('ol', { class: 'incidents' }, list),
  );
  if (items.length > LISTED) {
    section.append(
      h('p', { class: 'meta' }, `The newest ${LISTED} are listed; the globe shows all.`),
    );
  }

  let selected: string | null = null;
  return {
    select(id) {
      const i = byId.get(id);
      if (!i) return;
      if (selected) buttons.get(selected)?.removeAttribute('aria-current');
      selected = id;
      buttons.get(id)?.setAttribute('aria-current', 'true');
      detail.replaceChildren(incidentDetails(i, names));
      // A click on the map may select an incident the panel has scrolled away from.
      detail.scrollIntoView({ block: 'nearest' });
    },
  };
}
