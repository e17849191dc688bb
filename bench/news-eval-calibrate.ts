// Fits the confidence weights (src/ingest/code/confidence.ts) on the dev half of the real-article set:
// each coded event is a sample, right when it matches a labelled event on type, day and country
// (one-to-one). L2-regularised logistic regression by gradient descent; prints the weights to paste
// into CONFIDENCE_WEIGHTS and the calibration of the fitted model on both halves.
// Run: node --import tsx bench/news-eval-calibrate.ts [--with-team-dev]   (the flag pools the team's
// development set, testdata/ingest/dev, with the dev half)
import { loadGazetteer } from '../src/ingest/index.js';
import { codeArticleExplained } from '../src/ingest/code/coder.js';
import {
  CONFIDENCE_FEATURES,
  CONFIDENCE_WEIGHTS,
  confidenceFromFeatures,
} from '../src/ingest/code/confidence.js';
import { loadDevSet } from './ingest-score.js';
import {
  calibrationTable,
  expectedCalibrationError,
  loadCached,
  loadLabels,
  matchOneToOne,
  parseArticle,
  type LoadedArticle,
} from './news-eval-score.js';

const LAMBDA = 1;
const STEPS = 20_000;
const RATE = 0.5;

interface Sample {
  x: number[];
  y: 0 | 1;
}

function samples(set: LoadedArticle[]): Sample[] {
  const gazetteer = loadGazetteer();
  const out: Sample[] = [];
  for (const a of set) {
    const coded = codeArticleExplained(parseArticle(a), { gazetteer });
    const keyed = coded.map(({ event: e }) => ({
      type: e.type,
      date: e.date,
      country: e.location?.country ?? null,
    }));
    const right = matchOneToOne(a.label.events, keyed, 'type+date+country');
    coded.forEach((c, i) => out.push({ x: c.features, y: right[i] ? 1 : 0 }));
  }
  return out;
}

function fit(data: Sample[]): number[] {
  const k = CONFIDENCE_FEATURES.length;
  const w = new Array<number>(k).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(k).fill(0);
    for (const s of data) {
      const z = s.x.reduce((n, v, i) => n + v * (w[i] ?? 0), 0);
      const err = 1 / (1 + Math.exp(-z)) - s.y;
      for (let i = 0; i < k; i++) grad[i] = (grad[i] ?? 0) + err * (s.x[i] ?? 0);
    }
    // The bias is not shrunk.
    for (let i = 0; i < k; i++)
      w[i] =
        (w[i] ?? 0) -
        (RATE * ((grad[i] ?? 0) + (i === 0 ? 0 : LAMBDA * (w[i] ?? 0)))) / data.length;
  }
  return w.map((v) => Math.round(v * 100) / 100);
}

function report(name: string, data: Sample[], w: readonly number[]): void {
  const scored = data.map((s) => ({
    confidence: confidenceFromFeatures(s.x, w),
    correct: s.y === 1,
    type: '',
  }));
  const rows = calibrationTable(scored);
  console.log(
    `  ${name}: ${data.length} events, ${data.filter((s) => s.y).length} right, ECE ${expectedCalibrationError(rows).toFixed(3)}`,
  );
  for (const r of rows)
    if (r.events > 0)
      console.log(
        `    ${r.from.toFixed(1)}-${r.to.toFixed(1)}  ${String(r.events).padStart(3)}  mean ${r.meanConfidence.toFixed(2)}  right ${((100 * r.correct) / r.events).toFixed(0)}%`,
      );
}

/** The team's development set (testdata/ingest/dev), scored the same way, to pool with the dev half. */
function teamDevSamples(): Sample[] {
  const gazetteer = loadGazetteer();
  const out: Sample[] = [];
  for (const d of loadDevSet()) {
    const coded = codeArticleExplained(d.article, { gazetteer });
    const keyed = coded.map(({ event: e }) => ({
      type: e.type,
      date: e.date,
      country: e.location?.country ?? null,
    }));
    const right = matchOneToOne(d.gold, keyed, 'type+date+country');
    coded.forEach((c, i) => out.push({ x: c.features, y: right[i] ? 1 : 0 }));
  }
  return out;
}

const { loaded } = loadCached(loadLabels());
const pooled = process.argv.includes('--with-team-dev');
const dev = [
  ...samples(loaded.filter((a) => a.label.split === 'dev')),
  ...(pooled ? teamDevSamples() : []),
];
const held = samples(loaded.filter((a) => a.label.split === 'heldout'));
// The second blind set: scored like the first, never fitted on.
const held2 = samples(loaded.filter((a) => a.label.split === 'heldout2'));
const w = fit(dev);
console.log('fitted on the dev half:');
CONFIDENCE_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(32)} ${(w[i] ?? 0).toFixed(2)}`));
console.log(`CONFIDENCE_WEIGHTS = [${w.join(', ')}]`);
console.log('current weights:');
report('dev', dev, CONFIDENCE_WEIGHTS);
report('held-out', held, CONFIDENCE_WEIGHTS);
report('held-out 2', held2, CONFIDENCE_WEIGHTS);
console.log('fitted weights:');
report('dev', dev, w);
report('held-out', held, w);
report('held-out 2', held2, w);
