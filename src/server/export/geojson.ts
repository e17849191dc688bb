// The incident list as a GeoJSON FeatureCollection (RFC 7946): one Point per incident at
// [longitude, latitude] (RFC 7946 §3.1.1 order), its fields as properties. Text stays JSON text.
import { acledCode, EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import type { ExportOptions, ExportRow } from './row.js';

export interface IncidentFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}
export interface IncidentFeatureCollection {
  type: 'FeatureCollection';
  features: IncidentFeature[];
}

export function incidentFeature(r: ExportRow): IncidentFeature {
  const code = Object.hasOwn(EVENT_TYPES, r.type) ? acledCode(r.type as EventType) : undefined;
  return {
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.location.lon, r.location.lat] },
    properties: {
      id: r.id,
      index: r.index,
      title: r.title,
      type: r.type,
      event_type: code?.event_type ?? null,
      sub_event_type: code?.sub_event_type ?? null,
      status: r.status,
      date: r.date,
      time_precision: r.timePrecision,
      location: r.location.name,
      admin1: r.location.admin1 ?? null,
      admin2: r.location.admin2 ?? null,
      country: r.location.country,
      geo_precision: r.location.geo_precision,
      fatalities: r.fatalities,
      parties: r.parties,
      verdict: r.verdict,
      attribution: r.attribution,
      released_index: r.releasedIndex,
    },
  };
}

export function formatGeoJson(
  rows: readonly ExportRow[],
  _options?: ExportOptions,
): IncidentFeatureCollection {
  return { type: 'FeatureCollection', features: rows.map(incidentFeature) };
}
