// What a sentence adds to the event just reported, and to the article's memory, once its own events
// are coded: "The operation was conducted on Thursday in the Tirah valley" gives that event its day and
// place, "The BLF claimed the killings" its perpetrator, "Two soldiers also died." its figures.
import type { Gazetteer } from '../geo/gazetteer.js';
import { findPlaceMentions, type PlaceMention } from '../geo/place-mentions.js';
import { splitClauses } from '../text/sentences.js';
import { findActors } from './actors.js';
import { stillRecent, type ArticleMemory } from './article-memory.js';
import type { DateMention } from './dates.js';
import { findFatalities, sourceOf } from './fatalities.js';
import { toLocation } from './locate.js';
import type { DraftEvent } from './merge.js';
import type { SentenceContext } from './sentence-context.js';
import { isTallySentence } from './skip-rules/tally.js';

// "The operation was conducted on Thursday in the Tirah valley": a sentence about the event just
// reported that gives its day or place.
const ABOUT_LAST =
  /^(?:The|This|That)\s+(?:[\w-]+\s+)?(?:operation|attack|clash(?:es)?|raid|ambush|strikes?|blast|explosion|bombing|assault|fighting|incident)\b/;
const CLAIMED =
  /\bclaim(?:ed|s|ing)? (?:(?:the )?responsibility|the (?:attack|attacks|killings?|bombing|blast|assault|ambush))\b/i;
const UNCLAIMED =
  /\b(?:no one|nobody|no group|no organi[sz]ation|none|not|yet to|never)\b[^.]{0,40}\bclaim/i;
const DEATH_WORDS =
  /\b(?:kill|dead|death|died|martyr|lives|life|shahadat|martyrdom|toll|slain|perished|bodies|casualt|fatalit|succumb|no one|nobody)/i;

export function afterSentence(
  s: SentenceContext,
  memory: ArticleMemory,
  gazetteer: Gazetteer,
): void {
  const last = memory.lastViolent;
  if (stillRecent(last, s.index, 1) && ABOUT_LAST.test(s.text.trimStart())) {
    refineLast(
      last.draft,
      s.text,
      s.datesFor('past'),
      s.places.length > 0 ? s.places : findPlaceMentions(s.text, gazetteer),
    );
  }
  // "The BLF claimed the killings": the claimant is the perpetrator of the event just reported.
  if (stillRecent(last, s.index) && CLAIMED.test(s.text) && !UNCLAIMED.test(s.text)) {
    const draft = last.draft;
    for (const a of findActors(s.text, draft.location?.country ?? null, true))
      if (a.actor.inter === 2 && !draft.actors.some((x) => x.name === a.actor.name))
        draft.actors.push(a.actor);
  }
  // A figure in a sentence that names no event of its own adds to the event just reported.
  // A tally's figures ("40,000 people have been killed") are the war's, not the event's.
  if (
    s.triggerCount === 0 &&
    stillRecent(last, s.index) &&
    DEATH_WORDS.test(s.text) &&
    !isTallySentence(s.text)
  ) {
    const source = sourceOf(s.text);
    for (const f of findFatalities(s.text))
      last.draft.claims.push({ count: f.count, source, group: f.group, latest: f.latest });
  }
  for (const m of s.places) {
    if (m.places[0]?.kind === 'crossing') memory.lastCrossing = toLocation(m.places[0]);
  }
  const precise = s.datesFor('past').filter((d) => d.date !== null && d.precision === 1);
  const lastDay = precise[precise.length - 1];
  if (lastDay?.date) {
    memory.lastExplicit = { date: lastDay.date, precision: 1, sentence: s.index };
    memory.anchor = lastDay.date;
  }
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
