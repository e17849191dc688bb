// "Zelenskiy last week said Russia had launched a drone attack": what a statement made last week says
// had happened is older still, with no day of its own — background, not the article's news.
import type { SkipRule } from './skip-rule.js';

const STATED_EARLIER =
  /\b(?:last (?:week|month)|earlier this (?:week|month)|days ago|weeks ago)\b[^.;]{0,30}\b(?:said|says|told|reported|claimed|alleged|accused)\b|\b(?:said|told|reported|claimed|alleged|accused)\b[^.;]{0,15}\b(?:last (?:week|month)|weeks ago)\b/i;
const PAST_PERFECT = /\bhad\s+(?:been\s+)?\w+(?:ed|en|t)\b/i;

export const reportedEarlier: SkipRule = {
  name: 'reported-earlier',
  stage: 'dated',
  skips: (ctx, when) =>
    (when === null || when.precision !== 1 || !when.explicit) &&
    STATED_EARLIER.test(ctx.sentence.text) &&
    PAST_PERFECT.test(ctx.clause.text.slice(0, ctx.trig.end)),
};
