// "The attackers also set fire to a vehicle": what the attackers just named did is part of their attack.
import { stillRecent } from '../article-memory.js';
import { isViolent } from '../merge.js';
import type { SkipRule } from './skip-rule.js';

const THE_ATTACKERS =
  /(?:^|\b(?:the|they)\s+)(?:attackers|assailants|gunmen|militants|terrorists|bombers?|they)\b(?:\s+\w+){0,2}\s*$/i;

export const attackersAlso: SkipRule = {
  name: 'attackers-also',
  stage: 'trigger',
  skips: (ctx) =>
    stillRecent(ctx.memory.lastViolent, ctx.sentence.index) &&
    !isViolent(ctx.type) &&
    THE_ATTACKERS.test(ctx.clause.text.slice(0, ctx.trig.start)),
};
