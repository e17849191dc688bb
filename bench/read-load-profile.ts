// Where the CPU of one built 200 of the public incident list goes (bench/read-load.bench.ts
// measures the whole under load; on a shared machine CPU time is what can be trusted): the
// read-model query, the rows made for the viewer, and the JSON text, each timed with
// process.cpuUsage() over many requests in this one-threaded process, on a store of
// BENCH_READ_INCIDENTS (default 20,000) bulk-loaded incidents (bench/bulk-incidents.ts).
//   node --import tsx bench/read-load-profile.ts [sqlite|postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.js';
import { openStore } from '../src/store/open.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import type { Store } from '../src/store/store.js';
import { PUBLIC_VIEWER, WorkflowStore } from '../src/store/workflow-store.js';
import { loadIncidents } from './bulk-incidents.js';

const N = Number(process.env.BENCH_READ_INCIDENTS ?? 20_000);
const REQUESTS = 300;
const M = 'pak-afg';

async function measure(label: string, store: Store): Promise<void> {
  await store.putSetting(M, 'wf.no', '0').catch(() => {});
  await loadIncidents(store, N, { mission: M, firstIdx: 10_000_000 });
  const wf = new WorkflowStore(store);
  const query = { limit: 100 };
  const first = await wf.listIncidents(M, query, PUBLIC_VIEWER);
  if (first.items.length !== 100) throw new Error(`the list gave ${first.items.length} items`);
  const cpu = async (work: () => Promise<unknown> | unknown) => {
    for (let i = 0; i < 30; i++) await work(); // warm-up
    const c0 = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) await work();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / REQUESTS / 1000;
  };
  const list = await cpu(() => wf.listIncidents(M, query, PUBLIC_VIEWER));
  const text = await cpu(() => JSON.stringify(first));
  console.log(
    `  ${label}: newest 100 public incidents of ${N}: listIncidents ${list.toFixed(2)} ms CPU, JSON text ${text.toFixed(2)} ms (${JSON.stringify(first).length} bytes); load ${loadavg()[0]!.toFixed(1)}`,
  );
}

const which = process.argv[2] ?? 'sqlite';
if (which === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-read-profile-'));
  const store = await openSqliteStore(join(dir, 'db.sqlite'));
  try {
    await measure('sqlite', store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const fresh = await withFreshDatabase();
  if (typeof fresh === 'string') throw new Error(`no PostgreSQL here: ${fresh}`);
  const store = await openStore(fresh.url, mkdtempSync(join(tmpdir(), 'truceline-read-profile-')));
  try {
    await measure('postgres', store);
  } finally {
    await store.close();
    await fresh.drop();
  }
}
