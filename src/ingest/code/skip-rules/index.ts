// The skip rules in the order they apply (skip-rule.ts says what a rule is).
import { accidentalExplosion } from './accidental-explosion.js';
import { aftermath } from './aftermath.js';
import { attackersAlso } from './attackers-also.js';
import { backgroundDate } from './background-date.js';
import { feared } from './feared.js';
import { habitual } from './habitual.js';
import { inRetaliationFor } from './in-retaliation-for.js';
import { namesAPlace } from './names-a-place.js';
import { noDayGiven } from './no-day-given.js';
import { notAFact } from './not-a-fact.js';
import { recentPlural } from './recent-plural.js';
import { recordOfAttacks } from './record-of-attacks.js';
import { refersToLastAgreement } from './refers-to-last-agreement.js';
import { refersToLastViolent } from './refers-to-last-violent.js';
import { refersToRefuted } from './refers-to-refuted.js';
import { reportedEarlier } from './reported-earlier.js';
import { restatesLast } from './restates-last.js';
import type { SkipRule } from './skip-rule.js';
import { spanSummary } from './span-summary.js';
import { speculativeQuote } from './speculative-quote.js';
import { tally } from './tally.js';
import { talksNotHeld } from './talks-not-held.js';

export type { SkipRule };

export const SKIP_RULES: readonly SkipRule[] = [
  notAFact,
  accidentalExplosion,
  refersToRefuted,
  refersToLastViolent,
  refersToLastAgreement,
  aftermath,
  inRetaliationFor,
  attackersAlso,
  restatesLast,
  namesAPlace,
  feared,
  recordOfAttacks,
  recentPlural,
  spanSummary,
  speculativeQuote,
  talksNotHeld,
  habitual,
  tally,
  backgroundDate,
  noDayGiven,
  reportedEarlier,
];

/** The first rule of the stage that skips the trigger (its onSkip run), or null. */
export function firstSkip(
  stage: SkipRule['stage'],
  ...args: Parameters<SkipRule['skips']>
): SkipRule | null {
  for (const rule of SKIP_RULES) {
    if (rule.stage !== stage || !rule.skips(...args)) continue;
    rule.onSkip?.(args[0]);
    return rule;
  }
  return null;
}
