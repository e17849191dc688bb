// ACLED CSV rows (ACLED Codebook; the columns of ACLED's export, in any order, extra columns
// ignored) to reports. The event type comes back from ACLED's event_type/sub_event_type pair
// (src/core/taxonomy.ts); a pair no Truceline type exports to becomes "other", its ACLED pair kept
// in the description.
import { EVENT_TYPES, typesForAcled, type EventType } from '../../core/taxonomy.js';
import { ReportBodySchema } from '../../core/records/workflow.js';
import { actorOf, splitActors } from './actors.js';
import { countryCode, RowReader, titleOf } from './fields.js';
import type { ImportContext, RowResult } from './types.js';
import type { Actor } from '../../core/taxonomy.js';

export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'location',
  'latitude',
  'longitude',
] as const;

/** The Truceline type for an ACLED pair; several share Strategic developments/Other. */
export function typeForAcled(eventType: string, subEventType: string): EventType | undefined {
  const types = typesForAcled(eventType, subEventType);
  if (types.length === 0) return undefined;
  return types.length === 1 ? types[0] : 'other';
}

export function acledRow(
  line: number,
  get: (field: string) => string | undefined,
  ctx: ImportContext,
): RowResult {
  const r = new RowReader(line, get);
  const id = r.required('event_id_cnty');
  const date = r.date('event_date');
  const eventType = r.required('event_type');
  const subType = r.required('sub_event_type');
  const lat = r.number('latitude', -90, 90);
  const lon = r.number('longitude', -180, 180);
  const name = r.required('location');
  const country = countryCode(r.text('country'), r.text('iso'), id?.replace(/\d+$/, ''));
  if (!country) r.fail('country', `"${r.text('country')}" is not a country this server knows`);
  const timePrecision = r.number('time_precision', 1, 3, true) ?? 1;
  const geoPrecision = r.number('geo_precision', 1, 3, true) ?? 1;
  const fatalities = r.number('fatalities', 0, 100000, true);
  if (r.errors.length) return { ok: false, errors: r.errors };
  const mapped = typeForAcled(eventType!, subType!);
  const type = mapped ?? 'other';
  const actors: Actor[] = [];
  for (const side of ['1', '2'] as const) {
    const inter = Number(r.text(`inter${side}`) || 0);
    for (const n of [r.text(`actor${side}`), ...splitActors(r.text(`assoc_actor_${side}`))]) {
      const a = actorOf(n, inter, ctx.parties);
      if (a) actors.push(a);
    }
  }
  const notes = r.text('notes');
  const label = EVENT_TYPES[type].label;
  const description = [
    notes || `${subType} in ${name}.`,
    mapped ? '' : `ACLED type: ${eventType} / ${subType}.`,
    `Imported from ${ctx.label}, event ${id}.`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const sources = [`acled:${id}`, ...(r.text('source') ? [r.text('source').slice(0, 2000)] : [])];
  const parsed = ReportBodySchema.safeParse({
    type,
    title: titleOf(notes || `${label} in ${name}`),
    description: description.slice(0, 20000),
    occurred: { date, time_precision: timePrecision },
    location: {
      name: name!.slice(0, 200),
      admin1: r.text('admin1') || null,
      admin2: r.text('admin2') || null,
      country,
      lat,
      lon,
      geo_precision: geoPrecision,
    },
    actors: actors.slice(0, 20),
    ...(fatalities !== undefined ? { fatalities: { count: fatalities } } : {}),
    sources,
  });
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        line,
        field: i.path.join('.'),
        reason: i.message,
      })),
    };
  return { ok: true, event: { line, sourceKey: `acled:${id}`, report: parsed.data } };
}
