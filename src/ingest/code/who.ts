// Who took part, and how many died. Actors in the clause go to the nearest trigger of the clause;
// then the sentence's subject ("BLA militants stormed the complex, triggering a gunfight") comes from
// clauses that report no event of their own. Figures go to the nearest violent trigger.
import type { EventType } from '../../core/taxonomy.js';
import type { CodedActor } from '../types.js';
import { uniqueActors, type ActorMention } from './actors.js';
import type { GroupClaim } from './fatalities.js';
import { isViolent } from './merge.js';
import { nearestTrigger, nearestViolent } from './nearest.js';
import type { TriggerContext } from './sentence-context.js';
import { STRATEGIC_SHARED } from './where.js';

// Types with a fatality count besides violence.
const COUNTED_TYPES: ReadonlySet<EventType> = new Set([
  'property_destruction',
  'abduction',
  'riot',
]);

export function actorsOfEvent(ctx: TriggerContext, country: string | null): CodedActor[] {
  const { clause, triggers, trig, type, sentence } = ctx;
  const actorMentions = sentence.actorsIn(clause.text, country).map((a) => ({
    ...a,
    start: a.start + clause.start,
    end: a.end + clause.start,
  }));
  const mine = actorMentions.filter((a) => nearestTrigger(a, triggers, clause.start) === trig);
  // Talks and agreements are between all the parties the clause names.
  const own = STRATEGIC_SHARED.has(type)
    ? actorMentions
    : mine.length > 0
      ? mine
      : triggers.length === 1
        ? actorMentions
        : [];
  const borrowed: ActorMention[] = [];
  const eventClauses = sentence.clauses.filter((c) => c.triggers.length > 0).length;
  for (const other of sentence.clauses) {
    if (other.triggers.length > 0 || other.clause === clause) continue;
    if (other.clause.start > clause.start && eventClauses > 1) continue;
    for (const a of sentence.actorsIn(other.clause.text, country))
      borrowed.push({ ...a, start: a.start + other.clause.start, end: a.end + other.clause.start });
  }
  return uniqueActors([...own, ...borrowed]);
}

/** Figures nearest to this trigger among the sentence's violent triggers. */
export function claimsOfEvent(ctx: TriggerContext): GroupClaim[] {
  if (!isViolent(ctx.type) && !COUNTED_TYPES.has(ctx.type)) return [];
  return ctx.sentence.fatalities
    .filter((f) => {
      const owner = nearestViolent(f.start, ctx.sentence.allTriggers);
      return owner === null || owner === ctx.trig;
    })
    .map((f) => ({
      count: f.count,
      source: ctx.sentence.source,
      group: f.group,
      latest: f.latest,
    }));
}
