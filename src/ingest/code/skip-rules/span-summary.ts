// "after five days of fierce fighting", "14 months of fighting", "weeks of clashes": a span summed
// up in a phrase is no event of its own (the days themselves are coded where the text names them).
import { DAY_COUNT_WORDS } from '../../text/number-words.js';
import type { SkipRule } from './skip-rule.js';

const SPAN_OF = new RegExp(
  `\\b(?:\\d+|${DAY_COUNT_WORDS.join('|')}|several|few|many|two-day|three-day)\\s+(?:days?|weeks?|months?|years?|decades?)\\s+of\\s+(?:[\\w-]+\\s+){0,2}$|\\b(?:days|weeks|months|years|decades)\\s+of\\s+(?:[\\w-]+\\s+){0,2}$`,
  'i',
);

export const spanSummary: SkipRule = {
  name: 'span-summary',
  stage: 'trigger',
  skips: (ctx) =>
    SPAN_OF.test(ctx.clause.text.slice(Math.max(0, ctx.trig.start - 40), ctx.trig.start)),
};
