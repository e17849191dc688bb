// Within one article, one real-world event is often mentioned several times ("the talks", "the
// Istanbul meeting", "the upcoming round"). Mentions of the same type whose dates and places do not
// conflict are merged into one event that keeps the most precise date and the most specific place.
import { VIOLENT_EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { distanceKm } from '../geo/distance.js';
import { areNeighbours } from '../geo/gazetteer.js';
import type { CodedActor, CodedLocation } from '../types.js';
import type { GroupClaim } from './fatalities.js';

export interface DraftEvent {
  type: EventType;
  weak: boolean;
  date: string | null;
  precision: 1 | 2 | 3 | null;
  dateExplicit: boolean;
  location: CodedLocation | null;
  locationHow: 'clause' | 'sentence' | 'border' | 'context' | 'dateline' | 'none';
  actors: CodedActor[];
  claims: GroupClaim[];
  sentence: { text: string; start: number; end: number };
  hedged: boolean;
  future: boolean;
  mentions: number;
}

const VIOLENT: ReadonlySet<EventType> = new Set(VIOLENT_EVENT_TYPES);
const DAY = 86_400_000;

/** Violence, plus infiltration: an infiltration attempt is usually met with fire and reported like a clash. */
export function isViolent(t: EventType): boolean {
  return VIOLENT.has(t) || t === 'infiltration';
}

// Movements across a border are reported from both sides: two neighbours (Pakistan and
// Afghanistan, Thailand and Cambodia) do not conflict.
const CROSS_BORDER: ReadonlySet<EventType> = new Set([
  'refugee_movement',
  'border_closure',
  'border_reopening',
  'crossing_restriction',
  'trade_disruption',
]);

// Non-violent events that happen at one place: arrests in Karachi and in Islamabad are two events.
const LOCAL: ReadonlySet<EventType> = new Set([
  'arrest',
  'protest',
  'riot',
  'property_destruction',
  'access_denied',
]);

function dayDiff(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / DAY;
}

function datesCompatible(a: DraftEvent, b: DraftEvent, strategic: boolean): boolean {
  if (a.date === null || b.date === null) return true;
  if (a.precision === 1 && b.precision === 1) return dayDiff(a.date, b.date) <= 1;
  // A vague date conflicts with a precise one only for violence (strategic mentions are one story).
  return strategic || dayDiff(a.date, b.date) <= 31;
}

/**
 * "On 12 April, shells struck Dangam ... The following day, shelling hit Marawara": two explicit days
 * at two named places are two events, even when the days and places are near enough to be one.
 */
function distinctDays(a: DraftEvent, b: DraftEvent): boolean {
  // "last Thursday ... Earlier this month, fighters shot dead a shepherd": a day and a month named
  // in different sentences are different events.
  if (
    a.dateExplicit &&
    b.dateExplicit &&
    a.date !== b.date &&
    a.sentence.start !== b.sentence.start &&
    (a.precision === 3) !== (b.precision === 3)
  )
    return true;
  return (
    a.precision === 1 &&
    b.precision === 1 &&
    a.dateExplicit &&
    b.dateExplicit &&
    a.date !== b.date &&
    // "Three were killed in a drone strike on Tuesday ... On Monday, Israel launched a wave of air
    // strikes north of the Litani": a day the article names for a mention it places nowhere is
    // another day's event too (a roundup: one event per day and place).
    // A place borrowed from context names no place of its own.
    (a.location === null ||
      b.location === null ||
      a.locationHow === 'context' ||
      b.locationHow === 'context' ||
      a.location.name !== b.location.name) &&
    a.sentence.start !== b.sentence.start
  );
}

function placesCompatible(
  a: CodedLocation | null,
  b: CodedLocation | null,
  strategic: boolean,
  crossBorder = false,
): boolean {
  if (a === null || b === null) return true;
  if (
    a.country !== null &&
    b.country !== null &&
    crossBorder &&
    (a.country === b.country || areNeighbours(a.country, b.country))
  ) {
    return true;
  }
  if (a.country === null || b.country === null) return true; // the border line belongs to both sides
  if (a.country !== b.country) return false;
  if (strategic) return true;
  // A country-level mention ("soldiers of Pakistan") is compatible with any place inside it.
  if ((a.admin1 === null && a.geo_precision === 3) || (b.admin1 === null && b.geo_precision === 3))
    return true;
  if (distanceKm(a.lat, a.lon, b.lat, b.lon) <= 25) return true;
  // A town inside the province or district named elsewhere.
  const coarse = a.geo_precision >= b.geo_precision ? a : b;
  const fine = coarse === a ? b : a;
  if (
    coarse.geo_precision === 3 &&
    coarse.admin2 === null &&
    coarse.admin1 !== null &&
    coarse.admin1 === fine.admin1
  )
    return true;
  if (coarse.geo_precision === 3 && coarse.admin2 !== null && coarse.admin2 === fine.admin2)
    return true;
  return false;
}

function typesCompatible(a: DraftEvent, b: DraftEvent): boolean {
  if (a.type === b.type) return true;
  // A weak "killed"/"attacked" mention folds into a violent event with a specific type.
  if ((a.weak && isViolent(b.type)) || (b.weak && isViolent(a.type))) return true;
  // An infiltration attempt is met with fire: the exchange at the same place and day is that event.
  const pair = new Set([a.type, b.type]);
  return (
    pair.has('infiltration') && pair.has('armed_clash') && a.precision === 1 && b.precision === 1
  );
}

export function mergeDrafts(drafts: DraftEvent[]): DraftEvent[] {
  const kept: DraftEvent[] = [];
  // Strong mentions first, so weak ones fold into them wherever they appear.
  const ordered = [...drafts.filter((d) => !d.weak), ...drafts.filter((d) => d.weak)];
  for (const d of ordered) {
    const strategic = !isViolent(d.type) && !d.weak && !LOCAL.has(d.type);
    const target = kept.find(
      (k) =>
        typesCompatible(k, d) &&
        // "held in Istanbul ... will meet again in Istanbul on 6 November": two rounds, not one; and
        // "agreed after talks in Doha ... the next round will take place in Istanbul": the round held
        // is not the one scheduled, dated or not.
        !(strategic && k.future !== d.future) &&
        datesCompatible(k, d, strategic && !isViolent(k.type) && !LOCAL.has(k.type)) &&
        !distinctDays(k, d) &&
        placesCompatible(
          k.location,
          d.location,
          strategic && !isViolent(k.type) && !LOCAL.has(k.type),
          CROSS_BORDER.has(d.type),
        ),
    );
    if (!target) {
      kept.push({ ...d, actors: [...d.actors], claims: [...d.claims] });
      continue;
    }
    absorb(target, d);
  }
  return kept.sort((a, b) => a.sentence.start - b.sentence.start);
}

function absorb(into: DraftEvent, d: DraftEvent): void {
  if (d.type === 'infiltration' && into.type === 'armed_clash') into.type = 'infiltration';
  if (into.weak && !d.weak) {
    into.type = d.type;
    into.weak = false;
    into.sentence = d.sentence;
  }
  if (d.date !== null && (into.date === null || (d.precision ?? 9) < (into.precision ?? 9))) {
    into.date = d.date;
    into.precision = d.precision;
    into.dateExplicit = d.dateExplicit;
  } else if (into.date === null && into.precision === null && d.precision !== null) {
    into.precision = d.precision;
  }
  // A place borrowed from context ("the attack" two sentences on) does not replace one named for the event.
  if (
    d.location &&
    (!into.location ||
      (specificity(d.location) > specificity(into.location) && d.locationHow !== 'context'))
  ) {
    into.location = d.location;
    into.locationHow = d.locationHow;
  }
  for (const a of d.actors) if (!into.actors.some((x) => x.name === a.name)) into.actors.push(a);
  into.claims.push(...d.claims);
  into.hedged = into.hedged && d.hedged;
  into.future = into.future && d.future;
  into.mentions += d.mentions;
}

function specificity(l: CodedLocation): number {
  return (4 - l.geo_precision) * 2 + (l.country === null ? 0 : 1);
}
