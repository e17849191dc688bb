// HTTP read load (issue 4 "Performance", issue 12 item 5): read throughput on loopback with
// autocannon in another process, reported as req/s and p99, and the ratio of each incident-list
// mix's rate to a bare `GET /api/v1/health` rate measured in the same run against the same server.
//   node --import tsx bench/read-load.bench.ts      (or: npm run bench read-load)
// Issue 12's targets, printed at the end of each store's run: a conditional GET of the public
// incident list that the server answers 304 (If-None-Match holding its ETag, src/server/http-cache)
// at ≥ 0.5× the health rate, and the 200 list of 100 incidents at p99 ≤ 20 ms with 16 connections.
// The demo data directory is provisioned (mission, users, story), then BENCH_READ_INCIDENTS
// (default 200,000) synthetic incidents are bulk-loaded into its read model (bench/bulk-incidents.ts)
// and the server runs in its own process on 127.0.0.1; each mix is a fresh autocannon process.
// BENCH_READ_SECONDS per mix (5), BENCH_READ_CONNECTIONS (16), BENCH_READ_STORES (sqlite,postgres),
// BENCH_READ_ROUNDS of the target mixes (3; the targets are their medians).
// Requests are anonymous: the public list (released incidents only), as the portal asks it.
// BENCH_READ_CPU_PROF=<dir>: the server writes a V8 CPU profile there (node --cpu-prof) as it stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../src/server/config.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/open.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import {
  DAYS,
  FIRST_DAY,
  PLACES,
  TYPES,
  WORDS,
  loadIncidents,
  pick,
  rnd,
} from './bulk-incidents.js';

const N = Number(process.env.BENCH_READ_INCIDENTS ?? 200_000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 16);
const STORES = (process.env.BENCH_READ_STORES ?? 'sqlite,postgres').split(',');
/** Rounds of the target mixes (the figures are their medians). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_READ_ROUNDS ?? 3));
const M = 'pak-afg';
/** Bulk rows take log indices from here, above the demo log's own entries. */
const FIRST_IDX = 10_000_000;
/** Distinct requests per mix; each connection cycles through them. */
const VARIANTS = 64;

interface Load {
  perSec: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

interface Mix {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
  /** The status every answer must have (200 unless told). */
  expect?: number;
}

const day = (offset: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const LIST = `/api/v1/missions/${M}/incidents`;
const NEWEST = `${LIST}?limit=100`;
const HEALTH = 'health';
const LIST_200 = 'list newest 100';
const LIST_BUILT = 'list newest 100, built';
const LIST_304 = 'list newest 100, 304';
/**
 * Asks the server to build each answer (RFC 9111 §5.2.1.4), not to serve the public's view it
 * kept by ETag (src/server/http-cache/representations.ts): the query mixes measure queries.
 */
const BUILD = { 'cache-control': 'no-cache' };

/** The request mixes: each a list of paths (distinct filter values, so no answer is repeated back to back). */
function mixes(etag: string): Mix[] {
  const many = (f: () => string) => Array.from({ length: VARIANTS }, f);
  return [
    { name: HEALTH, paths: ['/api/v1/health'] },
    { name: LIST_200, paths: [NEWEST] },
    { name: LIST_BUILT, paths: [NEWEST], headers: BUILD },
    { name: LIST_304, paths: [NEWEST], headers: { 'if-none-match': etag }, expect: 304 },
    {
      name: 'list type + 30 days',
      paths: many(() => {
        const d = Math.floor(rnd() * (DAYS - 30));
        return `${LIST}?limit=100&type=${pick(TYPES)}&from=${day(d)}&to=${day(d + 30)}`;
      }),
      headers: BUILD,
    },
    {
      name: 'list bbox 1°×1°',
      paths: many(() => {
        const w = (61 + rnd() * 13).toFixed(3);
        const s = (29 + rnd() * 7).toFixed(3);
        return `${LIST}?limit=100&bbox=${w},${s},${(Number(w) + 1).toFixed(3)},${(Number(s) + 1).toFixed(3)}`;
      }),
      headers: BUILD,
    },
    {
      name: 'list full text, place + word',
      paths: many(
        () =>
          `${LIST}?limit=100&q=${encodeURIComponent(`${pick(PLACES).split(' ')[0]} ${pick(WORDS)}`)}`,
      ),
      headers: BUILD,
    },
  ];
}

/** The public list's ETag, checked to earn a bodiless 304 (else the 304 mix would measure 200s). */
async function listTag(url: string): Promise<string> {
  const r = await fetch(`${url}${NEWEST}`);
  await r.arrayBuffer();
  const etag = r.headers.get('etag');
  if (r.status !== 200 || !etag)
    throw new Error(`read-load: the list answered ${r.status} with no ETag`);
  const c = await fetch(`${url}${NEWEST}`, { headers: { 'if-none-match': etag } });
  const body = await c.text();
  if (c.status !== 304 || body !== '')
    throw new Error(
      `read-load: If-None-Match ${etag} answered ${c.status} (${body.length} bytes), not a bodiless 304`,
    );
  return etag;
}

function startChild(dataDir: string, db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_READ_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_READ_CPU_PROF}`]
        : []),
      '--import',
      'tsx',
      new URL('./read-load-server.ts', import.meta.url).pathname,
      dataDir,
      db,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = /listening (\S+)/.exec(text);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`read-load server exited ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function load(base: string, mix: Pick<Mix, 'paths' | 'headers'>, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('./read-load-client.ts', import.meta.url).pathname,
        JSON.stringify({
          base,
          paths: mix.paths,
          headers: mix.headers,
          seconds,
          connections: CONNECTIONS,
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(text.trim().split('\n').pop()!) as Load)
        : reject(new Error(`read-load client exited ${code}`)),
    );
  });
}

async function one(label: string, db: string, dir: string): Promise<void> {
  const dataDir = join(dir, 'data');
  // First start: the demo mission, its users and story (in this process, then closed).
  const t = performance.now();
  const first = await startServer(
    resolveConfig({ port: 0, host: '127.0.0.1', dataDir, db, demo: true }, {}),
  );
  await first.close();
  const store = await openStore(db, dataDir);
  try {
    await loadIncidents(store, N, { mission: M, firstIdx: FIRST_IDX });
  } finally {
    await store.close();
  }
  console.log(
    `  ${label}: demo provisioned and ${N.toLocaleString('en')} incidents loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const { child, url } = await startChild(dataDir, db);
  try {
    const all = mixes(await listTag(url));
    // Each 200 mix answers with a full page (a load test of error pages would measure nothing).
    for (const { name, paths, expect } of all.slice(1)) {
      if (expect !== undefined) continue;
      const res = await fetch(`${url}${paths[0]}`);
      const body = (await res.json()) as { items?: unknown[] };
      if (res.status !== 200 || !body.items?.length)
        throw new Error(`read-load: ${name} answered ${res.status} with no items`);
    }
    // Warm-up (JIT, page cache), not reported.
    for (const mix of all) await load(url, mix, 1);
    const results = new Map<string, Load>();
    for (const mix of all) results.set(mix.name, await load(url, mix, SECONDS));
    const health = results.get(HEALTH)!.perSec;
    for (const { name, expect = 200 } of all) {
      const r = results.get(name)!;
      // Answers other than the expected status (a 304 mix's 200s, any mix's errors) are flaws.
      const flaw = r.total - (r.statusCodes[expect] ?? 0) + r.errors + r.timeouts;
      console.log(
        `  ${label}: ${name.padEnd(30)} ${r.perSec.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(5)} ms  ratio to health ${(r.perSec / health).toFixed(2)}${flaw ? `  (${flaw} not ${expect}: ${JSON.stringify(r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts)` : ''}`,
      );
    }
    // The targets: health, the 304 and the two 200 lists again, interleaved, ROUNDS times in all,
    // so a burst of load on the machine weighs on one round, not on the figure (the median).
    const targets = all.filter((m) => [HEALTH, LIST_304, LIST_200, LIST_BUILT].includes(m.name));
    const rounds: Map<string, Load>[] = [results];
    for (let i = 1; i < ROUNDS; i++) {
      const round = new Map<string, Load>();
      for (const mix of targets) round.set(mix.name, await load(url, mix, SECONDS));
      rounds.push(round);
    }
    const median = (xs: number[]) => {
      const o = [...xs].sort((a, b) => a - b);
      const m = Math.floor(o.length / 2);
      return o.length % 2 ? o[m]! : (o[m - 1]! + o[m]!) / 2;
    };
    const each = (xs: number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(', ');
    const ratios = rounds.map((r) => r.get(LIST_304)!.perSec / r.get(HEALTH)!.perSec);
    const ratio = median(ratios);
    console.log(
      `  ${label}: target conditional GET of the public list (304) / health: ${ratio.toFixed(2)} (goal ≥ 0.5) ${ratio >= 0.5 ? 'met' : 'NOT met'}  [median of ${ROUNDS} rounds: ${each(ratios, 2)}]`,
    );
    for (const [name, how] of [
      [LIST_200, 'the public view kept by ETag'],
      [LIST_BUILT, 'built for every request'],
    ] as const) {
      const p99s = rounds.map((r) => r.get(name)!.p99);
      const p99 = median(p99s);
      console.log(
        `  ${label}: target 200 list of 100 incidents (${how}), ${CONNECTIONS} connections: p99 ${p99.toFixed(1)} ms (goal ≤ 20 ms${CONNECTIONS === 16 ? '' : ', at 16 connections'}) ${p99 <= 20 ? 'met' : 'NOT met'}  [median of ${ROUNDS} rounds: ${each(p99s, 1)} ms]`,
      );
    }
  } finally {
    await stopChild(child);
  }
}

export async function run(): Promise<void> {
  console.log(
    `HTTP read load: ${N.toLocaleString('en')} incidents, autocannon in its own process, ${CONNECTIONS} connections, ${SECONDS} s per mix, anonymous (public) reads, server on 127.0.0.1 in its own process`,
  );
  if (STORES.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'truceline-read-load-'));
    try {
      await one('sqlite', 'sqlite', dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (STORES.includes('postgres')) {
    const fresh = await withFreshDatabase().catch((e: Error) => e.message);
    if (typeof fresh === 'string') console.log(`  postgres: skipped (${fresh})`);
    else {
      const dir = mkdtempSync(join(tmpdir(), 'truceline-read-load-'));
      try {
        await one('postgres', fresh.url, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await fresh.drop();
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
