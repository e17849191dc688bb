// Where an event happened: the place locate() picks from the clause and sentence, else what the
// article's memory allows — people flee from where the violence just was, talks are where the talks
// just named were, a border development is at the crossing named last, local press is at its dateline.
import type { EventType } from '../../core/taxonomy.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import type { PlaceMention } from '../geo/place-mentions.js';
import { foldName } from '../text/fold.js';
import type { CodedLocation } from '../types.js';
import { stillRecent } from './article-memory.js';
import { locate, toLocation } from './locate.js';
import { isViolent, type DraftEvent } from './merge.js';
import { definiteReference } from './skip-rules/definite.js';
import type { TriggerContext } from './sentence-context.js';
import type { EventDate } from './when.js';

export const STRATEGIC_SHARED: ReadonlySet<EventType> = new Set(['talks', 'ceasefire_agreement']);
const BORDER_DEVELOPMENTS: ReadonlySet<EventType> = new Set([
  'border_closure',
  'border_reopening',
  'crossing_restriction',
  'trade_disruption',
]);

// A trigger spanning its verb ("participated in the talks") ends in its definite noun.
const THE_TALKS = /\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:talks|negotiations)$/i;

export interface EventPlace {
  location: CodedLocation | null;
  how: DraftEvent['locationHow'];
  /** The clause's own place mentions (for further places of the same event). */
  clauseMentions: PlaceMention[];
}

export function placeOfEvent(
  ctx: TriggerContext,
  when: EventDate,
  datelinePlace: CodedLocation | null,
  gazetteer: Gazetteer,
): EventPlace {
  const { clause, sentence, memory, type, mod } = ctx;
  const places = sentence.places;
  const clauseMentions = places.filter((m) => m.start >= clause.start && m.end <= clause.end);
  const crossingHere = [...places]
    .reverse()
    .find((m) => m.start < ctx.at && m.places[0]?.kind === 'crossing');
  const located = locate(
    {
      type,
      clauseMentions,
      sentenceMentions: places,
      triggerAt: ctx.at,
      sentence: sentence.text,
      lastCrossing: crossingHere?.places[0]
        ? toLocation(crossingHere.places[0])
        : memory.lastCrossing,
    },
    gazetteer,
  );
  let location = located.location;
  let how: DraftEvent['locationHow'] = located.how;
  // "Families were displaced by the shelling": people flee from where the violence was.
  if (
    !location &&
    (isViolent(type) || type === 'displacement') &&
    stillRecent(memory.lastViolentPlace, sentence.index)
  ) {
    location = memory.lastViolentPlace.location;
    how = 'context';
  }
  // "On Monday, Israel launched a wave of air strikes on towns north of the Litani": violence the
  // sentence places nowhere the gazetteer knows, in a story whose violence is in one country, is in
  // that country (country precision: which town is not known).
  if (!location && isViolent(type) && memory.lastViolentPlace?.location.country) {
    const country = gazetteer.country(memory.lastViolentPlace.location.country);
    if (country) {
      location = toLocation(country);
      how = 'context';
    }
  }
  // "The parties agreed to continue the ceasefire": where (and when) the talks just named were.
  if (
    STRATEGIC_SHARED.has(type) &&
    mod !== 'future' &&
    stillRecent(memory.lastStrategic, sentence.index)
  ) {
    if (!location) {
      location = memory.lastStrategic.location;
      how = 'context';
    }
    if (when.date === null && memory.lastStrategic.date !== null) {
      when.date = memory.lastStrategic.date;
      when.precision = memory.lastStrategic.precision;
    }
  }
  // "The Afghan delegation ... participated in the talks", sentences after "agreed to a ceasefire
  // following talks in Doha": the talks the article is about, where they were.
  if (
    !location &&
    type === 'talks' &&
    mod !== 'future' &&
    memory.lastStrategic &&
    (definiteReference(clause.text, ctx.trig.start) ||
      THE_TALKS.test(clause.text.slice(0, ctx.trig.end)))
  ) {
    location = memory.lastStrategic.location;
    how = 'context';
  }
  // "Traders say 800 trucks are stranded": a border development with no place is at the crossing
  // the article named last.
  if (!location && BORDER_DEVELOPMENTS.has(type) && memory.lastCrossing) {
    location = memory.lastCrossing;
    how = 'context';
  }
  // The dateline of local press names the locality; talks and agreements happen elsewhere.
  if (!location && datelinePlace && mod !== 'future' && !STRATEGIC_SHARED.has(type)) {
    location = datelinePlace;
    how = 'dateline';
  }
  return { location, how, clauseMentions };
}

export function datelineLocation(
  dateline: string | null,
  gazetteer: Gazetteer,
): CodedLocation | null {
  if (!dateline) return null;
  const name = dateline.split(',')[0] ?? '';
  // Reporters file from capitals: "ISLAMABAD (Reuters) -" says nothing about where fighting was.
  if (/^(?:islamabad|kabul)$/i.test(name.trim())) return null;
  const found = gazetteer.lookup(foldName(name))[0];
  return found ? toLocation(found) : null;
}
