// "Despite these intensified recent skirmishes", "after recent attacks on police": violence summed up
// as recent, in the plural, is the background of the story (or the events it already reported), not
// a new event at the place the sentence goes on to name.
import type { SkipRule } from './skip-rule.js';

const RECENT_BEFORE = /\brecent\s+(?:[\w-]+\s+)?$/i;
const PLURAL = /(?:s|es)$/i;

export const recentPlural: SkipRule = {
  name: 'recent-plural',
  stage: 'trigger',
  skips: (ctx) =>
    PLURAL.test(ctx.clause.text.slice(ctx.trig.start, ctx.trig.end)) &&
    RECENT_BEFORE.test(ctx.clause.text.slice(Math.max(0, ctx.trig.start - 30), ctx.trig.start)),
};
