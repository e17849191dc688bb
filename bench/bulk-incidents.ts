// Bulk loader for the read-model benchmarks (bench/workflow.bench.ts, bench/read-load.bench.ts):
// synthetic incidents written straight into the read-model tables (wf_incidents and, on SQLite,
// its FTS5 index and R*Tree under the list key), because projecting a million signed entries one
// by one would measure signing, not reads. Deterministic: one seeded generator.
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { newId } from '../src/core/ids.js';
import type { Store } from '../src/store/store.js';
import { WorkflowStore, listKey } from '../src/store/workflow-store.js';
import type { WorkflowTables } from '../src/store/workflow-schema.js';

export const TYPES = [
  'armed_clash',
  'airstrike',
  'shelling',
  'ied',
  'infiltration',
  'border_closure',
  'attack_on_civilians',
  'abduction',
  'displacement',
  'talks',
];
/** Seven in ten released, as in a mission whose backlog is mostly worked through. */
export const STATUSES = [
  'released',
  'released',
  'released',
  'released',
  'released',
  'released',
  'released',
  'reported',
  'under_review',
  'investigating',
];
export const PLACES = [
  'Torkham',
  'Chaman',
  'Spin Boldak',
  'Kurram',
  'Bajaur',
  'Urgun',
  'Barmal',
  'Angoor Adda',
  'Khost',
  'Kunar',
  'Nangarhar',
  'Zhob',
  'Waziristan',
  'Paktika',
  'Kandahar',
  'Quetta',
];
export const WORDS = [
  'mortar',
  'drone',
  'checkpoint',
  'village',
  'convoy',
  'market',
  'school',
  'border',
  'post',
  'patrol',
  'fighters',
  'civilians',
  'trucks',
  'refugees',
  'clinic',
  'mosque',
  'bridge',
  'road',
  'night',
  'dawn',
];
/** Each in about one incident in 6,000 (0.1 % carry one of these six). */
export const RARE = ['pomegranate', 'caravanserai', 'helipad', 'orchard', 'madrasa', 'graveyard'];
/** Incidents fall on the 730 days from this date; points in lat 29–37, lon 61–75. */
export const FIRST_DAY = '2024-01-01';
export const DAYS = 730;

let state = 42;
/**
 * A deterministic generator (Marsaglia's xorshift32), so every run loads and asks the same. Kept in
 * 32-bit integer arithmetic: the LCG this replaced multiplied past 2^53 in doubles, lost bits and
 * fell into a short cycle (474 distinct dates and clumped points in a million incidents).
 */
export function rnd(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
}
export const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

export interface LoadOptions {
  mission?: string;
  /** The log index of the first incident (above the real log's entries when a server shares the store). */
  firstIdx?: number;
  /** Called after each chunk with the number loaded so far. */
  progress?: (loaded: number) => void;
}

type Keyed = { key: number; id: string; search: string; lat: number; lon: number };
type SqliteWrite = ((rows: WorkflowTables['wf_incidents'][], keyed: Keyed[]) => void) & {
  close(): void;
};

/**
 * SQLite: a second connection to the store's file with statements prepared once (through kysely
 * each chunk's 10,000-parameter statement was compiled and prepared anew: ~30 minutes for a
 * million rows on this machine). The table, its FTS5 index and its R*Tree in one transaction.
 */
async function sqliteWriter(store: Store, mission: string): Promise<SqliteWrite> {
  const { rows } = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(store.db);
  const db = new BetterSqlite3(rows[0]!.file);
  db.pragma('busy_timeout = 5000');
  const incident = db.prepare(`insert into wf_incidents (mission, id, idx, title, type, status,
    date, time_precision, location, lat, lon, fatalities, finding, verdict, attribution,
    released_idx, search, orgs) values (@mission, @id, @idx, @title, @type, @status, @date,
    @time_precision, @location, @lat, @lon, @fatalities, @finding, @verdict, @attribution,
    @released_idx, @search, @orgs)`);
  const words = db.prepare(
    'insert into wf_incidents_fts (rowid, mission, id, search) values (?, ?, ?, ?)',
  );
  const point = db.prepare(`insert into wf_incidents_geo (id, min_lat, max_lat, min_lon, max_lon,
    mission) values (?, ?, ?, ?, ?, ?)`);
  const write = db.transaction((rows: WorkflowTables['wf_incidents'][], keyed: Keyed[]) => {
    for (const r of rows) incident.run(r);
    for (const k of keyed) {
      words.run(k.key, mission, k.id, k.search);
      point.run(k.key, k.lat, k.lat, k.lon, k.lon, mission);
    }
  });
  return Object.assign(
    (rows: WorkflowTables['wf_incidents'][], keyed: Keyed[]) => write(rows, keyed),
    {
      close: () => db.close(),
    },
  );
}

/** Writes n incidents into the read model of `mission` the way the projection stores them. */
export async function loadIncidents(store: Store, n: number, options: LoadOptions = {}) {
  const mission = options.mission ?? 'pak-afg';
  const firstIdx = options.firstIdx ?? 0;
  const wf = new WorkflowStore(store);
  const no = await wf.missionNo(mission);
  const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const span = DAYS * 86_400_000;
  const CH = store.dialect === 'postgres' ? 400 : 5000;
  const sqliteWrite = store.dialect === 'sqlite' ? await sqliteWriter(store, mission) : undefined;
  for (let i = 0; i < n; i += CH) {
    const rows: WorkflowTables['wf_incidents'][] = [];
    const keyed: Keyed[] = [];
    for (let j = i; j < Math.min(n, i + CH); j++) {
      const id = newId();
      const idx = firstIdx + j;
      const date = new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10);
      const type = pick(TYPES);
      const place = pick(PLACES);
      const lat = 29 + rnd() * 8;
      const lon = 61 + rnd() * 14;
      const words = Array.from({ length: 12 }, () => pick(WORDS));
      if (rnd() < 0.001) words.push(pick(RARE));
      const title = `${type.replace(/_/g, ' ')} near ${place}`;
      const search = `${title}\n${words.join(' ')}`;
      const accused = rnd() < 0.5 ? 'PK' : 'AF';
      rows.push({
        mission,
        id,
        idx,
        title,
        type,
        status: pick(STATUSES),
        date,
        time_precision: 1,
        location: JSON.stringify({
          name: place,
          country: lon < 69 ? 'AF' : 'PK',
          lat,
          lon,
          geo_precision: 2,
        }),
        lat,
        lon,
        fatalities: Math.floor(rnd() * 8),
        finding: null,
        verdict: null,
        attribution: null,
        released_idx: null,
        search,
        orgs: accused === 'PK' ? ' AF PK ' : rnd() < 0.5 ? ' AF PK ' : ' AF ',
      });
      // SQLite list key (FTS rowid, R*Tree id), as the read model writes it.
      keyed.push({ key: listKey(no, date, idx), id, search, lat, lon });
    }
    if (sqliteWrite) sqliteWrite(rows, keyed);
    else await wf.db.insertInto('wf_incidents').values(rows).execute();
    options.progress?.(Math.min(n, i + CH));
  }
  sqliteWrite?.close();
  // Statistics for the planner; on PostgreSQL also the visibility map (index-only scans) and hint
  // bits, as autovacuum leaves a table in service (not the first minutes after a bulk load).
  if (store.dialect === 'postgres') await sql`vacuum analyze wf_incidents`.execute(store.db);
  else await sql`analyze`.execute(store.db);
}
