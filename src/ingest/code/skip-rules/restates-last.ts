// "At least 57 people were killed when the RSF launched a drone strike on a shelter ... The Dar al-Arqam
// centre was targeted late Friday": the next sentence saying the target "was targeted" or "was hit",
// with no dead of its own, restates the event just reported — and may give its day.
import { stillRecent } from '../article-memory.js';
import { isViolent } from '../merge.js';
import type { SkipRule } from './skip-rule.js';

// "was targeted late Friday in what activists call a massacre": the passive names the target; the
// trigger is that verb or a word after it in the clause.
const TARGET_PASSIVE =
  /\b(?:was|were)\s+(?:\w+\s+)?(?:targeted|hit|struck|attacked|bombed|shelled)\b/i;

export const restatesLast: SkipRule = {
  name: 'restates-last',
  stage: 'trigger',
  skips(ctx) {
    const last = ctx.memory.lastViolent;
    return (
      stillRecent(last, ctx.sentence.index) &&
      last.sentence < ctx.sentence.index &&
      (isViolent(ctx.type) || ctx.trig.weak) &&
      TARGET_PASSIVE.test(ctx.clause.text.slice(0, ctx.trig.end)) &&
      ctx.sentence.fatalities.length === 0
    );
  },
  onSkip(ctx) {
    const draft = ctx.memory.lastViolent?.draft;
    if (!draft || (draft.dateExplicit && draft.precision === 1)) return;
    const inClause = (d: { start: number; end: number }): boolean =>
      d.start >= ctx.clause.start && d.end <= ctx.clause.end;
    const day = ctx.sentence
      .datesFor('past')
      .find((d) => inClause(d) && d.date !== null && d.precision === 1);
    if (day?.date) {
      draft.date = day.date;
      draft.precision = 1;
      draft.dateExplicit = true;
    }
  },
};
