// Who a person is, not what happened: "the terrorist ..., who it said was responsible for anti-tank
// missile attacks against Israeli territory during the recent war", "the commander behind attacks on
// police". A record of attacks is background; the event it explains is coded from its own sentence.
import type { SkipRule } from './skip-rule.js';

const RECORD =
  /\b(?:responsible for|behind|blamed for|involved in|masterminds? (?:of|behind)|mastermind(?:ed)?|planned|planning)\s+(?:(?:a|an|the|several|many|numerous|multiple|dozens of|scores of|series of|a series of)\s+)?(?:[\w-]+\s+){0,3}$/i;
// "during the recent war", "in the 2024 conflict": the time of a past war, not of a new event.
const PAST_WAR =
  /\b(?:during|in) the (?:recent|last|previous|past|\d{4}) (?:war|conflict|fighting|hostilities)\b/i;

export const recordOfAttacks: SkipRule = {
  name: 'record-of-attacks',
  stage: 'trigger',
  skips: (ctx) => {
    const before = ctx.clause.text.slice(Math.max(0, ctx.trig.start - 60), ctx.trig.start);
    return RECORD.test(before) || PAST_WAR.test(ctx.clause.text.slice(ctx.trig.end));
  },
};
