// Prints, for each development-set article, the labelled events beside the coded ones, to study the
// coder's errors. Development set only: the held-out set must not be used for tuning.
// Run: node --import tsx bench/ingest-errors.ts [name-filter]
import { codeArticle, loadGazetteer } from '../src/ingest/index.js';
import { emptyScores, loadDevSet, scoreArticle } from './ingest-score.js';

const filter = process.argv[2] ?? '';
const gazetteer = loadGazetteer();
for (const d of loadDevSet()) {
  if (!d.name.includes(filter)) continue;
  const pred = codeArticle(d.article, { gazetteer });
  const s = emptyScores();
  scoreArticle(d.gold, pred, s);
  const perfect =
    s['type+country+date'].correct === d.gold.length &&
    pred.length === d.gold.length &&
    s.actors.correct === s.actors.labelled &&
    s.actors.predicted === s.actors.labelled &&
    s.fatalities.correct === s.fatalities.labelled &&
    s.fatalities.predicted === s.fatalities.labelled;
  if (perfect && !filter) continue;
  console.log(`\n=== ${d.name} (published ${d.article.published ?? '?'})`);
  for (const g of d.gold)
    console.log(
      `  gold ${g.type} ${g.date ?? '-'}/${g.time_precision ?? '-'} ${g.location ?? '-'},${g.country ?? '-'} [${g.actors.join('; ')}] f=${g.fatalities ?? '-'}`,
    );
  for (const p of pred)
    console.log(
      `  pred ${p.type} ${p.date ?? '-'}/${p.time_precision ?? '-'} ${p.location?.name ?? '-'},${p.location?.country ?? '-'} [${p.actors.map((a) => a.name).join('; ')}] f=${p.fatalities ?? '-'} ${JSON.stringify(p.fatality_claims)} «${p.evidence.sentence.slice(0, 90)}»`,
    );
}
