// Negated, hypothetical and generic mentions are no events ("denied any clash", "if fighting
// resumes", "militants often attack"); a refuted type is remembered so "the clash" later points to it.
import type { SkipRule } from './skip-rule.js';

export const notAFact: SkipRule = {
  name: 'not-a-fact',
  stage: 'trigger',
  skips: (ctx) => ctx.mod !== 'fact' && ctx.mod !== 'future',
  onSkip(ctx) {
    if (ctx.mod === 'negated') ctx.memory.refuted.add(ctx.trig.type);
  },
};
