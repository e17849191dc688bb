// "in retaliation to the Pahalgam carnage, in which terrorists gunned down 26 civilians", "in response to
// the airstrikes": the event named after a retaliation phrase is the cause of the news, already
// reported or background — not a new event on the day of the retaliation. It stays an event when the
// phrase itself gives its day ("in response to Tuesday's strikes" is a dated happening of the week).
import type { SkipRule } from './skip-rule.js';

const RETALIATION_FOR =
  /\b(?:in retaliation (?:for|to|against)|in response to|in revenge for|to avenge|avenging|retaliating for)\s/gi;
// A comma that opens a new main clause ends the phrase; one that opens a relative clause does not.
const NEW_MAIN_CLAUSE = /,\s+(?!in which|which|that|who|whose|where|when|during which)/i;

export const inRetaliationFor: SkipRule = {
  name: 'in-retaliation-for',
  stage: 'trigger',
  skips(ctx) {
    const text = ctx.sentence.text;
    let phrase: RegExpExecArray | null = null;
    for (const m of text.matchAll(RETALIATION_FOR)) {
      if (m.index > ctx.at) break;
      // The phrase's own "retaliation" is no event ("launched strikes in retaliation to ...").
      if (ctx.at < m.index + m[0].length) return true;
      phrase = m;
    }
    if (!phrase) return false;
    const from = phrase.index + phrase[0].length;
    const between = text.slice(from, ctx.at);
    if (between.length > 120 || /[.;:]/.test(between) || NEW_MAIN_CLAUSE.test(between))
      return false;
    return !ctx.sentence
      .datesFor(ctx.tense)
      .some((d) => d.precision === 1 && d.start >= phrase.index && d.end <= ctx.at);
  },
};
