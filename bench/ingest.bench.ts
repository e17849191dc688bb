// Ingest benchmark (issue 5): accuracy on the labelled development set, throughput on ~2,000-character
// articles against a read-and-tokenise baseline, and the load time and heap of the world gazetteer
// (each measured in a fresh process: from the raw GeoNames packages, and from the compact index).
// Run alone: node --import tsx bench/ingest.bench.ts
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { codeArticle, loadGazetteer, parsePlainText, type Article } from '../src/ingest/index.js';
import {
  emptyScores,
  FIELDS,
  HOLDOUT_B_DIR,
  HOLDOUT_DIR,
  loadDevSet,
  overall,
  prf,
  scoreArticle,
  type DevArticle,
  type Scores,
} from './ingest-score.js';

const TARGET_CHARS = 2_000;
const THROUGHPUT_ARTICLES = 400;

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

interface LoadFigures {
  wallMs: number;
  cpuMs: number;
  heapMb: number;
  from?: string;
}

/**
 * Loads the gazetteer in a fresh Node process (so the heap is its alone): `raw` builds the index
 * from the GeoNames packages as a first run does, `index` loads the compact index as every later
 * run does (beside dist/ after `npm run build`, else node_modules/.cache).
 */
function measureLoad(what: 'raw' | 'index'): LoadFigures {
  const gaz = new URL('../src/ingest/geo/gazetteer.ts', import.meta.url).href;
  const idx = new URL('../src/ingest/geo/world-index.ts', import.meta.url).href;
  const code = `
    const { performance } = await import('node:perf_hooks');
    const load = ${what === 'raw' ? `async () => { const m = await import(${JSON.stringify(idx)}); return { x: m.buildWorldIndex(), from: 'packages' }; }` : `async () => { const m = await import(${JSON.stringify(gaz)}); const g = m.loadGazetteer(); return { x: g, from: g.loadedFrom }; }`};
    // Import the modules first so only the load is timed.
    await import(${JSON.stringify(what === 'raw' ? idx : gaz)});
    globalThis.gc(); const h0 = process.memoryUsage().heapUsed; const c0 = process.cpuUsage(); const t0 = performance.now();
    const r = await load();
    const wallMs = performance.now() - t0; const c = process.cpuUsage(c0);
    globalThis.gc(); const heapMb = (process.memoryUsage().heapUsed - h0) / 1e6;
    console.log(JSON.stringify({ wallMs, cpuMs: (c.user + c.system) / 1000, heapMb, from: r.from, keep: typeof r.x }));`;
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', code],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as LoadFigures;
}

export async function run(): Promise<void> {
  // The first load builds the compact index if nothing has yet (then it is cached): measure after.
  const index = measureLoad('index');
  const raw = measureLoad('raw');
  const gazetteer = loadGazetteer();

  const dev = loadDevSet();
  const holdA = loadDevSet(HOLDOUT_DIR);
  const holdB = loadDevSet(HOLDOUT_B_DIR);
  const score = (set: DevArticle[]): Scores => {
    const s = emptyScores();
    for (const d of set) scoreArticle(d.gold, codeArticle(d.article, { gazetteer }), s);
    return s;
  };
  const sets = [score(dev), score(holdA), score(holdB), score([...holdA, ...holdB])];
  const labelled = (set: DevArticle[]): number => set.reduce((n, d) => n + d.gold.length, 0);
  console.log(
    `ingest accuracy, F1 (precision/recall): dev ${dev.length} articles, ${labelled(dev)} events (tuned on); held-out A ${holdA.length}/${labelled(holdA)} and B ${holdB.length}/${labelled(holdB)} (never tuned on)`,
  );
  console.log(
    `  ${'field'.padEnd(18)}  ${'dev'.padEnd(19)}  ${'held-out A'.padEnd(19)}  ${'held-out B'.padEnd(19)}  held-out A+B`,
  );
  const cell = (c: { p: number; r: number; f1: number }): string =>
    `${pct(c.f1)}% (${pct(c.p).trim()}/${pct(c.r).trim()})`.padEnd(19);
  for (const f of FIELDS)
    console.log(`  ${f.padEnd(18)}  ${sets.map((s) => cell(prf(s[f]))).join('  ')}`);
  console.log(`  ${'overall'.padEnd(18)}  ${sets.map((s) => cell(prf(overall(s)))).join('  ')}`);
  console.log('  (goal: type+country+date F1 >= 85%)');
  // Held-out C (testdata/ingest/README.md): labelled blind, by someone who never read or ran the coder.
  const setC = loadDevSet(new URL('../testdata/ingest/holdout-c/', import.meta.url));
  const holdC = score(setC);
  const cellsC = FIELDS.map((f) => `${f} ${cell(prf(holdC[f])).trim()}`);
  cellsC.push(`overall ${cell(prf(overall(holdC))).trim()}`);
  console.log(`  held-out C (blind, ${setC.length}/${labelled(setC)}): ${cellsC.join(', ')}`);

  // Throughput corpus: dev bodies concatenated into ~2,000-character articles, as plain text.
  const bodies = dev.map((d) => d.article.body);
  const texts: string[] = [];
  for (let i = 0; texts.length < THROUGHPUT_ARTICLES; i++) {
    let body = '';
    for (let j = i; body.length < TARGET_CHARS; j++)
      body += (body ? '\n\n' : '') + (bodies[j % bodies.length] ?? '');
    const published = dev[i % dev.length]?.article.published ?? '2025-10-15';
    texts.push(
      `Published: ${published}\n\nBenchmark article number ${i}\n\n${body.slice(0, TARGET_CHARS + 400)}`,
    );
  }
  const avgChars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  // Baseline: read each article and tokenise it into sentences and words, nothing else.
  let tokens = 0;
  const b0 = performance.now();
  for (const t of texts) {
    for (const s of t.split(/(?<=[.!?])\s+|\n+/))
      tokens += s.match(/[\p{L}\p{M}]+|\d+/gu)?.length ?? 0;
  }
  const baselineMs = performance.now() - b0;
  // Warm up (JIT, regex compilation) with one untimed pass over the set, then time the full coder
  // in steady state, as a long-running ingest or feed poller runs.
  for (const t of texts) codeArticle(parsePlainText(t), { gazetteer });
  let events = 0;
  const cpu0 = process.cpuUsage();
  const c0 = performance.now();
  const parsed: Article[] = [];
  for (const t of texts) {
    const a = parsePlainText(t);
    parsed.push(a);
    events += codeArticle(a, { gazetteer }).length;
  }
  const coderMs = performance.now() - c0;
  const cpu = process.cpuUsage(cpu0);
  // On a shared machine the wall clock counts other processes' time too; CPU time does not.
  const perCpuSec = THROUGHPUT_ARTICLES / ((cpu.user + cpu.system) / 1e6);
  const perSec = (THROUGHPUT_ARTICLES / coderMs) * 1000;
  const basePerSec = (THROUGHPUT_ARTICLES / baselineMs) * 1000;
  console.log(
    `ingest throughput: ${perSec.toFixed(0)} articles/s (${avgChars.toFixed(0)} chars avg, one core, ${events} events; goal >= 200/s); ${perCpuSec.toFixed(0)} per CPU-second`,
  );
  console.log(
    `  baseline read+tokenise: ${basePerSec.toFixed(0)} articles/s (${tokens} tokens); coder/baseline time ratio ${(coderMs / baselineMs).toFixed(1)}x`,
  );
  const fig = (f: LoadFigures): string =>
    `${f.wallMs.toFixed(0)} ms (${f.cpuMs.toFixed(0)} ms CPU), ${f.heapMb.toFixed(0)} MB heap`;
  console.log(
    `ingest gazetteer (world): ${gazetteer.size} places, ${gazetteer.keyCount} names; loaded from the compact index (${index.from ?? '?'}) in ${fig(index)}; building the index from the raw GeoNames packages (first run only): ${fig(raw)}; each in a fresh process`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
