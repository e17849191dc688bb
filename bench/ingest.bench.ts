// Ingest benchmark (issue 5): accuracy on the labelled development set, throughput on ~2,000-character
// articles against a read-and-tokenise baseline, and the memory of the loaded gazetteer.
// Run alone: node --import tsx bench/ingest.bench.ts
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { codeArticle, loadGazetteer, parsePlainText, type Article } from '../src/ingest/index.js';
import {
  emptyScores,
  FIELDS,
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

function gc(): void {
  setFlagsFromString('--expose-gc');
  const f = runInNewContext('gc') as (() => void) | undefined;
  f?.();
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

export async function run(): Promise<void> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const gazetteer = loadGazetteer();
  const loadMs = performance.now() - t0;
  gc();
  const gazetteerMb = (process.memoryUsage().heapUsed - before) / 1e6;

  const dev = loadDevSet();
  const holdout = loadDevSet(HOLDOUT_DIR);
  const score = (set: DevArticle[]): Scores => {
    const s = emptyScores();
    for (const d of set) scoreArticle(d.gold, codeArticle(d.article, { gazetteer }), s);
    return s;
  };
  const devScores = score(dev);
  const holdScores = score(holdout);
  const labelled = (set: DevArticle[]): number => set.reduce((n, d) => n + d.gold.length, 0);
  console.log(
    `ingest accuracy: dev ${dev.length} articles (${labelled(dev)} events, tuned on) | held-out ${holdout.length} articles (${labelled(holdout)} events, never tuned on)`,
  );
  console.log('  field                 dev   P      R      F1   |  held-out P   R      F1');
  const row = (name: string, a: { p: number; r: number; f1: number }, b: typeof a): string =>
    `  ${name.padEnd(18)}  ${pct(a.p)}% ${pct(a.r)}% ${pct(a.f1)}%  |  ${pct(b.p)}% ${pct(b.r)}% ${pct(b.f1)}%`;
  for (const f of FIELDS) console.log(row(f, prf(devScores[f]), prf(holdScores[f])));
  console.log(
    `${row('overall', prf(overall(devScores)), prf(overall(holdScores)))}   (goal: type+country+date F1 >= 85%)`,
  );

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
  // Warm up the regex and fold caches on a different slice, then time the full coder.
  for (const t of texts.slice(0, 20)) codeArticle(parsePlainText(t), { gazetteer });
  let events = 0;
  const c0 = performance.now();
  const parsed: Article[] = [];
  for (const t of texts) {
    const a = parsePlainText(t);
    parsed.push(a);
    events += codeArticle(a, { gazetteer }).length;
  }
  const coderMs = performance.now() - c0;
  const perSec = (THROUGHPUT_ARTICLES / coderMs) * 1000;
  const basePerSec = (THROUGHPUT_ARTICLES / baselineMs) * 1000;
  console.log(
    `ingest throughput: ${perSec.toFixed(0)} articles/s (${avgChars.toFixed(0)} chars avg, one core, ${events} events; goal >= 200/s)`,
  );
  console.log(
    `  baseline read+tokenise: ${basePerSec.toFixed(0)} articles/s (${tokens} tokens); coder/baseline time ratio ${(coderMs / baselineMs).toFixed(1)}x`,
  );
  console.log(
    `ingest gazetteer: ${gazetteer.size} places, ${gazetteer.keyCount} names, ${gazetteerMb.toFixed(1)} MB heap, loaded in ${loadMs.toFixed(0)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
