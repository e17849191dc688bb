// Finds actors in a clause from the dictionary (data/actors.json). Earlier dictionary entries win
// overlaps, so "Afghan refugees" is one civilian actor, not Afghanistan plus refugees. A country name
// after "in"/"at"/"exiting" is a place, not an actor.
import type { CodedActor } from '../types.js';
import { actorRules } from './lexicon.js';
import { eachMatch } from '../text/each-match.js';

export interface ActorMention {
  actor: CodedActor;
  start: number;
  end: number;
}

const PLACE_BEFORE =
  /\b(?:in|at|near|into|inside|across|exiting|entering|leaving|toward|towards|to|on|of|from|within|throughout)\s+(?:the\s+)?(?:\w+\s+)?$/i;
const PEOPLE_FROM =
  /\b(?:officials|delegations?|delegates|representatives|envoys|ministers|forces|troops|nationals|people|traders|refugees|governments?|state|republic|kingdom|emirate|army|leaders?|sides?|commanders|guards|elders|soldiers)\s+(?:from|of)\s+(?:the\s+)?(?:\w+\s+and\s+)?$/i;
// "The Taliban said ...", "the ISPR said": the speaker reports the event, it is not a party to it.
const REPORTING_VERB =
  '(?:said|says|told|claimed|claims|blamed|blames|accused|accuses|alleged|alleges|denied|denies|confirmed|announced|stated|reported|added|noted|rejected|welcomed|welcomes|wrote|tweeted|posted)';
const REPORTING_AFTER = new RegExp(
  `^(?:'s|’s)?\\s+(?:(?:\\w+\\s+){0,2}?${REPORTING_VERB}\\b|(?:[\\w-]+\\s+){0,2}?(?:spokes(?:man|person|woman)|officials?|ministry|media wing|statement|sources?|commander|chief|minister|envoy)\\b,?(?:\\s+[A-Z][\\w'-]+){0,3},?\\s+(?:\\w+\\s+)?${REPORTING_VERB}\\b)`,
  'i',
);
// "according to the ISPR", "a statement by the Taliban": the source of the report, not a party.
const REPORTING_BEFORE =
  /\b(?:according to|statement (?:by|from|of)|quoted by|told by|claimed by)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$/i;
const FIRE_WORDS =
  /\b(?:fired|launched|shell(?:s|ed|ing)|mortars?|rockets?|artillery|missiles?|drones?)\b/i;
const CAPITAL = /^(?:Kabul|Islamabad)$/i;
const VERB_AFTER =
  /^(?:'s|’s)?\s+(?:\w+ly\s+)?(?:\w+ed|\w+s|has|had|have|will|would|did|does|is|was|shut|hit|struck|sent|took|made|said|told|wrote|met|held|sought|fought|began|gave|kept|led)\b/i;
// "the border with Afghanistan": a place, not the state acting.
const BORDER_WITH = /\b(?:border|borders|crossing|frontier|boundary)\s+with\s+$/i;
// "opened fire on Pakistani posts": after a preposition, a country's forces are the target, a party.
const FORCES_AFTER =
  /^\s+(?:border\s+)?(?:posts?|check-?posts?|checkposts?|checkpoints?|outposts?|positions?|troops|soldiers|forces|convoys?|patrols?|guards?|personnel|military|army|jets?|drones?|aircraft|warplanes?)\b/i;

/** `keepSpeakers`: also the actors who speak ("the BLF claimed the attack" names its perpetrator). */
export function findActors(
  clause: string,
  eventCountry: string | null,
  keepSpeakers = false,
): ActorMention[] {
  const taken: ActorMention[] = [];
  for (const rule of actorRules()) {
    for (const re of rule.patterns) {
      re.lastIndex = 0;
      for (const m of eachMatch(re, clause)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some((t) => start < t.end && t.start < end)) continue;
        if (rule.countryName) {
          const before = clause.slice(Math.max(0, start - 40), start);
          const after = clause.slice(end, end + 24);
          // "rockets fired from the Pakistani side": the side that fired is a party.
          const firedFrom =
            /\bfrom (?:the )?$/i.test(before) &&
            /^\s+(?:side|territory|soil)\b/i.test(after) &&
            FIRE_WORDS.test(clause);
          // "Afghan soil", "Pakistani territory": a place word, not the state acting.
          if (
            /^\s+(?:soil|territory|side|border(?!\s+(?:posts?|check-?posts?|checkpoints?|outposts?|guards?|forces|police|troops|personnel))|nationals?|refugees?|traders?|citizens?|people|media|Taliban)\b/i.test(
              after,
            ) &&
            !firedFrom
          )
            continue;
          if (BORDER_WITH.test(before)) continue;
          if (
            PLACE_BEFORE.test(before) &&
            !PEOPLE_FROM.test(before) &&
            !FORCES_AFTER.test(after) &&
            !firedFrom
          )
            continue;
        }
        // "explosions shook Kabul": a capital stands for its state only as the subject of a verb.
        if (CAPITAL.test(m[0]) && !VERB_AFTER.test(clause.slice(end, end + 30))) continue;
        if (!keepSpeakers && REPORTING_AFTER.test(clause.slice(end, end + 80))) continue;
        if (!keepSpeakers && REPORTING_BEFORE.test(clause.slice(Math.max(0, start - 50), start)))
          continue;
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

const GENERIC_ARMED: ReadonlySet<string> = new Set(['Militants', 'Unidentified armed group']);

/**
 * "Gunmen belonging to the BLA", "militants ... the TTP claimed": once a named armed group is a party,
 * the generic words name the same people and are dropped.
 */
export function withoutGenericArmed(actors: CodedActor[]): CodedActor[] {
  const named = actors.some((a) => a.inter === 2 && !GENERIC_ARMED.has(a.name));
  return named ? actors.filter((a) => !GENERIC_ARMED.has(a.name)) : actors;
}

/** Distinct actors by name, first mention first. */
export function uniqueActors(ms: ActorMention[]): CodedActor[] {
  const seen = new Map<string, CodedActor>();
  for (const m of ms) if (!seen.has(m.actor.name)) seen.set(m.actor.name, m.actor);
  return [...seen.values()];
}
