// Codes one article into events. Stages, one function each: read a sentence (sentence-context.ts:
// clauses, triggers, places, figures); for each trigger weigh its modality and type (event-type.ts)
// and ask the skip rules (skip-rules/) whether it is a new event; date it (when.ts), place it
// (where.ts), name its actors and figures (who.ts); after the sentence, update the article's memory
// (follow-ups.ts, article-memory.ts). Mentions of one event are merged at the end (merge.ts).
import { acledCode } from '../../core/taxonomy.js';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import type { PlaceMention } from '../geo/place-mentions.js';
import { splitSentences, type Span } from '../text/sentences.js';
import { normalizeSameLength } from '../text/fold.js';
import type { Article, CodedEvent, CodedLocation } from '../types.js';
import { withoutGenericArmed } from './actors.js';
import { newArticleMemory, startNewStory, type ArticleMemory } from './article-memory.js';
import { confidenceFeatures, confidenceOf } from './confidence.js';
import { tenseOf } from './dates.js';
import { finalType } from './event-type.js';
import { mergeClaims } from './fatalities.js';
import { afterSentence } from './follow-ups.js';
import { otherPlaces } from './further-places.js';
import { isViolent, mergeDrafts, type DraftEvent } from './merge.js';
import { modality } from './negation.js';
import { readSentence, type SentenceContext, type TriggerContext } from './sentence-context.js';
import { ACCIDENT } from './skip-rules/accidental-explosion.js';
import { withoutScheduled } from './scheduled.js';
import { firstSkip } from './skip-rules/index.js';
import type { Trigger } from './triggers.js';
import { dateOfEvent } from './when.js';
import { datelineLocation, placeOfEvent, STRATEGIC_SHARED } from './where.js';
import { actorsOfEvent, claimsOfEvent } from './who.js';

export interface CoderOptions {
  gazetteer?: Gazetteer;
}

// "Tank: Two soldiers were martyred ...": a place label opening an item of a roundup.
const ROUNDUP_ITEM = /^[A-Z][\p{L}.' -]{1,30}:\s+\S/u;

interface ArticleRun {
  article: Article;
  body: string;
  memory: ArticleMemory;
  gazetteer: Gazetteer;
  datelinePlace: CodedLocation | null;
  /** "police said it was an accident, not a terrorist attack": an accidental explosion is no event. */
  accidental: boolean;
  drafts: DraftEvent[];
}

export function codeArticle(article: Article, opts: CoderOptions = {}): CodedEvent[] {
  return codeArticleDrafts(article, opts).map((d) => toCodedEvent(d, article));
}

/** Each coded event with the signals its confidence is computed from (for fitting the weights). */
export function codeArticleExplained(
  article: Article,
  opts: CoderOptions = {},
): { event: CodedEvent; features: number[] }[] {
  return codeArticleDrafts(article, opts).map((d) => ({
    event: toCodedEvent(d, article),
    features: confidenceFeatures(d),
  }));
}

function codeArticleDrafts(article: Article, opts: CoderOptions): DraftEvent[] {
  const gazetteer = (opts.gazetteer ?? loadGazetteer()).forArticle(article);
  const body = normalizeSameLength(article.body);
  const run: ArticleRun = {
    article,
    body,
    memory: newArticleMemory(),
    gazetteer,
    datelinePlace: datelineLocation(article.dateline, gazetteer),
    accidental: ACCIDENT.test(body),
    drafts: [],
  };
  splitSentences(body).forEach((span, index) => codeSentence(run, span, index));
  return withoutScheduled(agreementsWhereTalksWere(mergeDrafts(run.drafts)));
}

/**
 * "The leaders of Cambodia and Thailand agreed to a ceasefire on Monday ... held talks in Malaysia": an
 * agreement placed only by a country the sentence names (a party) was reached where the talks of that
 * day were (testdata/news-eval/README.md: "an agreement signed in Doha is QA").
 */
function agreementsWhereTalksWere(drafts: DraftEvent[]): DraftEvent[] {
  for (const deal of drafts) {
    if (deal.type !== 'ceasefire_agreement' || deal.future) continue;
    const loc = deal.location;
    if (loc !== null && !(loc.geo_precision === 3 && loc.admin1 === null)) continue;
    const talks = drafts.find(
      (t) =>
        t.type === 'talks' &&
        !t.future &&
        t.location !== null &&
        t.location.country !== null &&
        t.location.country !== loc?.country &&
        (t.date === null || deal.date === null || t.date === deal.date),
    );
    if (talks?.location) {
      deal.location = talks.location;
      deal.locationHow = talks.locationHow;
    }
  }
  return drafts;
}

function codeSentence(run: ArticleRun, span: Span, index: number): void {
  const { body, memory } = run;
  if (ROUNDUP_ITEM.test(span.text) && (span.start === 0 || body[span.start - 1] === '\n'))
    startNewStory(memory);
  const s = readSentence(span, index, run.article, memory, run.gazetteer);
  for (const { clause, triggers } of s.clauses) {
    const tense = tenseOf(clause.text);
    for (const trig of triggers) codeTrigger(run, s, clause, triggers, trig, tense);
  }
  afterSentence(s, memory, run.gazetteer);
}

function codeTrigger(
  run: ArticleRun,
  s: SentenceContext,
  clause: Span,
  triggers: Trigger[],
  trig: Trigger,
  tense: ReturnType<typeof tenseOf>,
): void {
  const mod = modality(
    clause.text,
    trig.start,
    trig.end,
    trig.futureOk,
    trig.weak || isViolent(trig.type),
  );
  const ctx: TriggerContext = {
    article: run.article,
    body: run.body,
    sentence: s,
    clause,
    triggers,
    trig,
    type: finalType(trig, clause.text, s.text),
    mod,
    tense,
    at: clause.start + trig.start,
    memory: run.memory,
    accidental: run.accidental,
  };
  if (firstSkip('trigger', ctx, null)) return;
  const when = dateOfEvent(ctx);
  if (firstSkip('dated', ctx, when)) return;
  run.memory.coded.add(ctx.type);
  const place = placeOfEvent(ctx, when, run.datelinePlace, run.gazetteer);
  // "India launched Operation Sindoor": the operation struck its target country, not the places of
  // the shelling the sentence reports in response.
  if (trig.country !== undefined && place.location?.country !== trig.country) {
    place.location = run.gazetteer.country(trig.country) ?? null;
    place.how = 'sentence';
    place.clauseMentions = [];
  }
  const actors = actorsOfEvent(ctx, place.location?.country ?? null);
  const base: DraftEvent = {
    type: ctx.type,
    weak: trig.weak,
    date: when.date,
    precision: when.precision,
    dateExplicit: when.explicit,
    location: place.location,
    locationHow: place.how,
    actors,
    claims: claimsOfEvent(ctx),
    sentence: {
      text: run.article.body.slice(s.span.start, s.span.end),
      start: s.span.start,
      end: s.span.end,
    },
    hedged: s.hedged,
    future: mod === 'future',
    mentions: 1,
  };
  run.drafts.push(base);
  const { memory } = run;
  // A named operation in a subordinate clause ("hours after India launched Operation Sindoor") is
  // not what "the shelling" of the next sentence refers back to.
  if (isViolent(ctx.type) && !base.future && trig.country === undefined)
    memory.lastViolent = { draft: base, sentence: s.index };
  if (ctx.type === 'ceasefire_agreement' && !base.future)
    memory.lastAgreement = { draft: base, sentence: s.index };
  // "at posts in Kurram and near Angoor Adda": one event per distinct place, as ACLED codes them.
  if (isViolent(ctx.type) || ctx.type === 'arrest') {
    for (const extra of otherPlaces(place.clauseMentions, place.location, s.text))
      run.drafts.push({
        ...base,
        location: extra,
        locationHow: 'clause',
        claims: [],
        actors: [...actors],
      });
  }
  // Nor is the operation's target country where the story's later violence is.
  if (
    place.location &&
    isViolent(ctx.type) &&
    place.how !== 'context' &&
    trig.country === undefined
  )
    memory.lastViolentPlace = { location: place.location, sentence: s.index };
  if (place.location && STRATEGIC_SHARED.has(ctx.type) && mod !== 'future')
    memory.lastStrategic = {
      location: place.location,
      date: when.date,
      precision: when.precision,
      sentence: s.index,
    };
}

function toCodedEvent(d: DraftEvent, article: Article): CodedEvent {
  const { claims, conservative } = mergeClaims(d.claims);
  return {
    type: d.type,
    acled: acledCode(d.type),
    date: d.date,
    time_precision: d.precision,
    location: d.location,
    actors: withoutGenericArmed(d.actors),
    fatalities: conservative,
    fatality_claims: claims,
    evidence: { sentence: d.sentence.text, start: d.sentence.start, end: d.sentence.end },
    confidence: confidenceOf(d),
    article: { url: article.url, headline: article.headline, published: article.published },
  };
}

export type { PlaceMention };
