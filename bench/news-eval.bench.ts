// Real-article accuracy (issue 13): type + date + country F1 with one-to-one matching on the blind
// set in testdata/news-eval, per field and per type, for the dev half (looked at while improving the
// coder), the held-out half and the second held-out set (scored, never read), and the calibration of the events' confidence on
// the held-out half. Texts come from the cache beside the checkout (testdata/news-eval/README.md).
// Run alone: node --import tsx bench/news-eval.bench.ts       (add --errors to list dev mistakes)
import { pathToFileURL } from 'node:url';
import { loadGazetteer } from '../src/ingest/index.js';
import {
  calibrationTable,
  cacheDir,
  evaluate,
  expectedCalibrationError,
  loadCached,
  loadLabels,
  MATCH_FIELDS,
  prf,
  type Counts,
  type EvalResult,
  type NewsEvalArticle,
} from './news-eval-score.js';

const TARGET_F1 = 0.7;

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

function cell(c: Counts): string {
  const s = prf(c);
  return `${s.f1.toFixed(2)} (${pct(s.p)}/${pct(s.r)})`;
}

export async function run(): Promise<void> {
  const labels = loadLabels();
  const { loaded, skipped } = loadCached(labels);
  for (const s of skipped) console.log(`  skipped ${s}`);
  if (loaded.length === 0) {
    console.log(`news-eval: no cached article texts in ${cacheDir()}; nothing scored`);
    return;
  }
  const gazetteer = loadGazetteer();
  const split = (name: NewsEvalArticle['split']): EvalResult =>
    evaluate(
      loaded.filter((a) => a.label.split === name),
      gazetteer,
    );
  const dev = split('dev');
  const held = split('heldout');
  // The second blind set (labelled and committed before the coder first ran on it): scored only.
  const held2 = split('heldout2');
  const outlets = new Set(loaded.map((a) => a.label.outlet)).size;
  const conflicts = new Set(loaded.map((a) => a.label.conflict));
  const events = (r: EvalResult): number => r.fields.type.labelled;
  console.log(
    `real published articles: ${loaded.length} (${outlets} outlets, ${conflicts.size} conflicts: ${[...conflicts].join(', ')}); dev ${dev.articles} articles/${events(dev)} events, held-out ${held.articles}/${events(held)}, held-out 2 ${held2.articles}/${events(held2)}`,
  );
  console.log(
    `  ${'F1 (precision/recall)'.padEnd(20)}  ${'dev'.padEnd(19)}  ${'held-out'.padEnd(19)}  held-out 2`,
  );
  for (const f of MATCH_FIELDS)
    console.log(
      `  ${f.padEnd(20)}  ${cell(dev.fields[f])}  ${cell(held.fields[f])}  ${cell(held2.fields[f])}`,
    );
  console.log(
    `  ${'fatalities'.padEnd(20)}  ${cell(dev.fatalities)}  ${cell(held.fatalities)}  ${cell(held2.fatalities)}`,
  );
  for (const [name, r] of [
    ['held-out', held],
    ['held-out 2', held2],
  ] as const) {
    const f1 = prf(r.fields['type+date+country']).f1;
    console.log(
      `  ${name} type+date+country F1 ${f1.toFixed(2)} vs target ${TARGET_F1.toFixed(2)}: ratio ${(f1 / TARGET_F1).toFixed(2)}`,
    );
  }
  console.log('  per type (type+date+country; correct/predicted/labelled):');
  const types = new Set([...dev.perType.keys(), ...held.perType.keys(), ...held2.perType.keys()]);
  const none = { correct: 0, predicted: 0, labelled: 0 };
  const triple = (c: Counts): string => `${c.correct}/${c.predicted}/${c.labelled}`;
  for (const t of [...types].sort()) {
    console.log(
      `    ${t.padEnd(20)} dev ${triple(dev.perType.get(t) ?? none)}`.padEnd(44) +
        `held-out ${triple(held.perType.get(t) ?? none)}`.padEnd(22) +
        `held-out 2 ${triple(held2.perType.get(t) ?? none)}`,
    );
  }
  console.log(
    '  calibration on the held-out half (confidence bin: events, mean confidence, right):',
  );
  const rows = calibrationTable(held.scored);
  for (const r of rows) {
    if (r.events === 0) continue;
    console.log(
      `    ${r.from.toFixed(1)}-${r.to.toFixed(1)}  ${String(r.events).padStart(3)}  ${r.meanConfidence.toFixed(2)}  ${pct(r.correct / r.events)}%`,
    );
  }
  console.log(
    `  expected calibration error (held-out): ${expectedCalibrationError(rows).toFixed(3)}`,
  );
  console.log(
    `  expected calibration error (held-out 2): ${expectedCalibrationError(calibrationTable(held2.scored)).toFixed(3)}`,
  );

  if (process.argv.includes('--errors')) {
    // Only the dev half is ever listed: the held-out half stays unread.
    for (const a of dev.perArticle) {
      console.log(`\n# ${a.id}`);
      for (const g of a.gold)
        console.log(
          `  gold ${g.type} ${g.date ?? '-'} ${g.country ?? '-'} ${g.fatalities ?? ''} ${g.place ?? ''}`,
        );
      a.pred.forEach((p, i) =>
        console.log(
          `  ${a.correct[i] ? 'ok  ' : 'BAD '} ${p.type} ${p.date ?? '-'} ${p.location?.country ?? '-'} ${p.fatalities ?? ''} ${p.location?.name ?? ''} c=${p.confidence} | ${p.evidence.sentence.slice(0, 110)}`,
        ),
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
