// Workflow read-model benchmark (issue 4 "Performance"): incident list queries with filters and
// full-text search on a large store, on SQLite and PostgreSQL, through WorkflowStore.listIncidents
// (the query the HTTP list and the exports run). Rows are bulk-loaded into the read-model tables
// (projecting a million signed entries one by one would measure signing, not queries); the
// projection itself is timed on a smaller log. Targets: p95 ≤ 50 ms for filtered lists, ≤ 100 ms
// for full text. Printed as figures and as ratios to the target and to a bare `select 1`.
//   node --import tsx bench/workflow.bench.ts
// BENCH_WF_INCIDENTS=1000000 for the full size (default 200,000), BENCH_WF_RUNS per query (200),
// BENCH_WF_STORES=sqlite,postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { newId } from '../src/core/ids.js';
import { exampleBody } from '../src/core/examples.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import type { Store } from '../src/store/store.js';
import {
  WorkflowStore,
  listKey,
  type IncidentQuery,
  type Viewer,
} from '../src/store/workflow-store.js';
import type { WorkflowTables } from '../src/store/workflow-schema.js';
import { WorkflowKit, loadPakAfg } from '../src/store/workflow.test-support.js';

const N = Number(process.env.BENCH_WF_INCIDENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_WF_RUNS ?? 200);
const STORES = (process.env.BENCH_WF_STORES ?? 'sqlite,postgres').split(',');
const M = 'pak-afg';
const TYPES = [
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
const STATUSES = [
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
const PLACES = [
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
const WORDS = [
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
const RARE = ['pomegranate', 'caravanserai', 'helipad', 'orchard', 'madrasa', 'graveyard'];

let seed = 42;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

async function load(store: Store, n: number): Promise<void> {
  const wf = new WorkflowStore(store);
  const no = await wf.missionNo(M);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  const CH = store.dialect === 'postgres' ? 400 : 500;
  for (let i = 0; i < n; i += CH) {
    const rows: WorkflowTables['wf_incidents'][] = [];
    const fts: {
      rowid: number;
      mission: string;
      id: string;
      search: string;
      lat: number;
      lon: number;
    }[] = [];
    for (let j = i; j < Math.min(n, i + CH); j++) {
      const id = newId();
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
        mission: M,
        id,
        idx: j,
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
      fts.push({ rowid: listKey(no, date, j), mission: M, id, search, lat, lon });
    }
    await wf.db.transaction().execute(async (tx) => {
      await tx.insertInto('wf_incidents').values(rows).execute();
      if (store.dialect === 'sqlite') {
        await tx
          .insertInto('wf_incidents_fts')
          .values(
            fts.map(({ rowid, mission, id, search }) => ({ rowid, mission, id, search })) as never,
          )
          .execute();
        for (const f of fts)
          await sql`insert into wf_incidents_geo (id, min_lat, max_lat, min_lon, max_lon, mission)
            values (${f.rowid}, ${f.lat}, ${f.lat}, ${f.lon}, ${f.lon}, ${f.mission})`.execute(tx);
      }
    });
  }
  await sql`analyze`.execute(store.db);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function time(
  fn: () => Promise<unknown>,
  runs: number,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95) };
}

const ANALYST: Viewer = { role: 'analyst', org: 'AD', user: 'analyst' };
const PUBLIC: Viewer = { role: 'public' };
const PARTY: Viewer = { role: 'party', org: 'PK', user: 'pk-liaison' };

async function queries(store: Store, label: string): Promise<void> {
  const wf = new WorkflowStore(store);
  const base = await time(() => sql`select 1`.execute(store.db), RUNS);
  console.log(
    `  ${label}: bare "select 1" p50 ${base.p50.toFixed(2)} ms, p95 ${base.p95.toFixed(2)} ms`,
  );
  const randDate = () =>
    new Date(Date.parse('2024-01-01') + Math.floor(rnd() * 700) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const plus = (d: string, days: number) =>
    new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);
  const first = await wf.listIncidents(M, { limit: 100 }, ANALYST);
  const cases: [string, number, () => [IncidentQuery, Viewer]][] = [
    ['newest 100, analyst', 50, () => [{ limit: 100 }, ANALYST]],
    ['newest 100, public (released only)', 50, () => [{ limit: 100 }, PUBLIC]],
    ['newest 100, party PK (released or involving PK)', 50, () => [{ limit: 100 }, PARTY]],
    ['second page by cursor', 50, () => [{ limit: 100, cursor: first.next! }, ANALYST]],
    [
      'type + 30-day range',
      50,
      () => {
        const d = randDate();
        return [{ limit: 100, type: [pick(TYPES)], from: d, to: plus(d, 30) }, ANALYST];
      },
    ],
    [
      'status + party',
      50,
      () => [{ limit: 100, status: ['investigating'], party: pick(['PK', 'AF']) }, ANALYST],
    ],
    [
      'bbox 1°×1°',
      50,
      () => {
        const w = 61 + rnd() * 13;
        const s = 29 + rnd() * 7;
        return [{ limit: 100, bbox: [w, s, w + 1, s + 1] }, ANALYST];
      },
    ],
    [
      'bbox 1°×1° + type + year, public',
      50,
      () => {
        const w = 61 + rnd() * 13;
        const s = 29 + rnd() * 7;
        return [
          {
            limit: 100,
            bbox: [w, s, w + 1, s + 1],
            type: [pick(TYPES)],
            from: '2025-01-01',
            to: '2025-12-31',
          },
          PUBLIC,
        ];
      },
    ],
    ['full text, common word', 100, () => [{ limit: 100, q: pick(WORDS) }, ANALYST]],
    [
      'full text, place + word',
      100,
      () => [{ limit: 100, q: `${pick(PLACES).split(' ')[0]} ${pick(WORDS)}` }, ANALYST],
    ],
    ['full text, rare word, public', 100, () => [{ limit: 100, q: pick(RARE) }, PUBLIC]],
  ];
  for (const [name, target, make] of cases) {
    const r = await time(() => {
      const [q, v] = make();
      return wf.listIncidents(M, q, v);
    }, RUNS);
    console.log(
      `  ${label}: ${name.padEnd(48)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  p95/target ${(r.p95 / target).toFixed(2)}  p95/select1 ${(r.p95 / base.p95).toFixed(0)}x ${r.p95 <= target ? 'ok' : 'OVER'}`,
    );
  }
}

async function projection(store: Store, label: string): Promise<void> {
  // The projection path: sign, check and project a small log; entries per second.
  const kit = await WorkflowKit.create(store, loadPakAfg());
  const n = 300;
  const items = [];
  for (let i = 0; i < n; i++)
    items.push(await kit.sign('af-liaison', 'report', exampleBody('report')));
  const t = performance.now();
  await kit.integrate(items);
  const ms = performance.now() - t;
  console.log(
    `  ${label}: projection of ${n} reports (check + apply): ${((n / ms) * 1000).toFixed(0)} entries/s`,
  );
}

async function one(
  label: string,
  open: () => Promise<{ store: Store; close(): Promise<void> } | string>,
): Promise<void> {
  const opened = await open();
  if (typeof opened === 'string') {
    console.log(`  ${label}: skipped (${opened})`);
    return;
  }
  try {
    await projection(opened.store, label);
    const t = performance.now();
    await load(opened.store, N);
    console.log(
      `  ${label}: loaded ${N.toLocaleString('en')} incidents in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await queries(opened.store, label);
  } finally {
    await opened.close();
  }
}

export async function run(): Promise<void> {
  console.log(`workflow read model: ${N.toLocaleString('en')} incidents, ${RUNS} runs per query`);
  if (STORES.includes('sqlite'))
    await one('sqlite', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'truceline-wf-bench-'));
      const store = await openSqliteStore(join(dir, 'bench.db'));
      return {
        store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
  if (STORES.includes('postgres'))
    await one('postgres', async () => {
      const fresh = await withFreshDatabase().catch((e: Error) => e.message);
      if (typeof fresh === 'string') return fresh;
      const store = await openPostgresStore(fresh.url);
      return {
        store,
        close: async () => {
          await store.close();
          await fresh.drop();
        },
      };
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
