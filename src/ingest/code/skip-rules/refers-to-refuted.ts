// "A video shared as proof of the clash": after the article refuted a clash, "the clash" is that one.
import { definiteReference } from './definite.js';
import type { SkipRule } from './skip-rule.js';

export const refersToRefuted: SkipRule = {
  name: 'refers-to-refuted',
  stage: 'trigger',
  skips: (ctx) =>
    ctx.memory.refuted.has(ctx.trig.type) &&
    !ctx.memory.coded.has(ctx.trig.type) &&
    definiteReference(ctx.clause.text, ctx.trig.start),
};
