// A tally over a war or a period is no event: "the conflict has killed tens of thousands and
// displaced 14 million", "at least 173 people have been killed since the ceasefire", "fighting has
// displaced more than 1.7 million in the past year" — unless the clause names a day.
import { isViolent } from '../merge.js';
import type { SkipRule } from './skip-rule.js';

const WAR_TALLY =
  /\b(?:war|conflict|fighting|violence|hostilities|offensive|insurgency|crisis|retaliation|campaign)\b[^.;]{0,80}?\b(?:has|have|had)?\s*(?:\w+\s+)?(?:killed|displaced|claimed|left|forced|uprooted|resulted in)\b/i;
const PERIOD =
  /\bsince\b|\bso far\b|\bto date\b|\bin total\b|\bnationwide\b|\bin the past (?:year|month|week)s?\b|\bover the (?:past|last)\b|\bthis year\b|\bbetween \w+ \d{1,2}\s*(?:-|–|and)\s*\d{1,2}\b/i;
// Figures only a tally reaches: thousands, hundreds of thousands, millions.
const BIG =
  /\b\d{1,3}(?:,\d{3})+\b|\b(?:tens|hundreds) of thousands\b|\bthousands\b|\bmillions?\b/i;

export const tally: SkipRule = {
  name: 'tally',
  stage: 'trigger',
  skips(ctx) {
    const text = ctx.sentence.text;
    if (!BIG.test(text)) return false;
    // "80,000 refugees returned in the past week" is that week's movement; a period's deaths are a tally.
    if (!WAR_TALLY.test(text) && !(PERIOD.test(text) && isViolent(ctx.type))) return false;
    const inClause = (d: { start: number; end: number }): boolean =>
      d.start >= ctx.clause.start && d.end <= ctx.clause.end;
    return !ctx.sentence.datesFor(ctx.tense).some((d) => inClause(d) && d.precision === 1);
  },
};
