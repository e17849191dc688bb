// A habit or a pattern is no event: "Israeli forces have conducted near-daily attacks", "Ukraine
// continued to strike energy infrastructure on a daily basis", "previous attacks by Afghan troops
// being a recurrent issue", "amid a surge in terrorist activity" — unless the clause names a day.
import type { SkipRule } from './skip-rule.js';

// "now face food insecurity": the present is not a day that dates a tally or a habit.
const NOT_A_DAY = /^(?:now|today|currently|at present)$/i;

const HABIT =
  /\b(?:near-daily|almost daily|nearly daily|(?:on )?a daily basis|daily (?:strikes|attacks|raids|shelling)|repeatedly|recurrent|routinely|frequently|often|regularly|time and again|a series of|previous (?:attacks|clashes|strikes)|amid (?:a |an )?(?:surge|wave|spate|rise|uptick|escalation) (?:in|of)|continues? to (?:carry out|strike|attack|shell|target))\b/i;

export const habitual: SkipRule = {
  name: 'habitual',
  stage: 'trigger',
  skips(ctx) {
    if (!HABIT.test(ctx.sentence.text)) return false;
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
