// Which trigger of a sentence a figure or an actor belongs to: the nearest one.
import type { Span } from '../text/sentences.js';
import type { ActorMention } from './actors.js';
import { isViolent } from './merge.js';
import type { Trigger } from './triggers.js';

/** The violent (or weak) trigger nearest to a sentence offset. */
export function nearestViolent(at: number, all: { t: Trigger; clause: Span }[]): Trigger | null {
  let best: Trigger | null = null;
  let bestD = Infinity;
  for (const { t, clause } of all) {
    if (!isViolent(t.type) && !t.weak) continue;
    const d = Math.abs(clause.start + t.start - at);
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}

/** The clause's trigger nearest to an actor mention (offsets in the sentence). */
export function nearestTrigger(
  a: ActorMention,
  triggers: Trigger[],
  clauseStart: number,
): Trigger | null {
  let best: Trigger | null = null;
  let bestD = Infinity;
  for (const t of triggers) {
    const s = t.start + clauseStart;
    const e = t.end + clauseStart;
    const d = a.end <= s ? s - a.end : a.start >= e ? a.start - e : 0;
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}
