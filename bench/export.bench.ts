// Export of 1,000,000 incidents (issue 14): the ACLED CSV export streamed page by page
// (src/server/export/formats.ts over keyset pages of the incident list, as the route runs it) into
// a file, on SQLite. Figures: time and peak heap growth. Limits measured in the same run: the same
// walk over the pages without formatting or writing (the store's share), and the heap growth of the
// old way, every row in one array and one document string, on a tenth of the rows (at a million
// rows the old way would need gigabytes).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openSqliteStore } from '../src/store/sqlite.js';
import { WorkflowStore, type IncidentRow, type Viewer } from '../src/store/workflow-store.js';
import { WorkflowKit, loadPakAfg } from '../src/store/workflow.test-support.js';
import { acledCsv, exportChunks } from '../src/server/export/formats.js';
import { formatAcledCsv } from '../src/server/export/acled.js';
import { loadIncidents } from './bulk-incidents.js';

const N = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const PAGE = 1000;
const M = 'pak-afg';
const ANALYST: Viewer = { role: 'analyst', org: 'AD', user: 'analyst' };
const options = { mission: M, generatedAt: new Date(), parties: [] };

async function* pages(wf: WorkflowStore, max = Infinity): AsyncGenerator<IncidentRow[]> {
  let cursor: string | undefined;
  let n = 0;
  for (;;) {
    const p = await wf.listIncidents(M, { limit: PAGE, ...(cursor ? { cursor } : {}) }, ANALYST);
    const items = n + p.items.length > max ? p.items.slice(0, max - n) : p.items;
    n += items.length;
    yield items;
    if (!p.next || n >= max) return;
    cursor = p.next;
  }
}

/** Runs fn while sampling the heap every 20 ms; returns ms and the peak growth in MiB. */
async function measured(fn: () => Promise<void>): Promise<{ ms: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, peakMiB: (peak - base) / 2 ** 20 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-export-bench-'));
  const store = await openSqliteStore(join(dir, 'bench.db'));
  try {
    await WorkflowKit.create(store, loadPakAfg());
    const t0 = performance.now();
    await loadIncidents(store, N, { mission: M });
    console.log(
      `export: loaded ${N.toLocaleString('en')} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s (SQLite)`,
    );
    const wf = new WorkflowStore(store);
    let walked = 0;
    const walk = await measured(async () => {
      for await (const p of pages(wf)) walked += p.length;
    });
    const file = join(dir, 'export.csv');
    const streamed = await measured(async () => {
      const out = createWriteStream(file);
      for await (const chunk of exportChunks(acledCsv, pages(wf), options))
        if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    });
    const tenth = Math.ceil(N / 10);
    const whole = await measured(async () => {
      const rows: IncidentRow[] = [];
      for await (const p of pages(wf, tenth)) rows.push(...p);
      const text = formatAcledCsv(rows, options);
      if (text.length === 0) throw new Error('empty');
    });
    const mib = statSync(file).size / 2 ** 20;
    console.log(
      `  ACLED CSV of ${walked.toLocaleString('en')} rows streamed to a file: ${(streamed.ms / 1000).toFixed(1)} s (${((walked / streamed.ms) * 1000).toFixed(0)} rows/s, ${mib.toFixed(0)} MiB), peak heap growth ${streamed.peakMiB.toFixed(0)} MiB`,
    );
    console.log(
      `  limit, the page walk alone: ${(walk.ms / 1000).toFixed(1)} s; ratio ${(streamed.ms / walk.ms).toFixed(2)} (formatting and writing on top of reading)`,
    );
    console.log(
      `  limit, the old way (one array, one string) for ${tenth.toLocaleString('en')} rows: peak heap growth ${whole.peakMiB.toFixed(0)} MiB; ratio ${(streamed.peakMiB / whole.peakMiB).toFixed(3)} (goal < 1: streaming ten times the rows in less memory)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
