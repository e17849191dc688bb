// Finds actors in a clause from the dictionary (data/actors.json). Earlier dictionary entries win
// overlaps, so "Afghan refugees" is one civilian actor, not Afghanistan plus refugees. A country name
// after "in"/"at"/"exiting" is a place, not an actor.
import type { CodedActor } from '../types.js';
import { actorRules } from './lexicon.js';

export interface ActorMention {
  actor: CodedActor;
  start: number;
  end: number;
}

const PLACE_BEFORE =
  /\b(?:in|at|near|into|inside|across|exiting|entering|leaving|toward|towards|to|on|of|from|within|throughout)\s+(?:the\s+)?(?:\w+\s+)?$/i;
const PEOPLE_FROM =
  /\b(?:officials|delegations?|delegates|representatives|envoys|ministers|forces|troops|nationals|people|traders|refugees|governments?|state|republic|kingdom|emirate|army|leaders?|sides?)\s+(?:from|of)\s+(?:the\s+)?(?:\w+\s+and\s+)?$/i;
// "The Taliban said ...", "the ISPR said": the speaker reports the event, it is not a party to it.
const REPORTING_AFTER =
  /^(?:'s|’s)?\s+(?:\w+\s+){0,2}?(?:said|says|told|claimed|claims|blamed|blames|accused|accuses|alleged|alleges|denied|denies|confirmed|announced|stated|reported|added|noted|rejected|welcomed|welcomes)\b/i;

export function findActors(clause: string, eventCountry: string | null): ActorMention[] {
  const taken: ActorMention[] = [];
  for (const rule of actorRules()) {
    for (const re of rule.patterns) {
      re.lastIndex = 0;
      for (const m of clause.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some((t) => start < t.end && t.start < end)) continue;
        if (rule.countryName) {
          const before = clause.slice(Math.max(0, start - 40), start);
          const after = clause.slice(end, end + 12);
          // "Afghan soil", "Pakistani territory": a place word, not the state acting.
          if (
            /^\s+(?:soil|territory|side|border|nationals?|refugees?|traders?|citizens?|people|media|Taliban)\b/i.test(
              after,
            )
          )
            continue;
          if (PLACE_BEFORE.test(before) && !PEOPLE_FROM.test(before)) continue;
        }
        if (REPORTING_AFTER.test(clause.slice(end, end + 40))) continue;
        let name = rule.name;
        if (rule.byLocation) {
          const mapped = eventCountry ? rule.byLocation[eventCountry] : undefined;
          if (mapped === undefined) continue; // unknown state: better no actor than a wrong one
          name = mapped;
        }
        if (rule.nameFromMatch) name = m[0].charAt(0).toUpperCase() + m[0].slice(1);
        const party = rule.byLocation ? (eventCountry ?? undefined) : rule.party;
        taken.push({
          actor: { name, inter: rule.inter, ...(party !== undefined ? { party } : {}) },
          start,
          end,
        });
      }
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Distinct actors by name, first mention first. */
export function uniqueActors(ms: ActorMention[]): CodedActor[] {
  const seen = new Map<string, CodedActor>();
  for (const m of ms) if (!seen.has(m.actor.name)) seen.set(m.actor.name, m.actor);
  return [...seen.values()];
}
