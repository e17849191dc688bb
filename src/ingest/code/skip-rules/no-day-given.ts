// A happening the text gives no day for is background (testdata/news-eval/README.md, "Background is
// not labelled"): "Last week, three police officers were killed", "earlier this month", "a week after a
// gunfight erupted", "days after the strikes". The period says when roughly, never which day. Talks and
// agreements are not background for want of a day ("talks not dated by the text" are still labelled).
import { isViolent } from '../merge.js';
import { STRATEGIC_SHARED } from '../where.js';
import type { SkipRule } from './skip-rule.js';

// The period that dates the trigger's clause.
const PERIOD_ONLY =
  /\b(?:last|past|previous) (?:week|month)\b|\b(?:earlier|later) this (?:week|month)\b|\bearlier in the (?:week|month)\b|\brecently\b/i;
// "a week after a gunfight erupted", "days after the strikes": the event named after it has no day.
const SOME_TIME_AFTER =
  /\b(?:a|one|two|three|four|five|six|several|a few|some|just|only)?\s*(?:days?|weeks?|months?)\s+(?:after|since)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$/i;

export const noDayGiven: SkipRule = {
  name: 'no-day-given',
  stage: 'dated',
  skips(ctx, when) {
    if (ctx.mod === 'future' || STRATEGIC_SHARED.has(ctx.type)) return false;
    const before = ctx.sentence.text.slice(Math.max(0, ctx.at - 60), ctx.at);
    if (SOME_TIME_AFTER.test(before)) return true;
    // "refugees returned in the past week" is that week's movement; violence has a day or is background.
    const m = when?.mention;
    if (!isViolent(ctx.type) || !when || !m || when.precision === 1) return false;
    return PERIOD_ONLY.test(ctx.sentence.text.slice(m.start, m.end));
  },
};
