// Workflow read-model benchmark (issue 4 "Performance"): incident list queries with filters and
// full-text search on a large store, on SQLite and PostgreSQL, through WorkflowStore.listIncidents
// (the query the HTTP list and the exports run). Rows are bulk-loaded into the read-model tables
// by bench/bulk-incidents.ts (projecting a million signed entries would measure signing); the
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
import { exampleBody } from '../src/core/examples.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import type { Store } from '../src/store/store.js';
import { WorkflowStore, type IncidentQuery, type Viewer } from '../src/store/workflow-store.js';
import { WorkflowKit, loadPakAfg } from '../src/store/workflow.test-support.js';
import { PLACES, RARE, TYPES, WORDS, loadIncidents, pick, rnd } from './bulk-incidents.js';

const N = Number(process.env.BENCH_WF_INCIDENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_WF_RUNS ?? 200);
const STORES = (process.env.BENCH_WF_STORES ?? 'sqlite,postgres').split(',');
const M = 'pak-afg';
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

export async function queries(store: Store, label: string): Promise<void> {
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
    await loadIncidents(opened.store, N, { mission: M });
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
