// The incident list as CSV with ACLED's columns, in ACLED's order (ACLED Codebook and its export
// tool's column list). The actor columns come from the incident's reports and attribution
// (actors.ts); an incident with neither leaves them empty. Fatalities unknown are 0, as in ACLED.
import { acledCode, EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { actorColumns, type ActorColumns } from './actors.js';
import { countryInfo } from './countries.js';
import { csvDocument, type Cell } from './csv.js';
import type { ExportOptions, ExportRow } from './row.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** ACLED disorder_type by event_type (Codebook, "Disorder type"). */
const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Political violence; Demonstrations',
  'Strategic developments': 'Strategic developments',
};

function isEventType(t: string): t is EventType {
  return Object.hasOwn(EVENT_TYPES, t);
}

/** The actor columns of one row (shared with the HXL export). */
export function actorsOf(row: ExportRow, options: ExportOptions): ActorColumns {
  return actorColumns({
    type: row.type,
    attribution: row.attribution,
    accused: row.accused ?? [],
    actors: row.actors ?? [],
    country: row.location.country,
    parties: options.parties ?? [],
  });
}

/** ACLED event ids are the country's ISO alpha-3 and a number; ours add the log index. */
export function eventId(row: ExportRow): string {
  return `${countryInfo(row.location.country)?.alpha3 ?? row.location.country}${row.index}`;
}

/** A sentence ends with its own punctuation, or gets a full stop. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

export function notesOf(row: ExportRow): string {
  const parts = [row.title.trim(), row.notes?.trim() ?? ''].filter((p) => p !== '').map(sentence);
  if (row.verdict) {
    const who =
      !row.attribution || row.attribution === 'undetermined'
        ? 'attribution undetermined'
        : `attributed to ${row.attribution}`;
    parts.push(`Finding: ${row.verdict.replace(/_/g, ' ')}, ${who}.`);
  }
  return parts.join(' ');
}

export function tagsOf(row: ExportRow): string {
  const tags = [`status: ${row.status}`, `truceline type: ${row.type}`];
  if (row.releasedIndex !== null) tags.push(`released at log index ${row.releasedIndex}`);
  if (row.parties.length) tags.push(`parties: ${row.parties.join(' ')}`);
  return tags.join('; ');
}

export function acledRecord(row: ExportRow, options: ExportOptions): Cell[] {
  const code = isEventType(row.type) ? acledCode(row.type) : undefined;
  const a = actorsOf(row, options);
  const country = countryInfo(row.location.country);
  const record: Record<(typeof ACLED_COLUMNS)[number], Cell> = {
    event_id_cnty: eventId(row),
    event_date: row.date,
    year: Number(row.date.slice(0, 4)),
    time_precision: row.timePrecision,
    disorder_type: code ? (DISORDER[code.event_type] ?? '') : '',
    event_type: code?.event_type ?? '',
    sub_event_type: code?.sub_event_type ?? '',
    actor1: a.actor1,
    assoc_actor_1: a.assoc_actor_1,
    inter1: a.inter1,
    actor2: a.actor2,
    assoc_actor_2: a.assoc_actor_2,
    inter2: a.inter2,
    interaction: a.interaction,
    civilian_targeting:
      code?.event_type === 'Violence against civilians' ? 'Civilian targeting' : '',
    iso: country?.numeric ?? '',
    region: country?.region ?? '',
    country: country?.name ?? row.location.country,
    admin1: row.location.admin1 ?? '',
    admin2: row.location.admin2 ?? '',
    admin3: '',
    location: row.location.name,
    latitude: row.location.lat,
    longitude: row.location.lon,
    geo_precision: row.location.geo_precision,
    source: row.sources?.length ? row.sources.join('; ') : `Truceline ${options.mission}`,
    source_scale: 'Other',
    notes: notesOf(row),
    fatalities: row.fatalities ?? 0,
    tags: tagsOf(row),
    timestamp: Math.floor(options.generatedAt.getTime() / 1000),
  };
  return ACLED_COLUMNS.map((c) => record[c]);
}

/** The whole CSV: the header row, then one record per incident (CRLF line ends). */
export function formatAcledCsv(rows: readonly ExportRow[], options: ExportOptions): string {
  return csvDocument([ACLED_COLUMNS, ...rows.map((r) => acledRecord(r, options))]);
}
