// "Police said it was an accident, not a terrorist attack", "a gas cylinder blast": an explosion the
// authorities put down to an accident is no event (ACLED codes none).
import type { SkipRule } from './skip-rule.js';

export const ACCIDENT =
  /\b(?:was|were|as) (?:an |a )?(?:accident|accidental)\b|\baccidental (?:explosion|blast|detonation)\b|\bnot (?:a |an )?(?:terrorist |militant )?(?:attack|act of terrorism|sabotage)\b|\bruled out (?:terrorism|sabotage|a terrorist attack)\b/i;
const ACCIDENT_CAUSE =
  /\b(?:gas (?:cylinder|leak|pipeline leak)|cylinder (?:blast|explosion)|boiler|short[- ]circuit|transformer)\b/i;
const EXPLOSION = /\b(?:explosions?|blasts?|exploded)\b/i;

export const accidentalExplosion: SkipRule = {
  name: 'accidental-explosion',
  stage: 'trigger',
  skips: (ctx) =>
    (ctx.type === 'ied' || (ctx.trig.weak && EXPLOSION.test(ctx.sentence.text))) &&
    (ctx.accidental || ACCIDENT_CAUSE.test(ctx.sentence.text)),
};
