// A tally over a war or a period is no event: "the conflict has killed tens of thousands and
// displaced 14 million", "at least 173 people have been killed since the ceasefire", "fighting has
// displaced more than 1.7 million in the past year" — unless the clause names a day.
import { isViolent } from '../merge.js';
import type { SkipRule } from './skip-rule.js';

// "now face food insecurity": the present is not a day that dates a tally or a habit.
const NOT_A_DAY = /^(?:now|today|currently|at present)$/i;

const WAR_TALLY =
  /\b(?:war|conflict|fighting|violence|hostilities|offensive|insurgency|crisis|retaliation|campaign)\b[^.;]{0,80}?\b(?:has|have|had)?\s*(?:\w+\s+)?(?:killed|displaced|claimed|left|forced|uprooted|resulted in)\b/i;
const PERIOD =
  /\bsince\b|\bso far\b|\bto date\b|\bin total\b|\bnationwide\b|\bin the past (?:year|month|week)s?\b|\bover the (?:past|last)\b|\bthis year\b|\bbetween \w+ \d{1,2}\s*(?:-|–|and)\s*\d{1,2}\b/i;
// "have been killed", "have died", "have been displaced": a running total, with a figure only a tally reaches.
const RUNNING_TOTAL =
  /\b(?:has|have) (?:been (?:killed|displaced|wounded|uprooted)|died|fled|perished)\b/i;
// "between October 5-8", "from March 18 to April 16": a span of days summed up.
const SPAN_OF_DAYS =
  /\bbetween (?:\w+ )?\d{1,2}\s*(?:-|–|and)\s*\d{1,2}\b|\bbetween \w+ \d{1,2}\s*(?:-|–)\s*\d{1,2}\b|\bfrom \w+ \d{1,2} (?:to|until|till) \w+ \d{1,2}\b/i;
// Figures only a tally reaches: thousands, hundreds of thousands, millions.
const BIG =
  /\b\d{1,3}(?:,\d{3})+\b|\b(?:tens|hundreds) of thousands\b|\bthousands\b|\bmillions?\b/i;

/** True when a sentence reads as a tally (also used to keep its figures off the event just reported). */
export function isTallySentence(text: string): boolean {
  return (
    SPAN_OF_DAYS.test(text) ||
    (BIG.test(text) && (WAR_TALLY.test(text) || RUNNING_TOTAL.test(text) || PERIOD.test(text)))
  );
}

export const tally: SkipRule = {
  name: 'tally',
  stage: 'trigger',
  skips(ctx) {
    const text = ctx.sentence.text;
    // "53 civilians were killed between October 5-8": the span is the tally's, not one day's.
    if (SPAN_OF_DAYS.test(text) && isViolent(ctx.type)) return true;
    if (!BIG.test(text)) return false;
    // "80,000 refugees returned in the past week" is that week's movement; a period's deaths are a tally.
    if (
      !WAR_TALLY.test(text) &&
      !RUNNING_TOTAL.test(text) &&
      !(PERIOD.test(text) && isViolent(ctx.type))
    )
      return false;
    const inClause = (d: { start: number; end: number }): boolean =>
      d.start >= ctx.clause.start && d.end <= ctx.clause.end;
    return !ctx.sentence
      .datesFor(ctx.tense)
      .some(
        (d) =>
          inClause(d) &&
          d.precision === 1 &&
          !NOT_A_DAY.test(ctx.sentence.text.slice(d.start, d.end)),
      );
  },
};
