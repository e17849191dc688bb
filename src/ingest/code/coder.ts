// Codes one article into events: sentences → clauses → triggers, each checked for negation and
// modality, then given a date, a place, actors and fatality claims; mentions of one event are merged.
import { acledCode, type EventType } from '../../core/taxonomy.js';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { findPlaceMentions, type PlaceMention } from '../geo/place-mentions.js';
import { splitClauses, splitSentences, type Span } from '../text/sentences.js';
import { normalizeSameLength, foldName } from '../text/fold.js';
import type { Article, CodedEvent, CodedLocation } from '../types.js';
import { findActors, uniqueActors, withoutGenericArmed, type ActorMention } from './actors.js';
import { confidenceOf } from './confidence.js';
import { dateForTrigger, findDates, tenseOf, type DateMention, type Tense } from './dates.js';
import { findFatalities, mergeClaims, sourceOf, type GroupClaim } from './fatalities.js';
import { isViolent, mergeDrafts, type DraftEvent } from './merge.js';
import { isHedged, modality } from './negation.js';
import { findTriggers, type Trigger } from './triggers.js';
import { locate, toLocation } from './locate.js';
import { distanceKm } from '../geo/distance.js';

export interface CoderOptions {
  gazetteer?: Gazetteer;
}

const CIVILIAN_VICTIMS =
  /\b(?:civilians?|villagers|passengers|labou?rers|workers|women|children|worshippers|students|journalists?|polio|teachers|shopkeepers|traders|elders?|family|families|residents|pedestrians|bystanders|shepherds?|herders?|farmers?|drivers?|tribesm[ae]n|boys?|girls?|(?:a|an) (?:\w+ )?(?:man|woman|youth))\b/i;
const PRESENT_PERFECT =
  /\b(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|been|caused|become|killed|left|seen|brought|hit|struck|ground|taken|fled)\b/i;
const MAX_INHERIT_SENTENCES = 2;
// Explosions the authorities put down to an accident (ACLED codes no event for them).
const ACCIDENT =
  /\b(?:was|were|as) (?:an |a )?(?:accident|accidental)\b|\baccidental (?:explosion|blast|detonation)\b|\bnot (?:a |an )?(?:terrorist |militant )?(?:attack|act of terrorism|sabotage)\b|\bruled out (?:terrorism|sabotage|a terrorist attack)\b/i;
const ACCIDENT_CAUSE =
  /\b(?:gas (?:cylinder|leak|pipeline leak)|cylinder (?:blast|explosion)|boiler|short[- ]circuit|transformer)\b/i;
const FRESH_PERFECT =
  /\b(?:has|have) been (?:killed|martyred|injured|wounded|shot dead|gunned down|abducted|kidnapped)\b|\b(?:has|have) (?:killed|martyred|shot dead|gunned down)\b/i;
// "have been killed since January", "for years": a tally or a pattern, not one day's news.
const HABITUAL =
  /\bsince\b|\bfor (?:years|months|weeks|decades)\b|\brepeatedly\b|\bover the (?:past|last)\b|\bin recent\b|\bthis year\b|\bso far\b|\bto date\b/i;
// "arrested suspects in a raid", "wanted in the killing of": the weak word belongs to this event.
const EXPLAINS_WEAK: ReadonlySet<EventType> = new Set([
  'arrest',
  'abduction',
  'access_denied',
  'protest',
  'property_destruction',
]);
const SECURITY_OR_MILITANT =
  /\b(?:soldiers?|troops|militants?|terrorists?|forces|police|personnel|khwarij|khawarij)\b/i;
const SECURITY_VICTIMS =
  /\b(?:policem[ae]n|police officers?|police|soldiers?|troops|personnel|FC|Levies|guards?|officers?)\b/i;
// Types a news report dates implicitly (the day of the report or the day before) when it gives no date.
const NEWS_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  'arrest',
  'abduction',
  'property_destruction',
  'protest',
  'riot',
  'access_denied',
  'refugee_movement',
  'border_closure',
  'border_reopening',
  'crossing_restriction',
  'trade_disruption',
]);
// "Tank: Two soldiers were martyred ...": a place label opening an item of a roundup.
const ROUNDUP_ITEM = /^[A-Z][\p{L}.' -]{1,30}:\s+\S/u;
// "the continued closure", "the ongoing blockade": a condition, dated by its start elsewhere.
const CONTINUING =
  /\b(?:continued|continuing|ongoing|prolonged|protracted|extended|months-long|weeks-long|indefinite)\s+(?:[\w-]+\s+)?$/i;

function continuing(clause: string, triggerStart: number): boolean {
  return CONTINUING.test(clause.slice(Math.max(0, triggerStart - 30), triggerStart));
}

const SECURITY_DEAD =
  /\b(?:policem[ae]n|police officers?|constables?|soldiers?|troops|personnel|FC|Levies|guards?)\b[^.]{0,60}?\b(?:martyred|martyrdom|shahadat|killed|died|lost their lives)\b/i;
const CROWD = /\b(?:protesters|demonstrators|rioters|mobs?|crowds?)\b/i;
// "The crossing has reopened", "police have arrested": a change just reported, dated by the report.
const PUNCTUAL_PERFECT =
  /\b(?:has|have)\s+(?:now\s+|again\s+|also\s+)?(?:re-?opened|opened|closed|shut|sealed|arrested|detained|resumed|suspended|halted|lifted|announced|signed|launched|imposed)\b/i;
const CLAIMED =
  /\bclaim(?:ed|s|ing)? (?:(?:the )?responsibility|the (?:attack|attacks|killings?|bombing|blast|assault|ambush))\b/i;
const UNCLAIMED =
  /\b(?:no one|nobody|no group|no organi[sz]ation|none|not|yet to|never)\b[^.]{0,40}\bclaim/i;
const THE_ATTACKERS =
  /(?:^|\b(?:the|they)\s+)(?:attackers|assailants|gunmen|militants|terrorists|bombers?|they)\b(?:\s+\w+){0,2}\s*$/i;
// "The operation was conducted on Thursday in the Tirah valley": a sentence about the event just
// reported that gives its day or place.
const ABOUT_LAST =
  /^(?:The|This|That)\s+(?:[\w-]+\s+)?(?:operation|attack|clash(?:es)?|raid|ambush|strikes?|blast|explosion|bombing|assault|fighting|incident)\b/;
const DEFINITE_BEFORE = /\b(?:the|this|that|these|those|such an?|alleged)\s+(?:[\w-]+\s+)?$/i;
const DEATH_WORDS =
  /\b(?:kill|dead|death|died|martyr|lives|life|shahadat|martyrdom|toll|slain|perished|bodies|casualt|fatalit|succumb|no one|nobody)/i;
const BORDER_DEVELOPMENTS: ReadonlySet<EventType> = new Set([
  'border_closure',
  'border_reopening',
  'crossing_restriction',
  'trade_disruption',
]);
const STRATEGIC_SHARED: ReadonlySet<EventType> = new Set(['talks', 'ceasefire_agreement']);

// Types with a fatality count besides violence.
const COUNTED_TYPES: ReadonlySet<EventType> = new Set([
  'property_destruction',
  'abduction',
  'riot',
]);

export function codeArticle(article: Article, opts: CoderOptions = {}): CodedEvent[] {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const body = normalizeSameLength(article.body);
  const sentences = splitSentences(body);
  const drafts: DraftEvent[] = [];
  let lastExplicit: { date: string; precision: 1 | 2 | 3; sentence: number } | null = null;
  // The article's last dated event, however far back: "ten days later" counts from it.
  let anchor: string | null = null;
  let lastViolentPlace: { location: CodedLocation; sentence: number } | null = null;
  let lastCrossing: CodedLocation | null = null;
  // Types the article denied or refuted, and types it coded: "the clash" after a refuted clash is that one.
  const refuted = new Set<EventType>();
  const coded = new Set<EventType>();
  let lastStrategic: {
    location: CodedLocation;
    date: string | null;
    precision: 1 | 2 | 3 | null;
    sentence: number;
  } | null = null;
  // The last violent event coded, for figures given in a later sentence ("Two soldiers also died.").
  let lastViolent: { draft: DraftEvent; sentence: number } | null = null;
  const datelinePlace = datelineLocation(article.dateline, gazetteer);
  // "police said it was an accident, not a terrorist attack": an accidental explosion is no event.
  const accidental = ACCIDENT.test(body);

  sentences.forEach((sentence, si) => {
    const text = sentence.text;
    // A roundup item ("Tank: Two soldiers were ...") starts a new story: nothing carries over into it.
    if (ROUNDUP_ITEM.test(text) && (sentence.start === 0 || body[sentence.start - 1] === '\n')) {
      lastExplicit = null;
      lastViolentPlace = null;
      lastViolent = null;
    }
    const clauses = splitClauses({ text, start: 0, end: text.length });
    let perClause: { clause: Span; triggers: Trigger[] }[] = clauses.map((clause) => ({
      clause,
      triggers: findTriggers(clause.text),
    }));
    const anyStrongViolent = perClause.some((c) =>
      c.triggers.some((t) => !t.weak && (isViolent(t.type) || EXPLAINS_WEAK.has(t.type))),
    );
    // Weak triggers ("killed", "blast") only stand in when nothing more specific names the event;
    // a weapon named after "with" belongs to the attack it is used in.
    perClause = perClause.map((c) => ({
      clause: c.clause,
      triggers: c.triggers.filter(
        (t) => (!t.weak || !anyStrongViolent) && !isInstrument(c.clause.text, t, c.triggers),
      ),
    }));
    const triggerCount = perClause.reduce((n, c) => n + c.triggers.length, 0);
    // Places are needed for events, and for remembering the crossing a later "the crossing" refers to.
    const placeMentions =
      triggerCount > 0 || /\b(?:crossing|gate|border)\b/i.test(text)
        ? findPlaceMentions(text, gazetteer)
        : [];
    // Several triggers of a sentence look up the same clauses' actors.
    const actorCache = new Map<string, ActorMention[]>();
    const actorsIn = (clauseText: string, country: string | null): ActorMention[] => {
      const key = `${country ?? ''}\u0000${clauseText}`;
      let found = actorCache.get(key);
      if (!found) {
        found = findActors(clauseText, country);
        actorCache.set(key, found);
      }
      return found;
    };
    const dateCache = new Map<Tense, DateMention[]>();
    const datesFor = (tense: Tense): DateMention[] => {
      let d = dateCache.get(tense);
      if (!d) {
        d = findDates(text, article.published, tense, anchor);
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
          if (mod !== 'fact' && mod !== 'future') {
            if (mod === 'negated') refuted.add(trig.type);
            continue;
          }
          const at = clause.start + trig.start;
          const type = finalType(trig, clause.text, text);
          if (
            (type === 'ied' || (trig.weak && /\b(?:explosions?|blasts?|exploded)\b/i.test(text))) &&
            (accidental || ACCIDENT_CAUSE.test(text))
          )
            continue;
          // "A video shared as proof of the clash": "the clash" points back at the refuted one.
          if (
            refuted.has(trig.type) &&
            !coded.has(trig.type) &&
            DEFINITE_BEFORE.test(clause.text.slice(Math.max(0, trig.start - 20), trig.start))
          )
            continue;
          // "claimed responsibility for the attack", "during the intense exchange of fire": a definite
          // reference with no day or place of its own is the event just reported, not a new one.
          if (
            lastViolent !== null &&
            (isViolent(type) || trig.weak) &&
            DEFINITE_BEFORE.test(clause.text.slice(Math.max(0, trig.start - 20), trig.start)) &&
            !ownDateOrPlace(clause, placeMentions, datesFor(tense))
          ) {
            // Its figures ("Sepoy X ... embraced shahadat") still count for that event.
            for (const f of fatalities)
              if (nearestViolent(f.start, allTriggers) === trig)
                lastViolent.draft.claims.push({
                  count: f.count,
                  source,
                  group: f.group,
                  latest: f.latest,
                });
            continue;
          }
          // "The attackers also set fire to a vehicle": what the attackers just named did is part of
          // their attack.
          if (
            lastViolent !== null &&
            si - lastViolent.sentence <= MAX_INHERIT_SENTENCES &&
            !isViolent(type) &&
            THE_ATTACKERS.test(clause.text.slice(0, trig.start))
          ) {
            continue;
          }
          coded.add(type);
          const evidence = {
            text: article.body.slice(sentence.start, sentence.end),
            start: sentence.start,
            end: sentence.end,
          };

          // When.
          const mentions = datesFor(mod === 'future' ? 'future' : tense);
          const dm = dateForTrigger(mentions, clause.start, clause.end, at, text);
          let date: string | null = null;
          let precision: 1 | 2 | 3 | null = null;
          let explicit = false;
          if (continuing(clause.text, trig.start)) {
            // "against the continued closure": a condition that started earlier, not a new event.
          } else if (dm) {
            date = dm.date;
            precision = dm.precision;
            explicit = dm.date !== null;
            // "agreed in Doha in October": a past month without a day is background, not a dated event.
            if (
              dm.precision === 3 &&
              dm.date !== null &&
              mod !== 'future' &&
              article.published !== null &&
              dm.date.slice(0, 7) < article.published.slice(0, 7)
            ) {
              date = null;
              explicit = false;
            }
          } else if (mod === 'future') {
            // A scheduled event without a day stays undated.
          } else if (
            tense === 'ongoing' &&
            article.published &&
            NEWS_EVENT_TYPES.has(type) &&
            PUNCTUAL_PERFECT.test(clause.text)
          ) {
            date = article.published;
            precision = 2;
          } else if (
            tense === 'ongoing' &&
            article.published &&
            isViolent(type) &&
            FRESH_PERFECT.test(clause.text) &&
            !HABITUAL.test(text)
          ) {
            // "Three soldiers have been martyred in an attack": news of the day, dated by the report.
            date = article.published;
            precision = 2;
          } else if (tense === 'ongoing') {
            precision = PRESENT_PERFECT.test(clause.text) ? 3 : null;
          } else if (lastExplicit && si - lastExplicit.sentence <= MAX_INHERIT_SENTENCES) {
            date = lastExplicit.date;
            precision = lastExplicit.precision;
          } else if (article.published && (isViolent(type) || NEWS_EVENT_TYPES.has(type))) {
            // Undated past-tense news is about the day of the report or the day before.
            date = article.published;
            precision = 2;
          }

          // Where.
          const clauseMentions = placeMentions.filter(
            (m) => m.start >= clause.start && m.end <= clause.end,
          );
          const crossingHere = [...placeMentions]
            .reverse()
            .find((m) => m.start < at && m.places[0]?.kind === 'crossing');
          const located = locate(
            {
              type,
              clauseMentions,
              sentenceMentions: placeMentions,
              triggerAt: at,
              sentence: text,
              lastCrossing: crossingHere?.places[0]
                ? toLocation(crossingHere.places[0])
                : lastCrossing,
            },
            gazetteer,
          );
          let location = located.location;
          let how: DraftEvent['locationHow'] = located.how;
          // "Families were displaced by the shelling": people flee from where the violence was.
          if (
            !location &&
            (isViolent(type) || type === 'displacement') &&
            lastViolentPlace &&
            si - lastViolentPlace.sentence <= MAX_INHERIT_SENTENCES
          ) {
            location = lastViolentPlace.location;
            how = 'context';
          }
          // "The parties agreed to continue the ceasefire": where (and when) the talks just named were.
          if (
            STRATEGIC_SHARED.has(type) &&
            mod !== 'future' &&
            lastStrategic &&
            si - lastStrategic.sentence <= MAX_INHERIT_SENTENCES
          ) {
            if (!location) {
              location = lastStrategic.location;
              how = 'context';
            }
            if (date === null && lastStrategic.date !== null) {
              date = lastStrategic.date;
              precision = lastStrategic.precision;
            }
          }
          // "Traders say 800 trucks are stranded": a border development with no place is at the
          // crossing the article named last.
          if (!location && BORDER_DEVELOPMENTS.has(type) && lastCrossing) {
            location = lastCrossing;
            how = 'context';
          }
          // The dateline of local press names the locality; talks and agreements happen elsewhere.
          if (!location && datelinePlace && mod !== 'future' && !STRATEGIC_SHARED.has(type)) {
            location = datelinePlace;
            how = 'dateline';
          }

          // Who: actors in the clause, each given to the nearest trigger of the clause; then the
          // sentence's subject ("BLA militants stormed the complex, triggering a gunfight") from
          // clauses that report no event of their own.
          const actorMentions = actorsIn(clause.text, location?.country ?? null).map((a) => ({
            ...a,
            start: a.start + clause.start,
            end: a.end + clause.start,
          }));
          const mine = actorMentions.filter(
            (a) => nearestTrigger(a, triggers, clause.start) === trig,
          );
          // Talks and agreements are between all the parties the clause names.
          const own = STRATEGIC_SHARED.has(type)
            ? actorMentions
            : mine.length > 0
              ? mine
              : triggers.length === 1
                ? actorMentions
                : [];
          const borrowed: ActorMention[] = [];
          const eventClauses = perClause.filter((c) => c.triggers.length > 0).length;
          for (const other of perClause) {
            if (other.triggers.length > 0 || other.clause === clause) continue;
            if (other.clause.start > clause.start && eventClauses > 1) continue;
            for (const a of actorsIn(other.clause.text, location?.country ?? null))
              borrowed.push({
                ...a,
                start: a.start + other.clause.start,
                end: a.end + other.clause.start,
              });
          }
          const actors = uniqueActors([...own, ...borrowed]);

          // How many died: figures nearest to this trigger among the sentence's violent triggers.
          const claims: GroupClaim[] =
            isViolent(type) || COUNTED_TYPES.has(type)
              ? fatalities
                  .filter((f) => {
                    const owner = nearestViolent(f.start, allTriggers);
                    return owner === null || owner === trig;
                  })
                  .map((f) => ({ count: f.count, source, group: f.group, latest: f.latest }))
              : [];

          const base: DraftEvent = {
            type,
            weak: trig.weak,
            date,
            precision,
            dateExplicit: explicit,
            location,
            locationHow: how,
            actors,
            claims,
            sentence: evidence,
            hedged,
            future: mod === 'future',
            mentions: 1,
          };
          drafts.push(base);
          if (isViolent(type) && !base.future) lastViolent = { draft: base, sentence: si };
          // "at posts in Kurram and near Angoor Adda": one event per distinct place, as ACLED codes them.
          if (isViolent(type) || type === 'arrest') {
            for (const extra of otherPlaces(clauseMentions, location, text)) {
              drafts.push({
                ...base,
                location: extra,
                locationHow: 'clause',
                claims: [],
                actors: [...actors],
              });
            }
          }
          if (location && isViolent(type) && how !== 'context')
            lastViolentPlace = { location, sentence: si };
          if (location && STRATEGIC_SHARED.has(type) && mod !== 'future')
            lastStrategic = { location, date, precision, sentence: si };
        }
      }
    }
    if (lastViolent && si - lastViolent.sentence <= 1 && ABOUT_LAST.test(text.trimStart())) {
      refineLast(
        lastViolent.draft,
        text,
        datesFor('past'),
        placeMentions.length > 0 ? placeMentions : findPlaceMentions(text, gazetteer),
      );
    }
    // "The BLF claimed the killings": the claimant is the perpetrator of the event just reported.
    if (
      lastViolent &&
      si - lastViolent.sentence <= MAX_INHERIT_SENTENCES &&
      CLAIMED.test(text) &&
      !UNCLAIMED.test(text)
    ) {
      const draft = lastViolent.draft;
      for (const a of findActors(text, draft.location?.country ?? null, true))
        if (a.actor.inter === 2 && !draft.actors.some((x) => x.name === a.actor.name))
          draft.actors.push(a.actor);
    }
    if (
      triggerCount === 0 &&
      lastViolent &&
      si - lastViolent.sentence <= MAX_INHERIT_SENTENCES &&
      DEATH_WORDS.test(text)
    ) {
      // A figure in a sentence that names no event of its own adds to the event just reported.
      const source = sourceOf(text);
      for (const f of findFatalities(text))
        lastViolent.draft.claims.push({ count: f.count, source, group: f.group, latest: f.latest });
    }
    for (const m of placeMentions) {
      if (m.places[0]?.kind === 'crossing') lastCrossing = toLocation(m.places[0]);
    }
    const precise = datesFor('past').filter((d) => d.date !== null && d.precision === 1);
    const last = precise[precise.length - 1];
    if (last?.date) {
      lastExplicit = { date: last.date, precision: 1, sentence: si };
      anchor = last.date;
    }
  });

  return mergeDrafts(drafts).map((d) => toCodedEvent(d, article));
}

/** Gives the event just reported the day and the finer place a sentence about it names. */
function refineLast(
  draft: DraftEvent,
  text: string,
  dates: DateMention[],
  places: PlaceMention[],
): void {
  const firstClause = splitClauses({ text, start: 0, end: text.length })[0];
  const end = firstClause?.end ?? text.length;
  const day = dates.find((d) => d.date !== null && d.precision === 1 && d.end <= end);
  if (day?.date && (!draft.dateExplicit || draft.precision !== 1)) {
    draft.date = day.date;
    draft.precision = 1;
    draft.dateExplicit = true;
  }
  const place = places.find((m) => m.end <= end && m.locative && !m.origin && !m.agentive);
  const p = place?.places[0];
  if (p && p.kind !== 'country') {
    const loc = toLocation(p);
    const cur = draft.location;
    if (
      !cur ||
      (cur.country === loc.country &&
        loc.geo_precision <= cur.geo_precision &&
        cur.geo_precision >= 2)
    ) {
      draft.location = loc;
    }
  }
}

/** True when a clause names a day or a place (not an origin) of its own. */
function ownDateOrPlace(clause: Span, places: PlaceMention[], dates: DateMention[]): boolean {
  const inside = (m: { start: number; end: number }): boolean =>
    m.start >= clause.start && m.end <= clause.end;
  return (
    dates.some((d) => inside(d) && d.date !== null) ||
    places.some((m) => inside(m) && m.locative && !m.origin && m.places[0]?.kind !== 'country')
  );
}

/** The type a trigger codes: weak "killed" mentions take it from the victims. */
function finalType(trig: Trigger, clause: string, sentence: string): EventType {
  let type: EventType = trig.type;
  if (trig.weak && trig.type === 'armed_clash') {
    type =
      CIVILIAN_VICTIMS.test(clause) && !SECURITY_OR_MILITANT.test(clause)
        ? 'attack_on_civilians'
        : 'armed_clash';
  }
  // Gunmen shooting policemen is a clash with state forces, not violence against civilians.
  if (
    type === 'attack_on_civilians' &&
    SECURITY_VICTIMS.test(trig.text + clause.slice(trig.end, trig.end + 40)) &&
    !CIVILIAN_VICTIMS.test(trig.text)
  ) {
    type = 'armed_clash';
  }
  // "Two FC personnel embraced martyrdom when armed men opened fire on their vehicle": the victims
  // named anywhere in the sentence are state forces and no civilians.
  if (
    type === 'attack_on_civilians' &&
    SECURITY_DEAD.test(sentence) &&
    !CIVILIAN_VICTIMS.test(sentence)
  ) {
    type = 'armed_clash';
  }
  // "five people were killed when a blast ripped through a market": deaths from an explosion with no
  // fighting named are a bombing (ACLED: remote explosive), not a clash.
  if (
    trig.weak &&
    type === 'armed_clash' &&
    /\b(?:blasts?|explosions?|explosives?|bombs?)\b/i.test(sentence) &&
    !/\b(?:clash\w*|exchange of fire|gunfight|gun battle|firing|opened fire|fired|shot|gunmen|ambush\w*|attack\w*|raid\w*|operation)\b/i.test(
      sentence,
    )
  )
    type = 'ied';
  // "Protesters and police clashed": a clash with a crowd is a riot.
  if (type === 'armed_clash' && CROWD.test(clause)) type = 'riot';
  return type;
}

/** "attacked the police station with heavy weapons and hand grenades": the grenade is the weapon of the attack. */
function isInstrument(clause: string, t: Trigger, all: Trigger[]): boolean {
  if (!/\bwith\s+(?:[\w-]+\s+){0,4}$/i.test(clause.slice(Math.max(0, t.start - 50), t.start)))
    return false;
  return all.some((o) => o !== t && !o.weak && isViolent(o.type) && o.start < t.start);
}

/** Further locative places in a clause, distinct from (not inside, not within 25 km of) the chosen one. */
function otherPlaces(
  mentions: PlaceMention[],
  chosen: CodedLocation | null,
  text: string,
): CodedLocation[] {
  if (!chosen) return [];
  const out: CodedLocation[] = [];
  const anchor = mentions.find((m) => m.places[0]?.name === chosen.name);
  if (!anchor) return [];
  // Only places coordinated with the chosen one, directly or along a list ("in Kurram and near
  // Angoor Adda", "the provinces of Kunar, Nangarhar and Khost").
  const chain: PlaceMention[] = [anchor];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const p = m.places[0];
    if (m === anchor || !chain.some((c) => coordinated(c, m, text))) continue;
    if (!p || m.agentive || m.origin || p.kind === 'country' || p.kind === 'line') continue;
    chain.push(m);
    const loc = toLocation(p);
    if ([chosen, ...out].some((k) => related(k, loc))) continue;
    out.push(loc);
  }
  return out;
}

function coordinated(a: PlaceMention, b: PlaceMention, text: string): boolean {
  const gap = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return /^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:(?:at|in|near|on|around)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(
    gap,
  );
}

function related(a: CodedLocation, b: CodedLocation): boolean {
  if (a.name === b.name || distanceKm(a.lat, a.lon, b.lat, b.lon) <= 25) return true;
  const [coarse, fine] = a.geo_precision >= b.geo_precision ? [a, b] : [b, a];
  if (coarse.geo_precision < 3) return false;
  return coarse.admin2 !== null
    ? coarse.admin2 === fine.admin2
    : coarse.admin1 !== null && coarse.admin1 === fine.admin1;
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

function datelineLocation(dateline: string | null, gazetteer: Gazetteer): CodedLocation | null {
  if (!dateline) return null;
  const name = dateline.split(',')[0] ?? '';
  // Reporters file from capitals: "ISLAMABAD (Reuters) -" says nothing about where fighting was.
  if (/^(?:islamabad|kabul)$/i.test(name.trim())) return null;
  const found = gazetteer.lookup(foldName(name))[0];
  return found ? toLocation(found) : null;
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
