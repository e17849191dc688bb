// Codes one article into events: sentences → clauses → triggers, each checked for negation and
// modality, then given a date, a place, actors and fatality claims; mentions of one event are merged.
import { acledCode, type EventType } from '../../core/taxonomy.js';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { findPlaceMentions, type PlaceMention } from '../geo/place-mentions.js';
import { splitClauses, splitSentences, type Span } from '../text/sentences.js';
import { normalizeSameLength, foldName } from '../text/fold.js';
import type { Article, CodedEvent, CodedLocation } from '../types.js';
import { findActors, uniqueActors, type ActorMention } from './actors.js';
import { confidenceOf } from './confidence.js';
import { dateForTrigger, findDates, tenseOf, type DateMention, type Tense } from './dates.js';
import { conservativeCount, findFatalities, mergeClaims, sourceOf } from './fatalities.js';
import { isViolent, mergeDrafts, type DraftEvent } from './merge.js';
import { isHedged, modality } from './negation.js';
import { findTriggers, type Trigger } from './triggers.js';
import { locate, toLocation } from './locate.js';

export interface CoderOptions {
  gazetteer?: Gazetteer;
}

const CIVILIAN_VICTIMS =
  /\b(?:civilians?|villagers|passengers|labou?rers|workers|women|children|worshippers|students|journalists?|polio|teachers|shopkeepers|traders|elders?|family|families|residents|pedestrians|bystanders)\b/i;
const PRESENT_PERFECT =
  /\b(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|been|caused|become|killed|left|seen|brought|hit|struck|ground|taken|fled)\b/i;
const MAX_INHERIT_SENTENCES = 2;

export function codeArticle(article: Article, opts: CoderOptions = {}): CodedEvent[] {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const body = normalizeSameLength(article.body);
  const sentences = splitSentences(body);
  const drafts: DraftEvent[] = [];
  let lastExplicit: { date: string; precision: 1 | 2 | 3; sentence: number } | null = null;
  let lastViolentPlace: { location: CodedLocation; sentence: number; paragraphEnd: number } | null =
    null;
  const datelinePlace = datelineLocation(article.dateline, gazetteer);

  sentences.forEach((sentence, si) => {
    const text = sentence.text;
    const clauses = splitClauses({ text, start: 0, end: text.length });
    let perClause: { clause: Span; triggers: Trigger[] }[] = clauses.map((clause) => ({
      clause,
      triggers: findTriggers(clause.text),
    }));
    const anyStrongViolent = perClause.some((c) =>
      c.triggers.some((t) => !t.weak && isViolent(t.type)),
    );
    // Weak triggers ("killed") only stand in when nothing more specific names the event.
    perClause = perClause.map((c) => ({
      clause: c.clause,
      triggers: c.triggers.filter((t) => !t.weak || !anyStrongViolent),
    }));
    const triggerCount = perClause.reduce((n, c) => n + c.triggers.length, 0);
    const placeMentions =
      triggerCount > 0 || article.dateline ? findPlaceMentions(text, gazetteer) : [];
    const dateCache = new Map<Tense, DateMention[]>();
    const datesFor = (tense: Tense): DateMention[] => {
      let d = dateCache.get(tense);
      if (!d) {
        d = findDates(text, article.published, tense);
        dateCache.set(tense, d);
      }
      return d;
    };
    if (triggerCount > 0) {
      const fatalities = findFatalities(text);
      const source = sourceOf(text);
      const hedged = isHedged(text);
      const allTriggers = perClause.flatMap((c) =>
        c.triggers.map((t) => ({ t, clause: c.clause })),
      );
      for (const { clause, triggers } of perClause) {
        const tense = tenseOf(clause.text);
        for (const trig of triggers) {
          const mod = modality(
            clause.text,
            trig.start,
            trig.end,
            trig.futureOk,
            trig.weak || isViolent(trig.type),
          );
          if (mod !== 'fact' && mod !== 'future') continue;
          const at = clause.start + trig.start;
          let type: EventType = trig.type;
          if (trig.weak)
            type =
              CIVILIAN_VICTIMS.test(clause.text) &&
              !/\b(?:soldiers?|troops|militants?|terrorists?|forces|police|personnel|khwarij|khawarij)\b/i.test(
                clause.text,
              )
                ? 'attack_on_civilians'
                : 'armed_clash';

          // When.
          const mentions = datesFor(mod === 'future' ? 'future' : tense);
          const dm = dateForTrigger(mentions, clause.start, clause.end, at);
          let date: string | null = null;
          let precision: 1 | 2 | 3 | null = null;
          let explicit = false;
          if (dm) {
            date = dm.date;
            precision = dm.precision;
            explicit = dm.date !== null;
          } else if (mod === 'future') {
            // A scheduled event without a day stays undated.
          } else if (tense === 'ongoing') {
            precision = PRESENT_PERFECT.test(clause.text) ? 3 : null;
          } else if (lastExplicit && si - lastExplicit.sentence <= MAX_INHERIT_SENTENCES) {
            date = lastExplicit.date;
            precision = lastExplicit.precision;
          } else if (article.published) {
            // Undated past-tense news is usually about the day before publication or the same day.
            date = article.published;
            precision = 2;
          }

          // Where.
          const clauseMentions = placeMentions.filter(
            (m) => m.start >= clause.start && m.end <= clause.end,
          );
          const located = locate(
            {
              type,
              clauseMentions,
              sentenceMentions: placeMentions,
              triggerAt: at,
              sentence: text,
            },
            gazetteer,
          );
          let location = located.location;
          let how: DraftEvent['locationHow'] = located.how;
          if (
            !location &&
            isViolent(type) &&
            lastViolentPlace &&
            si - lastViolentPlace.sentence <= 2 &&
            sentence.start <= lastViolentPlace.paragraphEnd
          ) {
            location = lastViolentPlace.location;
            how = 'context';
          }
          if (!location && datelinePlace && mod !== 'future' && isViolent(type)) {
            location = datelinePlace;
            how = 'dateline';
          }

          // Who: actors in the clause, each given to the nearest trigger of the clause.
          const actorMentions = findActors(clause.text, location?.country ?? null).map((a) => ({
            ...a,
            start: a.start + clause.start,
            end: a.end + clause.start,
          }));
          const mine = actorMentions.filter(
            (a) => nearestTrigger(a, triggers, clause.start) === trig,
          );
          const actors = uniqueActors(
            mine.length > 0 ? mine : triggers.length === 1 ? actorMentions : [],
          );

          // How many died: figures nearest to this trigger among the sentence's violent triggers.
          const claims = isViolent(type)
            ? fatalities
                .filter((f) => {
                  const owner = nearestViolent(f.start, allTriggers);
                  return owner === null || owner === trig;
                })
                .map((f) => ({ count: f.count, source }))
            : [];

          drafts.push({
            type,
            weak: trig.weak,
            date,
            precision,
            dateExplicit: explicit,
            location,
            locationHow: how,
            actors,
            claims,
            sentence: {
              text: article.body.slice(sentence.start, sentence.end),
              start: sentence.start,
              end: sentence.end,
            },
            hedged,
            future: mod === 'future',
            mentions: 1,
          });
          if (location && isViolent(type) && how !== 'context') {
            lastViolentPlace = {
              location,
              sentence: si,
              paragraphEnd: paragraphEnd(body, sentence.end),
            };
          }
        }
      }
    }
    const precise = (
      triggerCount > 0 ? datesFor('past') : findDates(text, article.published, 'past')
    ).filter((d) => d.date !== null && d.precision === 1);
    const last = precise[precise.length - 1];
    if (last?.date) lastExplicit = { date: last.date, precision: 1, sentence: si };
  });

  return mergeDrafts(drafts).map((d) => toCodedEvent(d, article));
}

function nearestTrigger(a: ActorMention, triggers: Trigger[], clauseStart: number): Trigger | null {
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

function nearestViolent(at: number, all: { t: Trigger; clause: Span }[]): Trigger | null {
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

function paragraphEnd(body: string, from: number): number {
  const i = body.indexOf('\n\n', from);
  return i < 0 ? body.length : i;
}

function datelineLocation(dateline: string | null, gazetteer: Gazetteer): CodedLocation | null {
  if (!dateline) return null;
  const name = dateline.split(',')[0] ?? '';
  const found = gazetteer.lookup(foldName(name))[0];
  return found ? toLocation(found) : null;
}

function toCodedEvent(d: DraftEvent, article: Article): CodedEvent {
  const claims = mergeClaims(d.claims);
  return {
    type: d.type,
    acled: acledCode(d.type),
    date: d.date,
    time_precision: d.precision,
    location: d.location,
    actors: d.actors,
    fatalities: conservativeCount(claims),
    fatality_claims: claims,
    evidence: { sentence: d.sentence.text, start: d.sentence.start, end: d.sentence.end },
    confidence: confidenceOf(d),
    article: { url: article.url, headline: article.headline, published: article.published },
  };
}

export type { PlaceMention };
