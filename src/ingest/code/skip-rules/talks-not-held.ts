// Talks named as a subject, not as a meeting that took place, are no event: "The Istanbul round of
// dialogue represents an important opportunity", "At the core of the talks is Pakistan's accusation".
// A meeting is an event when the clause says it happened (past tense: "talks mediated by Qatar",
// "held talks") or is happening ("are holding talks", "talks began"); a verb trigger ("met") says so
// itself.
import type { SkipRule } from './skip-rule.js';

const NOUN =
  /^(?:talks|negotiations?|dialogue|summit|consultations?|jirga|parley|round(?: of (?:talks|dialogue|negotiations?))?)$/i;
const HELD =
  /\b(?:held|hold(?:s|ing)?|met|meet(?:s|ing)|took place|tak(?:es|ing) place|began|begin(?:s|ning)?|opened|open(?:s|ing)|resumed|resum(?:es|ing)|concluded|conclud(?:es|ing)|ended|end(?:s|ing)|convened|conven(?:es|ing)|participated|participat(?:es|ing)|took part|tak(?:es|ing) part|attended|attend(?:s|ing)|mediated|mediat(?:es|ing)|hosted|host(?:s|ing)|brokered|led|lead(?:s|ing)|continued|continu(?:es|ing)|under ?way|ongoing|wrapped up)\b/i;

export const talksNotHeld: SkipRule = {
  name: 'talks-not-held',
  stage: 'trigger',
  skips: (ctx) =>
    ctx.type === 'talks' &&
    ctx.mod === 'fact' &&
    ctx.tense !== 'past' &&
    NOUN.test(ctx.clause.text.slice(ctx.trig.start, ctx.trig.end)) &&
    !HELD.test(ctx.clause.text),
};
