// The incident list as HXL CSV (Humanitarian Exchange Language, hxlstandard.org/standard/1-1final):
// a human header row, then the row of HXL hashtags (with +attributes), then the data. Quoting and
// formula safety as in csv.ts; hashtags follow the HXL core schema. The actor columns mirror ACLED's
// (actors.ts) under #actor with +first/+second for the two sides and +assoc for their associates.
import { acledCode, EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { actorsOf, eventId } from './acled.js';
import type { ActorColumns } from './actors.js';
import { countryInfo } from './countries.js';
import { csvDocument, type Cell } from './csv.js';
import type { ExportOptions, ExportRow } from './row.js';

export const HXL_COLUMNS: readonly {
  header: string;
  tag: string;
  value(r: ExportRow, actors: ActorColumns): Cell;
}[] = [
  { header: 'Event ID', tag: '#event+id', value: (r) => eventId(r) },
  { header: 'Incident ID', tag: '#event+id+truceline', value: (r) => r.id },
  { header: 'Log index', tag: '#meta+log+index', value: (r) => r.index },
  { header: 'Date', tag: '#date', value: (r) => r.date },
  { header: 'Time precision', tag: '#date+precision', value: (r) => r.timePrecision },
  { header: 'Event type', tag: '#event+type', value: (r) => r.type },
  { header: 'ACLED event type', tag: '#event+type+acled', value: (r) => acled(r)?.event_type },
  {
    header: 'ACLED sub-event type',
    tag: '#event+type+acled+sub',
    value: (r) => acled(r)?.sub_event_type,
  },
  { header: 'Title', tag: '#event+name', value: (r) => r.title },
  { header: 'Status', tag: '#status', value: (r) => r.status },
  { header: 'Country code', tag: '#country+code', value: (r) => alpha3(r) },
  {
    header: 'Country',
    tag: '#country+name',
    value: (r) => countryInfo(r.location.country)?.name ?? r.location.country,
  },
  { header: 'Admin 1', tag: '#adm1+name', value: (r) => r.location.admin1 },
  { header: 'Admin 2', tag: '#adm2+name', value: (r) => r.location.admin2 },
  { header: 'Location', tag: '#loc+name', value: (r) => r.location.name },
  { header: 'Latitude', tag: '#geo+lat', value: (r) => r.location.lat },
  { header: 'Longitude', tag: '#geo+lon', value: (r) => r.location.lon },
  { header: 'Geo precision', tag: '#geo+precision', value: (r) => r.location.geo_precision },
  { header: 'Actor 1', tag: '#actor+name+first', value: (_r, a) => a.actor1 },
  {
    header: 'Associated actors 1',
    tag: '#actor+name+first+assoc',
    value: (_r, a) => a.assoc_actor_1,
  },
  { header: 'Inter 1', tag: '#actor+code+first+inter', value: (_r, a) => a.inter1 },
  { header: 'Actor 2', tag: '#actor+name+second', value: (_r, a) => a.actor2 },
  {
    header: 'Associated actors 2',
    tag: '#actor+name+second+assoc',
    value: (_r, a) => a.assoc_actor_2,
  },
  { header: 'Inter 2', tag: '#actor+code+second+inter', value: (_r, a) => a.inter2 },
  { header: 'Interaction', tag: '#actor+code+interaction', value: (_r, a) => a.interaction },
  { header: 'Fatalities', tag: '#affected+killed', value: (r) => r.fatalities },
  { header: 'Parties involved', tag: '#org+code+involved', value: (r) => r.parties.join(' ') },
  { header: 'Finding verdict', tag: '#status+verdict', value: (r) => r.verdict },
  { header: 'Attributed to', tag: '#org+code+attributed', value: (r) => r.attribution },
  { header: 'Released at log index', tag: '#meta+log+released', value: (r) => r.releasedIndex },
];

function acled(r: ExportRow) {
  return Object.hasOwn(EVENT_TYPES, r.type) ? acledCode(r.type as EventType) : undefined;
}
function alpha3(r: ExportRow): string {
  return countryInfo(r.location.country)?.alpha3 ?? r.location.country;
}

/** One data row under the two header rows. */
export function hxlRecord(row: ExportRow, options?: ExportOptions): Cell[] {
  const a = actorsOf(row, options ?? { mission: '', generatedAt: new Date(0) });
  return HXL_COLUMNS.map((c) => c.value(row, a));
}

export function formatHxlCsv(rows: readonly ExportRow[], options?: ExportOptions): string {
  return csvDocument([
    HXL_COLUMNS.map((c) => c.header),
    HXL_COLUMNS.map((c) => c.tag),
    ...rows.map((r) => hxlRecord(r, options)),
  ]);
}
