// "claimed responsibility for the attack", "during the intense exchange of fire": a definite reference
// with no day or place of its own is the violent event just reported, not a new one. Its figures
// ("Sepoy X ... embraced shahadat") still count for that event.
import type { PlaceMention } from '../../geo/place-mentions.js';
import type { Span } from '../../text/sentences.js';
import { dateForTrigger, type DateMention } from '../dates.js';
import { isViolent } from '../merge.js';
import { nearestViolent } from '../nearest.js';
import { definiteReference } from './definite.js';
import type { SkipRule } from './skip-rule.js';

/**
 * True when a clause names a day or a place (not an origin) of its own. The day must be the trigger's
 * as dateForTrigger reads it: in "The skirmishes came after Thailand recalled its ambassador late on
 * Wednesday", Wednesday is the recall's.
 */
export function ownDateOrPlace(
  clause: Span,
  places: PlaceMention[],
  dates: DateMention[],
  at: number,
  text: string,
): boolean {
  const inside = (m: { start: number; end: number }): boolean =>
    m.start >= clause.start && m.end <= clause.end;
  const day = dateForTrigger(dates, clause.start, clause.end, at, text);
  return (
    (day !== null && day.date !== null && inside(day)) ||
    places.some((m) => inside(m) && m.locative && !m.origin && m.places[0]?.kind !== 'country')
  );
}

export const refersToLastViolent: SkipRule = {
  name: 'refers-to-last-violent',
  stage: 'trigger',
  skips: (ctx) =>
    ctx.memory.lastViolent !== null &&
    (isViolent(ctx.type) || ctx.trig.weak) &&
    definiteReference(ctx.clause.text, ctx.trig.start) &&
    !ownDateOrPlace(
      ctx.clause,
      ctx.sentence.places,
      ctx.sentence.datesFor(ctx.tense),
      ctx.at,
      ctx.sentence.text,
    ),
  onSkip(ctx) {
    const last = ctx.memory.lastViolent;
    if (!last) return;
    for (const f of ctx.sentence.fatalities)
      if (nearestViolent(f.start, ctx.sentence.allTriggers) === ctx.trig)
        last.draft.claims.push({
          count: f.count,
          source: ctx.sentence.source,
          group: f.group,
          latest: f.latest,
        });
  },
};
