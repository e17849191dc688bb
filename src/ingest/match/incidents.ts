// Corroboration: coded events from many articles are grouped into candidate incidents, and matched
// to the mission's existing incidents. Pure functions over plain data, so the server can call them.
// Rule (issue 5): same type, dates within ±1 day, places within 25 km.
import type { EventType } from '../../core/taxonomy.js';
import { distanceKm } from '../geo/distance.js';
import type { CodedEvent } from '../types.js';

export const MATCH_MAX_DAYS = 1;
export const MATCH_MAX_KM = 25;

/** The fields of an incident that matching needs (the store's incident record has more). */
export interface IncidentRef {
  id: string;
  type: EventType;
  date: string | null;
  lat: number | null;
  lon: number | null;
}

export interface CandidateIncident {
  type: EventType;
  date: string | null;
  lat: number | null;
  lon: number | null;
  events: CodedEvent[];
  /** Distinct article URLs (or headlines) that report it. */
  sources: string[];
}

const DAY = 86_400_000;

function datesMatch(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= MATCH_MAX_DAYS * DAY;
}

function placesMatch(
  aLat: number | null,
  aLon: number | null,
  bLat: number | null,
  bLon: number | null,
): boolean {
  if (aLat === null || aLon === null || bLat === null || bLon === null) return false;
  return distanceKm(aLat, aLon, bLat, bLon) <= MATCH_MAX_KM;
}

/** True when a coded event and an incident describe the same occurrence. */
export function eventMatchesIncident(e: CodedEvent, inc: IncidentRef): boolean {
  return (
    e.type === inc.type &&
    datesMatch(e.date, inc.date) &&
    placesMatch(e.location?.lat ?? null, e.location?.lon ?? null, inc.lat, inc.lon)
  );
}

/** Existing incidents this event corroborates, nearest in time then space first. */
export function matchIncidents(e: CodedEvent, incidents: readonly IncidentRef[]): IncidentRef[] {
  const hits = incidents.filter((inc) => eventMatchesIncident(e, inc));
  const key = (inc: IncidentRef): number =>
    Math.abs(Date.parse(inc.date ?? '') - Date.parse(e.date ?? '')) / DAY +
    distanceKm(e.location?.lat ?? 0, e.location?.lon ?? 0, inc.lat ?? 0, inc.lon ?? 0) / 1000;
  return hits.sort((a, b) => key(a) - key(b));
}

/**
 * Groups events from several articles into candidate incidents. Events without a date or place
 * cannot be matched safely and stay alone. Greedy in input order: deterministic and linear in the
 * number of candidates per type.
 */
export function groupCandidates(events: readonly CodedEvent[]): CandidateIncident[] {
  const out: CandidateIncident[] = [];
  const byType = new Map<EventType, CandidateIncident[]>();
  for (const e of events) {
    const lat = e.location?.lat ?? null;
    const lon = e.location?.lon ?? null;
    const list = byType.get(e.type) ?? [];
    const hit = list.find((c) => datesMatch(c.date, e.date) && placesMatch(c.lat, c.lon, lat, lon));
    const source = e.article.url ?? e.article.headline ?? '(unknown source)';
    if (hit) {
      hit.events.push(e);
      if (!hit.sources.includes(source)) hit.sources.push(source);
      continue;
    }
    const c: CandidateIncident = {
      type: e.type,
      date: e.date,
      lat,
      lon,
      events: [e],
      sources: [source],
    };
    list.push(c);
    byType.set(e.type, list);
    out.push(c);
  }
  return out;
}
