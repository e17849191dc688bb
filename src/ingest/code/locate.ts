// Chooses where an event happened among the places a sentence names. A place introduced by "in",
// "at" or "near" beats one used as an actor ("Islamabad said") or an origin ("from Afghan soil");
// a town beats its district, a district its province, a province its country; nearer the trigger wins
// ties. "The border" is the line the sentence names, else the line between two countries it names,
// else the mission's line; a line is placed with the country of the side the sentence puts it on.
import type { EventType } from '../../core/taxonomy.js';
import type { Gazetteer, Place } from '../geo/gazetteer.js';
import { borderLine, sideOfLine } from '../geo/lines.js';
import type { PlaceMention } from '../geo/place-mentions.js';
import type { CodedLocation } from '../types.js';

const KIND_SCORE: Record<Place['kind'], number> = {
  crossing: 4,
  town: 4,
  district: 3,
  region: 2,
  province: 2,
  line: 1.5,
  country: 0,
};

const BORDER_TYPES: ReadonlySet<EventType> = new Set([
  'border_closure',
  'border_reopening',
  'crossing_restriction',
  'trade_disruption',
  'refugee_movement',
  'infiltration',
]);

const GENERIC_BORDER =
  /\b(?:the|this|that|key|main|major|border)\s+(?:\w+\s+)?(?:border|borders|frontier|crossings?|crossing points?|crossing areas|border crossings?|border areas?|border regions?)\b/i;

// "the crossing", "the gate": the crossing named last; "the border" stays the whole line.
const THE_CROSSING = /\bthe (?:crossing|gate|border crossing|crossing point|border gate)\b/i;

export function mentionScore(m: PlaceMention, triggerAt: number, type?: EventType): number {
  const place = m.places[0];
  if (!place) return -Infinity;
  let s = KIND_SCORE[place.kind];
  // A closure or a crossing of refugees happens at the crossing, not in the town the report mentions.
  if (type !== undefined && BORDER_TYPES.has(type) && place.kind === 'crossing') s += 3;
  if (m.locative) s += 3;
  if (m.agentive) s -= 6;
  if (m.origin) s -= 3;
  s -= Math.min(2, Math.abs(m.start - triggerAt) / 80);
  return s;
}

export function toLocation(p: Place): CodedLocation {
  return {
    name: p.name,
    admin1: p.admin1,
    admin2: p.admin2,
    country: p.country,
    lat: round(p.lat),
    lon: round(p.lon),
    geo_precision: p.geo_precision,
  };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export interface LocateInput {
  type: EventType;
  /** Mentions in the trigger's clause, and in its whole sentence (offsets in the same frame). */
  clauseMentions: PlaceMention[];
  sentenceMentions: PlaceMention[];
  /** The crossing the article named last, for "the crossing" / "the border" later on. */
  lastCrossing: CodedLocation | null;
  triggerAt: number;
  sentence: string;
}

export interface Located {
  location: CodedLocation | null;
  /** How it was found: in the clause, elsewhere in the sentence, or by the generic border rule. */
  how: 'clause' | 'sentence' | 'border' | 'none';
}

const VIOLENT_HERE: ReadonlySet<EventType> = new Set([
  'armed_clash',
  'airstrike',
  'shelling',
  'ied',
  'suicide_bomb',
  'grenade',
  'attack_on_civilians',
  'abduction',
]);

const IN_APPOSITION =
  /^\s*(?:(?:border\s+)?(?:crossing|gate|district|tehsil|area|town|village|city|valley|bazaar|market)\s*)?(?:,\s*|(?:in|of)\s+)(?:the\s+)?(?:(?:southern|northern|eastern|western|central|south-?eastern|north-?western|north-?eastern|south-?western)\s+)?(?:district\s+of\s+|province\s+of\s+)?$/i;

function rankOf(m: PlaceMention): number {
  const k = m.places[0]?.kind;
  return k === undefined ? -1 : KIND_SCORE[k];
}

const MOVEMENT_TYPES: ReadonlySet<EventType> = new Set([
  'refugee_movement',
  'infiltration',
  'displacement',
]);

export function locate(input: LocateInput, gazetteer: Gazetteer): Located {
  if (input.type === 'displacement') {
    // "families moved to relatives in Asadabad": the destination is not where they were displaced.
    // "staying with relatives in Asadabad", "took shelter in Jalalabad": where they went, too.
    const notDestination = (m: PlaceMention): boolean => {
      const before = input.sentence.slice(Math.max(0, m.start - 60), m.start);
      return (
        !/\b(?:to|towards|into)\s+(?:\w+\s+){0,2}(?:in\s+)?$/i.test(before) &&
        !/\b(?:staying|stay|stayed|sheltering|shelter|sheltered|refuge|hosted|housed|living|camps?|arrived)\b(?:\s+\w+){0,4}\s+(?:in|at|with)\s+(?:the\s+)?(?:\w+\s+){0,2}$/i.test(
          before,
        )
      );
    };
    input = {
      ...input,
      clauseMentions: input.clauseMentions.filter(notDestination),
      sentenceMentions: input.sentenceMentions.filter(notDestination),
    };
  }
  if (!MOVEMENT_TYPES.has(input.type)) {
    // "militants who crossed over from Afghanistan attacked the post": the origin is not the place.
    input = {
      ...input,
      clauseMentions: input.clauseMentions.filter((m) => !m.origin),
      sentenceMentions: input.sentenceMentions.filter((m) => !m.origin),
    };
  }
  const pick = (ms: PlaceMention[]): PlaceMention | null => {
    let best: PlaceMention | null = null;
    let bestScore = -Infinity;
    for (const m of ms) {
      const sc = mentionScore(m, input.triggerAt, input.type);
      if (sc > bestScore) {
        best = m;
        bestScore = sc;
      }
    }
    // "the Dand-e-Patan crossing in Paktia", "Sadda, Kurram": a coarser place that only locates the
    // finer place before it does not replace it.
    if (best) {
      const b = best;
      const finer = ms.find(
        (m) =>
          m !== b &&
          m.end <= b.start &&
          rankOf(m) > rankOf(b) &&
          !m.agentive &&
          IN_APPOSITION.test(input.sentence.slice(m.end, b.start)),
      );
      if (finer) best = finer;
    }
    // "Chitral's Arandu area", "Nangarhar's Goshta district": the place after a possessive lies inside it.
    if (best) {
      const b = best;
      const inner = ms.find(
        (m) =>
          m.start > b.end &&
          /^(?:\s+(?:province|district|valley|region|tehsil|agency))?'s\s+$/.test(
            input.sentence.slice(b.end, m.start),
          ) &&
          m.places[0]?.kind !== 'country',
      );
      if (inner) best = inner;
    }
    // An agentive mention alone ("Kabul said ...") is not a location.
    return best && !(best.agentive && !best.locative) ? best : null;
  };
  // "Pakistan and Afghanistan blamed each other": a country is the place of violence only after
  // "in"/"inside"/"across"; otherwise it names a party.
  if (
    VIOLENT_HERE.has(input.type) ||
    input.type === 'talks' ||
    input.type === 'ceasefire_agreement'
  ) {
    const placeOnly = (m: PlaceMention): boolean => m.places[0]?.kind !== 'country' || m.locative;
    input = {
      ...input,
      clauseMentions: input.clauseMentions.filter(placeOnly),
      sentenceMentions: input.sentenceMentions.filter(placeOnly),
    };
  }
  const inClause = pick(input.clauseMentions);
  if (inClause?.places[0] && !(inClause.places[0].kind === 'country' && isBorderish(input))) {
    return { location: refine(inClause.places[0], input, gazetteer), how: 'clause' };
  }
  if (isBorderish(input) && input.lastCrossing && !inClause && THE_CROSSING.test(input.sentence)) {
    return { location: input.lastCrossing, how: 'border' };
  }
  if (isBorderish(input)) {
    const line = borderLine(input.sentence, input.sentenceMentions, gazetteer);
    if (line?.sides) {
      // "Afghan refugees exiting Pakistan": the border, on the named country's side.
      const named = inClause?.places[0]?.kind === 'country' ? inClause.places[0].country : null;
      const country =
        named !== null && line.sides.includes(named)
          ? named
          : sideOfLine(input.sentence, line.sides, gazetteer);
      return { location: { ...toLocation(line), country }, how: 'border' };
    }
  }
  if (inClause?.places[0])
    return { location: refine(inClause.places[0], input, gazetteer), how: 'clause' };
  const inSentence = pick(input.sentenceMentions.filter((m) => !m.origin));
  if (inSentence?.places[0])
    return { location: refine(inSentence.places[0], input, gazetteer), how: 'sentence' };
  // "Troops clashed on the Cambodian side of the border": no place named but the border.
  if (GENERIC_BORDER.test(input.sentence)) {
    const line = borderLine(input.sentence, input.sentenceMentions, gazetteer);
    if (line?.sides) {
      const country = sideOfLine(input.sentence, line.sides, gazetteer);
      return { location: { ...toLocation(line), country }, how: 'border' };
    }
  }
  return { location: null, how: 'none' };
}

function isBorderish(input: LocateInput): boolean {
  return BORDER_TYPES.has(input.type) && GENERIC_BORDER.test(input.sentence);
}

/** A line named as the place ("clashes along the Durand Line") goes to the side the sentence says. */
function refine(p: Place, input: LocateInput, gazetteer: Gazetteer): CodedLocation {
  const loc = toLocation(p);
  if (p.kind !== 'line' || !p.sides) return loc;
  return { ...loc, country: sideOfLine(input.sentence, p.sides, gazetteer) };
}
