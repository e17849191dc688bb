// What the stages of the coder know about one sentence: its clauses and their triggers, its places,
// figures and dates (cached per tense, since chrono is the slow part), and one trigger's own context.
import type { EventType } from '../../core/taxonomy.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { findPlaceMentions, type PlaceMention } from '../geo/place-mentions.js';
import { splitClauses, type Span } from '../text/sentences.js';
import type { Article } from '../types.js';
import { findActors, type ActorMention } from './actors.js';
import type { ArticleMemory } from './article-memory.js';
import { findDates, type DateMention, type Tense } from './dates.js';
import { findFatalities, sourceOf, type FatalityMention } from './fatalities.js';
import { isViolent } from './merge.js';
import { isHedged, type Modality } from './negation.js';
import { findTriggers, type Trigger } from './triggers.js';
import { isInstrument } from './event-type.js';

// "arrested suspects in a raid", "wanted in the killing of": the weak word belongs to this event.
const EXPLAINS_WEAK: ReadonlySet<EventType> = new Set([
  'arrest',
  'abduction',
  'access_denied',
  'protest',
  'property_destruction',
]);

export interface ClauseTriggers {
  clause: Span;
  triggers: Trigger[];
}

export interface SentenceContext {
  index: number;
  /** The sentence's span in the article body. */
  span: Span;
  text: string;
  clauses: ClauseTriggers[];
  allTriggers: { t: Trigger; clause: Span }[];
  triggerCount: number;
  places: PlaceMention[];
  fatalities: FatalityMention[];
  source: string | null;
  hedged: boolean;
  actorsIn(clauseText: string, country: string | null): ActorMention[];
  datesFor(tense: Tense): DateMention[];
}

/** Reads one sentence: triggers per clause, then (only if it may matter) places, figures and dates. */
export function readSentence(
  span: Span,
  index: number,
  article: Article,
  memory: ArticleMemory,
  gazetteer: Gazetteer,
): SentenceContext {
  const text = span.text;
  const clauses = splitClauses({ text, start: 0, end: text.length }).map((clause) => ({
    clause,
    triggers: findTriggers(clause.text),
  }));
  const anyStrongViolent = clauses.some((c) =>
    c.triggers.some((t) => !t.weak && (isViolent(t.type) || EXPLAINS_WEAK.has(t.type))),
  );
  // Weak triggers ("killed", "blast") only stand in when nothing more specific names the event;
  // a weapon named after "with" belongs to the attack it is used in.
  const kept = clauses.map((c) => ({
    clause: c.clause,
    triggers: c.triggers.filter(
      (t) => (!t.weak || !anyStrongViolent) && !isInstrument(c.clause.text, t, c.triggers),
    ),
  }));
  const triggerCount = kept.reduce((n, c) => n + c.triggers.length, 0);
  // Places are needed for events, and for remembering the crossing a later "the crossing" refers to.
  const places =
    triggerCount > 0 || /\b(?:crossing|gate|border)\b/i.test(text)
      ? findPlaceMentions(text, gazetteer)
      : [];
  // Several triggers of a sentence look up the same clauses' actors and the same tense's dates.
  const actorCache = new Map<string, ActorMention[]>();
  const dateCache = new Map<Tense, DateMention[]>();
  const anchor = memory.anchor;
  return {
    index,
    span,
    text,
    clauses: kept,
    allTriggers: kept.flatMap((c) => c.triggers.map((t) => ({ t, clause: c.clause }))),
    triggerCount,
    places,
    fatalities: triggerCount > 0 ? findFatalities(text) : [],
    source: triggerCount > 0 ? sourceOf(text) : null,
    hedged: triggerCount > 0 ? isHedged(text) : false,
    actorsIn(clauseText, country) {
      const key = `${country ?? ''}\u0000${clauseText}`;
      let found = actorCache.get(key);
      if (!found) {
        found = findActors(clauseText, country);
        actorCache.set(key, found);
      }
      return found;
    },
    datesFor(tense) {
      let d = dateCache.get(tense);
      if (!d) {
        d = findDates(text, article.published, tense, anchor);
        dateCache.set(tense, d);
      }
      return d;
    },
  };
}

/** One trigger in its sentence, as the skip rules and the stages see it. */
export interface TriggerContext {
  article: Article;
  /** The article body, normalised (same length as article.body). */
  body: string;
  sentence: SentenceContext;
  clause: Span;
  /** The triggers of this clause. */
  triggers: Trigger[];
  trig: Trigger;
  /** The trigger's type after the victims and weapons are weighed (event-type.ts). */
  type: EventType;
  mod: Modality;
  tense: Tense;
  /** The trigger's offset in the sentence. */
  at: number;
  memory: ArticleMemory;
  /** The article says an explosion was an accident. */
  accidental: boolean;
}
