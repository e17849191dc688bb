// "a displacement shelter", "the Abu Shouk displaced persons' camp", "refugee camp": the word names a
// place, not an event.
import type { SkipRule } from './skip-rule.js';

const PLACE_NOUN =
  /^\s*(?:persons'?\s+|people'?s?\s+)?(?:camps?|centres?|centers?|shelters?|sites?|settlements?|facilit(?:y|ies))\b/i;

export const namesAPlace: SkipRule = {
  name: 'names-a-place',
  stage: 'trigger',
  skips: (ctx) =>
    (ctx.type === 'displacement' || ctx.type === 'refugee_movement') &&
    PLACE_NOUN.test(ctx.clause.text.slice(ctx.trig.end, ctx.trig.end + 30)),
};
