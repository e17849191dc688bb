// GeoJSON (RFC 7946) Point features to reports: the properties of Truceline's own GeoJSON export
// (src/server/export/geojson.ts) or ACLED-style names (event_date, sub_event_type, admin1 …). The
// position is the geometry's [longitude, latitude] (RFC 7946 §3.1.1), never a property.
import { ReportBodySchema } from '../../core/records/workflow.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { typeForAcled } from './acled.js';
import { countryCode, RowReader, titleOf } from './fields.js';
import type { ImportContext, RowResult } from './types.js';

export function geoJsonFeature(position: number, feature: unknown, ctx: ImportContext): RowResult {
  const f = (feature ?? {}) as {
    type?: unknown;
    id?: unknown;
    geometry?: { type?: unknown; coordinates?: unknown } | null;
    properties?: Record<string, unknown> | null;
  };
  const props = f.properties ?? {};
  const get = (k: string) => {
    const v = props[k];
    return v === null || v === undefined ? undefined : typeof v === 'string' ? v : String(v);
  };
  const r = new RowReader(position, get);
  if (f.type !== 'Feature')
    return { ok: false, errors: [{ line: position, field: 'type', reason: 'is not "Feature"' }] };
  const c = f.geometry?.coordinates;
  if (f.geometry?.type !== 'Point' || !Array.isArray(c) || c.length < 2)
    return {
      ok: false,
      errors: [
        { line: position, field: 'geometry', reason: 'is not a Point [longitude, latitude]' },
      ],
    };
  const [lon, lat] = c as unknown[];
  if (typeof lon !== 'number' || lon < -180 || lon > 180)
    r.fail('geometry.coordinates[0]', 'longitude is not a number in -180..180');
  if (typeof lat !== 'number' || lat < -90 || lat > 90)
    r.fail('geometry.coordinates[1]', 'latitude is not a number in -90..90');
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : get('id');
  if (!id)
    r.fail('id', 'the feature has no id (the basis of importing a file twice without duplicates)');
  const date = r.date(props.date !== undefined ? 'date' : 'event_date');
  const name = r.required('location');
  const country = countryCode(get('country'), get('iso3'), get('iso'));
  if (!country) r.fail('country', `"${get('country') ?? ''}" is not a country this server knows`);
  let type: EventType | undefined;
  const t = get('type');
  if (t && (EVENT_TYPE_NAMES as readonly string[]).includes(t)) type = t as EventType;
  else if (get('event_type') && get('sub_event_type'))
    type = typeForAcled(get('event_type')!, get('sub_event_type')!) ?? 'other';
  else
    r.fail(
      'type',
      `"${t ?? ''}" is not a Truceline event type and there is no event_type/sub_event_type`,
    );
  const timePrecision =
    r.number(props.time_precision !== undefined ? 'time_precision' : 'timePrecision', 1, 3, true) ??
    1;
  const geoPrecision = r.number('geo_precision', 1, 3, true) ?? 1;
  const fatalities = r.number('fatalities', 0, 100000, true);
  if (r.errors.length) return { ok: false, errors: r.errors };
  const title = get('title') ?? get('notes') ?? `${EVENT_TYPES[type!].label} in ${name}`;
  const parsed = ReportBodySchema.safeParse({
    type,
    title: titleOf(title),
    description: `${get('notes') ?? title}\nImported from ${ctx.label}, feature ${id}.`.slice(
      0,
      20000,
    ),
    occurred: { date, time_precision: timePrecision },
    location: {
      name: name!.slice(0, 200),
      admin1: get('admin1') ?? null,
      admin2: get('admin2') ?? null,
      country,
      lat,
      lon,
      geo_precision: geoPrecision,
    },
    ...(fatalities !== undefined ? { fatalities: { count: fatalities } } : {}),
    sources: [`geojson:${id}`],
  });
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        line: position,
        field: i.path.join('.'),
        reason: i.message,
      })),
    };
  return { ok: true, event: { line: position, sourceKey: `geojson:${id}`, report: parsed.data } };
}
