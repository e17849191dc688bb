// When an event happened: the date the clause names, else what the tense and the article allow —
// "has reopened" is news of the day of the report, a past-tense attack with no date is the day of the
// report, "the continued closure" is a condition with no date, a past month is background.
import type { EventType } from '../../core/taxonomy.js';
import { stillRecent } from './article-memory.js';
import { dateForTrigger, type DateMention } from './dates.js';
import { isViolent } from './merge.js';
import { NEWS_WINDOW_DAYS } from './skip-rules/background-date.js';
import type { TriggerContext } from './sentence-context.js';

export interface EventDate {
  date: string | null;
  precision: 1 | 2 | 3 | null;
  /** True when the sentence named the day. */
  explicit: boolean;
  /** The date mention the event took its date from, when one did. */
  mention: DateMention | null;
  /** A past month without a day ("agreed in Doha in October"): background, not a dated event. */
  pastMonth: boolean;
}

const PRESENT_PERFECT =
  /\b(?:has|have)\s+(?:\w+\s+)?(?:\w+ed|been|caused|become|killed|left|seen|brought|hit|struck|ground|taken|fled)\b/i;
const FRESH_PERFECT =
  /\b(?:has|have) been (?:killed|martyred|injured|wounded|shot dead|gunned down|abducted|kidnapped)\b|\b(?:has|have) (?:killed|martyred|shot dead|gunned down)\b/i;
// "have been killed since January", "for years": a tally or a pattern, not one day's news.
export const HABITUAL =
  /\bsince\b|\bfor (?:years|months|weeks|decades)\b|\brepeatedly\b|\bover the (?:past|last)\b|\bin recent\b|\bthis year\b|\bso far\b|\bto date\b/i;
// "The crossing has reopened", "police have arrested": a change just reported, dated by the report.
const PUNCTUAL_PERFECT =
  /\b(?:has|have)\s+(?:now\s+|again\s+|also\s+)?(?:re-?opened|opened|closed|shut|sealed|arrested|detained|resumed|suspended|halted|lifted|announced|signed|launched|imposed)\b/i;
// "the continued closure", "the ongoing blockade": a condition, dated by its start elsewhere.
const CONTINUING =
  /\b(?:continued|continuing|ongoing|prolonged|protracted|extended|months-long|weeks-long|indefinite)\s+(?:[\w-]+\s+)?$/i;

// Types a news report dates implicitly (the day of the report or the day before) when it gives no date.
export const NEWS_EVENT_TYPES: ReadonlySet<EventType> = new Set([
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

// "remained closed for the third day on Friday", "trucks were stranded on Tuesday": the day is one
// of a condition that stays, not when it began (testdata/news-eval/README.md: "An ongoing condition (a
// crossing that stays shut, trucks stranded) has no date"). "shut since February 21" still dates it.
const STAYS =
  /\b(?:remain(?:s|ed)?|stay(?:s|ed)?|kept)\s+(?:\w+\s+)?(?:closed|shut|sealed|suspended|halted|blocked)\b|\b(?:stranded|stuck)\b|\bfor (?:a|the) (?:\w+ )?(?:consecutive |straight )?(?:day|week)\b|\b(?:enters|entered|entering) (?:its|a) \w+ (?:day|week)\b/i;
const CONDITION_TYPES: ReadonlySet<EventType> = new Set([
  'border_closure',
  'trade_disruption',
  'crossing_restriction',
  'access_denied',
]);
const AGREED_PERFECT =
  /\b(?:has|have)\s+(?:now\s+|also\s+|finally\s+)?(?:agreed|reached|signed|struck|sealed|brokered)\b/i;
const DAY_MS = 86_400_000;
function daysBefore(published: string, date: string): number {
  return (Date.parse(published) - Date.parse(date)) / DAY_MS;
}
const SINCE_BEFORE = /\bsince\s+(?:early |late )?$/i;

function continuing(clause: string, triggerStart: number): boolean {
  return CONTINUING.test(clause.slice(Math.max(0, triggerStart - 30), triggerStart));
}

const BEGAN_FLEEING =
  /\b(?:began|started|begun)\s+(?:to\s+)?(?:flee|fleeing|leave|leaving|evacuate|evacuating)\b/i;

const BEFORE_AGREEMENT =
  /\b(?:prior to|before|ahead of|in the run-up to) the (?:ceasefire|cease-fire|truce|agreement|deal|accord|talks|negotiations)\b/i;

export function dateOfEvent(ctx: TriggerContext): EventDate {
  const { article, clause, trig, mod, tense, type, memory, sentence } = ctx;
  const none: EventDate = {
    date: null,
    precision: null,
    explicit: false,
    mention: null,
    pastMonth: false,
  };
  const mentions = sentence.datesFor(mod === 'future' ? 'future' : tense);
  const published = article.published;
  let dm = dateForTrigger(mentions, clause.start, clause.end, ctx.at, sentence.text);
  // A day after publication belongs to a plan in the sentence ("confirmed the agreement and announced
  // that the next round will take place in Istanbul on October 25"), not to a reported happening.
  if (dm?.date && published && mod !== 'future' && dm.date > published) dm = null;
  if (
    CONDITION_TYPES.has(type) &&
    STAYS.test(clause.text) &&
    !(dm && SINCE_BEFORE.test(sentence.text.slice(Math.max(0, dm.start - 14), dm.start)))
  )
    return none;
  // "10 civilians were killed in Pakistani air strikes prior to the ceasefire": before the agreement
  // the article reports, on a day it does not give — not the day of the report.
  if (!dm && BEFORE_AGREEMENT.test(clause.text)) return none;
  if (continuing(clause.text, trig.start)) {
    // "against the continued closure": a condition that started earlier, not a new event.
    return none;
  }
  if (dm) {
    const pastMonth =
      dm.precision === 3 &&
      dm.date !== null &&
      mod !== 'future' &&
      published !== null &&
      dm.date.slice(0, 7) < published.slice(0, 7);
    if (pastMonth) return { ...none, precision: dm.precision, mention: dm, pastMonth: true };
    return {
      date: dm.date,
      precision: dm.precision,
      explicit: dm.date !== null,
      mention: dm,
      pastMonth: false,
    };
  }
  // A scheduled event without a day stays undated.
  if (mod === 'future') return none;
  const report = (): EventDate => ({ ...none, date: published, precision: 2 });
  // "The closure has halted trade": a disruption in the present perfect is a condition, not a change
  // of the day (it dates from the closure, which the article dates elsewhere).
  if (
    tense === 'ongoing' &&
    published &&
    NEWS_EVENT_TYPES.has(type) &&
    type !== 'trade_disruption' &&
    PUNCTUAL_PERFECT.test(clause.text)
  )
    return report();
  // "Pakistan and Afghanistan have agreed to an immediate ceasefire": the agreement is the day's news.
  if (
    tense === 'ongoing' &&
    published &&
    type === 'ceasefire_agreement' &&
    AGREED_PERFECT.test(clause.text)
  )
    return report();
  // "Three soldiers have been martyred in an attack": news of the day, dated by the report.
  if (
    tense === 'ongoing' &&
    published &&
    isViolent(type) &&
    FRESH_PERFECT.test(clause.text) &&
    !HABITUAL.test(sentence.text)
  )
    return report();
  if (tense === 'ongoing')
    return { ...none, precision: PRESENT_PERFECT.test(clause.text) ? 3 : null };
  // A day remembered from the sentence before is inherited only while it is still news: "will meet
  // in Istanbul on October 25" read in the past tense is last year's October 25, no day for the talks.
  if (
    stillRecent(memory.lastExplicit, sentence.index) &&
    !(published && daysBefore(published, memory.lastExplicit.date) > NEWS_WINDOW_DAYS)
  )
    return {
      ...none,
      date: memory.lastExplicit.date,
      precision: memory.lastExplicit.precision,
    };
  // Undated past-tense news is about the day of the report or the day before.
  if (published && (isViolent(type) || NEWS_EVENT_TYPES.has(type))) return report();
  // "citizens began fleeing the districts": a flight that starts is the day's news; people who "have
  // fled" are a condition (undated, above).
  if (published && type === 'displacement' && BEGAN_FLEEING.test(clause.text)) return report();
  return none;
}
