// Which released incidents a machine-coded news event may be about: within a day and 25 km (the
// ingest matcher's bounds, src/ingest/match/incidents.ts MATCH_MAX_DAYS / MATCH_MAX_KM), of any
// type — the coder may call the mortar fire a human called an armed clash "shelling". Shown beside
// the event so a reader can set the news against the finding (it may agree or contradict it);
// it is a pointer, not a verdict.
import type { ApiIncident } from '../../api.js';
import type { NewsEvent } from './news.js';

export const NEAR_DAYS = 1;
export const NEAR_KM = 25;
const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function incidentsNear(e: NewsEvent, incidents: readonly ApiIncident[]): ApiIncident[] {
  if (!e.date) return [];
  const day = Date.parse(e.date.slice(0, 10));
  return incidents.filter(
    (i) =>
      Math.abs(Date.parse(i.date.slice(0, 10)) - day) <= NEAR_DAYS * 86_400_000 &&
      kmBetween(e.lat, e.lon, i.location.lat, i.location.lon) <= NEAR_KM,
  );
}
