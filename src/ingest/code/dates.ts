// Dates with chrono-node, the article's publication date as reference, made tense-aware: chrono
// alone reads "late on Friday" in a Tuesday article as the coming Friday, and "March 3" in a
// February article as next month even when the sentence is in the past tense.
// time_precision follows ACLED: 1 day, 2 week or span of days, 3 month.
import * as chrono from 'chrono-node';
import type { TimePrecision } from '../../core/taxonomy.js';
import { DAY_COUNT_WORDS, NUMBER_WORDS } from '../text/number-words.js';

export interface ResolvedDate {
  date: string | null;
  precision: TimePrecision | null;
  /** True when the sentence itself named the time (so later sentences may inherit it). */
  explicit: boolean;
}

export type Tense = 'past' | 'future' | 'ongoing';

export interface DateMention {
  start: number;
  end: number;
  date: string | null;
  precision: TimePrecision | null;
}

const DAY = 86_400_000;
const VAGUE_SPAN =
  /\b(?:in|over|during|for|throughout) (?:the )?(?:recent|past|last|previous) (?:few |several |two |three |four |five |couple of )?(weeks|months|days)\b|\bin recent (weeks|months|days)\b|\brecent (weeks|months|days)\b|\bfor (weeks|months)\b/gi;
const WEEK_WORDS =
  /\b(?:last|this|past|previous) week\b|\bearlier this week\b|\bover the weekend\b|\blast weekend\b/i;
const FUTURE_TENSE =
  /\b(?:will|shall|'ll|is to|are to|is set to|are set to|scheduled|is expected to|are expected to|upcoming|to be held|due to (?:be|meet|hold|begin|resume|start|visit|travel|sign|reopen|open|convene)\b)\b/i;
const ONGOING =
  /\b(?:remains?|remained|stays?|stayed|continues?|continued|continuing|still|ongoing|has been|have been|has remained|has ground|have caused|has caused|has become|have become|for weeks|for months|since)\b/i;

export const PAST_FINITE =
  /\b(?:\w+ed|was|were|had|did|struck|hit|fought|shot|went|died|left|fled|met|began|held|took|came|fell|blew|overran|said|told|saw|lost|sent|threw|broke|stood|caught|won|led|made|gave|got|ran|brought|ago|yesterday|last)\b/i;
const PRESENT_PERFECT_ANY =
  /\b(?:has|have)\s+(?:\w+\s+)?(?:\w+(?:ed|en|wn|ught|ne)|left|fled|lost|held|met|struck|hit|shut|kept|sent|fought|built|spent|led|paid|made|come|become|run)\b/i;

/** Past (a finite past verb), future, or ongoing (present, present perfect, "remains"). */
export function tenseOf(clause: string): Tense {
  if (FUTURE_TENSE.test(clause)) return 'future';
  if (ONGOING.test(clause) || PRESENT_PERFECT_ANY.test(clause)) return 'ongoing';
  return PAST_FINITE.test(clause) ? 'past' : 'ongoing';
}

/** All date mentions in a sentence, resolved against the publication date (YYYY-MM-DD or null). */
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// Day spans. "night 9/10 September 2025" (a night across two days) is coded on its first day with
// precision 1; a span of days ("from 25 to 30 October", "between 3 and 6 February", "October 11-12")
// on its first day with ACLED time_precision 2.
const SEP = '(?:/|-|–|and|to|until|till|through)';
const ORD = '(?:st|nd|rd|th)?';
const DAY_SPAN = new RegExp(
  [
    // 25 October to 2 November (2025)
    `\\b(?:from |between )?(\\d{1,2})${ORD}\\s+(${MONTHS})\\.?\\s*${SEP}\\s*\\d{1,2}${ORD}\\s+(?:${MONTHS})\\.?(?:,?\\s+(\\d{4}))?`,
    // (from) 25 to 30 October (2025), 9/10 September
    `\\b(?:from |between )?(\\d{1,2})${ORD}\\s*${SEP}\\s*\\d{1,2}${ORD}\\s+(${MONTHS})\\.?(?:,?\\s+(\\d{4}))?`,
    // (from) October 25 to (November) 2 (2025), October 11-12
    `\\b(?:from |between )?(${MONTHS})\\.?\\s+(\\d{1,2})${ORD}\\s*${SEP}\\s*(?:(?:${MONTHS})\\.?\\s+)?\\d{1,2}${ORD}\\b(?:,?\\s+(\\d{4}))?`,
  ].join('|'),
  'gi',
);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const WEEKDAY_SPAN = new RegExp(
  `\\b(?:from|between)\\s+${WEEKDAY}\\s+(?:and|to|until|till|through)\\s+${WEEKDAY}\\b(\\s+(?:of\\s+)?last\\s+week)?`,
  'gi',
);
const SINCE_TODAY =
  /\bsince (?:early |late )?(?:this |the )?(?:morning|dawn|daybreak|afternoon|midnight|today)\b/gi;
const THIS_WEEK = /\b(?:earlier )?this week\b/gi;
const OVERNIGHT = /\b(?:overnight|last night)\b/gi;
const COUNT = `(\\d{1,2}|${DAY_COUNT_WORDS.join('|')})`;
// Dates relative to another event: "ten days later", "the next day", "a week earlier" count from the
// article's last dated event; "three days after/before <event>" from the sentence's own date.
const RELATIVE_LATER = new RegExp(
  `\\b${COUNT}\\s+(days?|weeks?)\\s+(later|afterwards|on|after that|earlier|before that|previously)\\b|\\bthe\\s+(next|following|previous|preceding)\\s+(day|morning|afternoon|evening|night)\\b|\\b(?:later\\s+)?(?:on\\s+)?(the same|that)\\s+(day|morning|afternoon|evening|night)\\b|\\b(a day|the day)\\s+(later|earlier|before|after)\\b(?!\\s+(?:the|a|an|his|her|its|their)\\b)`,
  'gi',
);
const RELATIVE_TO_EVENT = new RegExp(
  `\\b${COUNT}\\s+(days?|weeks?)\\s+(after|before)\\b(?=\\s+(?:the|a|an|his|her|its|their|[A-Z]|\\w+ed\\b|\\w+ing\\b))`,
  'gi',
);
// Verbs of speech only: "Islamabad on Sunday announced the closure" dates the closure itself.
const REPORTING_AFTER = /^\s*(?:,\s*)?(?:said|says|told|accused|alleged|denied|blamed|added)\b/i;
// "said on Sunday": the day of the statement, not of the event.
const REPORTING_BEFORE =
  /\b(?:said|says|told (?:\w+ )?(?:reporters|journalists|\w+)|announced|stated|confirmed|reported|added|claimed|statement|in a statement|blamed (?:each other|one another|\w+)|accused (?:each other|one another|\w+))\s*(?:,\s*)?$/i;

function shift(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 1);
}

/**
 * All date mentions in a sentence, resolved against the publication date (YYYY-MM-DD or null).
 * `anchor` is the date of the article's last dated event before this sentence, for "ten days later".
 */
export function findDates(
  sentence: string,
  published: string | null,
  tense: Tense,
  anchor: string | null = null,
): DateMention[] {
  const out: DateMention[] = [];
  for (const m of /\d/.test(sentence) ? sentence.matchAll(DAY_SPAN) : []) {
    const day = m[1] ?? m[4] ?? m[8];
    const month = m[2] ?? m[5] ?? m[7];
    const year = m[3] ?? m[6] ?? m[9] ?? '';
    const [d] = findDates(`${day} ${month} ${year}`.trim(), published, tense);
    if (!d) continue;
    const night =
      /\bnight\s+(?:of\s+)?$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index)) ||
      /^\d{1,2}\s*\/\s*\d/.test(m[0]);
    out.push({
      ...d,
      precision: d.precision === 1 && !night ? 2 : d.precision,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  // "between Thursday and Saturday", "from Wednesday to Friday last week": a span of weekdays.
  if (published && /day\b/i.test(sentence)) {
    for (const m of sentence.matchAll(WEEKDAY_SPAN)) {
      const w1 = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
      const w2 = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
      const ref = Date.parse(`${published}T12:00:00Z`);
      const refDay = new Date(ref).getUTCDay();
      let start: number;
      if (m[3] !== undefined) {
        const monday = ref - ((refDay + 6) % 7) * DAY;
        start = monday - 7 * DAY + ((w1 + 6) % 7) * DAY;
      } else if (tense === 'future') {
        start = ref + ((w1 - refDay + 7) % 7 || 7) * DAY;
      } else {
        const end = ref - ((refDay - w2 + 7) % 7) * DAY;
        start = end - ((w2 - w1 + 7) % 7) * DAY;
      }
      // "the night between Sunday and Monday" is one night, coded on its first day.
      const night = /\bnight\s+(?:of\s+)?$/i.test(
        sentence.slice(Math.max(0, m.index - 12), m.index),
      );
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        date: new Date(start).toISOString().slice(0, 10),
        precision: night ? 1 : 2,
      });
    }
  }
  // "earlier this week" (chrono-node gives it no date): from the Monday of the report's week.
  if (published && tense !== 'future') {
    for (const m of sentence.matchAll(THIS_WEEK)) {
      const ref = Date.parse(`${published}T12:00:00Z`);
      const monday = ref - ((new Date(ref).getUTCDay() + 6) % 7) * DAY;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        date: new Date(monday).toISOString().slice(0, 10),
        precision: 2,
      });
    }
  }
  // "closed since early morning": today.
  if (published) {
    for (const m of sentence.matchAll(SINCE_TODAY))
      out.push({ start: m.index, end: m.index + m[0].length, date: published, precision: 1 });
  }
  const overnight: DateMention[] = [];
  if (published) {
    for (const m of sentence.matchAll(OVERNIGHT)) {
      const o = {
        start: m.index,
        end: m.index + m[0].length,
        date: shift(published, -1),
        precision: 1 as const,
      };
      overnight.push(o);
      out.push(o);
    }
  }
  const relative: { mention: DateMention; days: number }[] = [];
  for (const m of sentence.matchAll(RELATIVE_LATER)) {
    if (out.some((o) => m.index < o.end && o.start < m.index + m[0].length)) continue;
    let days: number;
    let precision: TimePrecision = 1;
    if (m[1] !== undefined) {
      const n = countOf(m[1]) * (/^w/i.test(m[2] ?? '') ? 7 : 1);
      if (/^w/i.test(m[2] ?? '')) precision = 2;
      days = /^(?:earlier|before that|previously)$/i.test(m[3] ?? '') ? -n : n;
    } else if (m[4] !== undefined) days = /^(?:next|following)$/i.test(m[4]) ? 1 : -1;
    else if (m[6] !== undefined) days = 0;
    else days = /^(?:later|after)$/i.test(m[9] ?? '') ? 1 : -1;
    const mention: DateMention = {
      start: m.index,
      end: m.index + m[0].length,
      date: anchor ? shift(anchor, days) : null,
      precision: anchor ? precision : null,
    };
    out.push(mention);
    relative.push({ mention, days: 0 });
  }
  const toEvent: { mention: DateMention; days: number }[] = [];
  for (const m of sentence.matchAll(RELATIVE_TO_EVENT)) {
    if (out.some((o) => m.index < o.end && o.start < m.index + m[0].length)) continue;
    const n = countOf(m[1] ?? '1') * (/^w/i.test(m[2] ?? '') ? 7 : 1);
    // "on Sunday, three days after the talks": the talks were three days before Sunday.
    const mention: DateMention = {
      start: m.index,
      end: m.index + m[0].length,
      date: null,
      precision: /^w/i.test(m[2] ?? '') ? 2 : 1,
    };
    out.push(mention);
    toEvent.push({ mention, days: /^after$/i.test(m[3] ?? '') ? -n : n });
  }
  vagueAndChrono(sentence, published, tense, out);
  // "exchanged fire overnight ... closed the crossing on Sunday": the night before the day named.
  const days = out.filter(
    (d) =>
      d.date !== null &&
      d.precision === 1 &&
      !overnight.includes(d) &&
      !relative.some((r) => r.mention === d) &&
      !toEvent.some((r) => r.mention === d),
  );
  if (days.length > 0) {
    const base = days[0]!.date!;
    for (const o of overnight) o.date = shift(base, -1);
  }
  for (const r of toEvent) {
    const before = [...days].reverse().find((d) => d.end <= r.mention.start) ?? days[0];
    const base = before?.date ?? anchor;
    if (base) r.mention.date = shift(base, r.days);
    else r.mention.precision = null;
  }
  return out.sort((a, b) => a.start - b.start);
}

// The coder asks for one sentence's dates in several tenses; chrono-node is the slow part and its
// result depends only on the text, the reference date and forwardDate. A small cache of recent calls.
const CHRONO_CACHE = new Map<string, chrono.ParsedResult[]>();
const CHRONO_CACHE_MAX = 256;

function chronoParse(sentence: string, ref: Date | null, forward: boolean): chrono.ParsedResult[] {
  const key = `${ref?.getTime() ?? ''}\u0000${forward ? 1 : 0}\u0000${sentence}`;
  let r = CHRONO_CACHE.get(key);
  if (!r) {
    r = chrono.parse(
      sentence,
      { instant: ref ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 'UTC' },
      { forwardDate: forward },
    );
    if (CHRONO_CACHE.size >= CHRONO_CACHE_MAX) CHRONO_CACHE.clear();
    CHRONO_CACHE.set(key, r);
  }
  return r;
}

const BARE_YEAR = /\b(?:in|since|during|of|by|early|late|mid-)\s+((?:19|20)\d{2})\b(?![-/]\d)/gi;
const PART_OF_DAY_OF = new RegExp(
  `\\b(?:night|morning|evening|afternoon|early hours|small hours|wee hours) of (?=\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\b|(?:${MONTHS})\\.? \\d)`,
  'gi',
);

// chrono-node is the slowest step: only sentences with a digit or a time word reach it. Month names
// whole ("market", "separate" and "decision" are not months).
const CHRONO_GATE =
  /\d|day\b|week|month|year|night|morning|evening|afternoon|tonight|\bago\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/** Vague spans ("in recent weeks") and everything chrono-node finds, appended to `out`. */
function vagueAndChrono(
  sentence: string,
  published: string | null,
  tense: Tense,
  out: DateMention[],
): void {
  for (const m of sentence.matchAll(VAGUE_SPAN)) {
    const unit = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? 'weeks').toLowerCase();
    // "over the past three days": a span of days counted back from the report, coded on its first day.
    const n = /\b(?:past|last|previous) (two|three|four|five|couple of|few) days\b/i.exec(
      m[0],
    )?.[1];
    const back = n === undefined ? null : n === 'couple of' ? 2 : n === 'few' ? 3 : countOf(n);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      date: back !== null && published ? shift(published, -back) : null,
      precision: unit === 'days' ? 2 : 3,
    });
  }
  if (!CHRONO_GATE.test(sentence)) {
    return;
  }
  const ref = published ? new Date(`${published}T12:00:00Z`) : null;
  // "In 2023, a suicide bomber ...": a bare earlier year is background, dated to no day.
  if (published) {
    for (const m of sentence.matchAll(BARE_YEAR)) {
      if (Number(m[1]) >= Number(published.slice(0, 4))) continue;
      if (out.some((o) => m.index < o.end && o.start < m.index + m[0].length)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, date: null, precision: 3 });
    }
  }
  // chrono-node reads "the night of March 8" as a time of day with no date: blank the part of day
  // (same length, so offsets hold) and let it read the date.
  const results = chronoParse(
    sentence.replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length)),
    ref,
    tense === 'future',
  );
  for (const r of results) {
    if (out.some((o) => r.index < o.end && o.start < r.index + r.text.length)) continue;
    if (
      REPORTING_BEFORE.test(
        sentence.slice(Math.max(0, r.index - 40), r.index).replace(/\s+on\s*$/i, ''),
      ) ||
      // "The Taliban government on Wednesday accused Pakistan of ...": the day of the statement.
      REPORTING_AFTER.test(sentence.slice(r.index + r.text.length, r.index + r.text.length + 30))
    )
      continue;
    const s = r.start;
    const known = (c: 'day' | 'month' | 'year' | 'weekday'): boolean => s.isCertain(c);
    const timeOnly =
      !known('day') &&
      !known('month') &&
      !known('weekday') &&
      !/\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b/i.test(
        r.text,
      );
    if (timeOnly) continue;
    if (/^\d{1,4}$/.test(r.text.trim())) continue; // a bare number is not a date
    // "for a second round", "within hours": durations shorter than a day are not dates.
    if (
      /\b(?:seconds?|minutes?|hours?)\b/i.test(r.text) &&
      !/\b(?:ago|today|yesterday|tonight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(
        r.text,
      )
    )
      continue;
    let date: Date = s.date();
    let precision: TimePrecision = known('day') || known('weekday') ? 1 : known('month') ? 3 : 1;
    if (WEEK_WORDS.test(r.text)) precision = 2;
    if (ref === null && !known('year')) {
      out.push({ start: r.index, end: r.index + r.text.length, date: null, precision: null });
      continue;
    }
    if (ref !== null) {
      if (known('weekday') && !known('day'))
        date = weekdayRelative(ref, s.get('weekday') ?? 0, tense);
      else if (!known('year')) date = yearRelative(date, ref, tense);
    }
    if (precision === 3) date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
    // "ten days later" in a past-tense sentence is relative to another event, not to the report.
    if (ref !== null && tense !== 'future' && date.getTime() > ref.getTime() + DAY) continue;
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      date: date.toISOString().slice(0, 10),
      precision,
    });
  }
}

// Words that open a subordinate clause: a date on the other side of one belongs to another verb
// ("closed the crossing on Sunday after forces exchanged fire overnight").
// (Not "since"/"until": "shut since October 12" dates the condition's start.)
const SUBORDINATOR = /\b(?:after|before|following|when|while|as|amid|because)\b/i;

/**
 * Picks the date mention that governs a trigger: the nearest inside its clause not cut off from it by
 * a subordinate-clause word, else the nearest in the clause, else the sentence's only one. With
 * `sentence`, a trigger in an ongoing subordinate clause ("as the crossing stayed closed") takes no
 * date from the main clause.
 */
export function dateForTrigger(
  mentions: DateMention[],
  clauseStart: number,
  clauseEnd: number,
  triggerAt: number,
  sentence?: string,
): DateMention | null {
  const inClause = mentions.filter((m) => m.start >= clauseStart && m.end <= clauseEnd);
  const pool = inClause.length > 0 ? inClause : mentions.length === 1 ? mentions : [];
  let best: DateMention | null = null;
  let bestD = Infinity;
  let anyJoined = false;
  for (const m of pool) {
    let d = Math.abs(m.start - triggerAt);
    if (sentence !== undefined) {
      const between =
        m.end <= triggerAt ? sentence.slice(m.end, triggerAt) : sentence.slice(triggerAt, m.start);
      if (SUBORDINATOR.test(between)) d += 10_000;
      else anyJoined = true;
    }
    if (d < bestD) {
      best = m;
      bestD = d;
    }
  }
  if (best && !anyJoined && sentence !== undefined) {
    // Only dates across a subordinator: a trigger in an ongoing clause is not dated by them.
    const from = lastIndexOfSubordinator(sentence.slice(0, triggerAt));
    const local = sentence.slice(from, triggerAt + 60).split(SUBORDINATOR)[0] ?? '';
    if (tenseOf(local) === 'ongoing') return null;
  }
  return best;
}

function lastIndexOfSubordinator(s: string): number {
  let at = 0;
  for (const m of s.matchAll(new RegExp(SUBORDINATOR.source, 'gi'))) at = m.index + m[0].length;
  return at;
}

function weekdayRelative(ref: Date, weekday: number, tense: Tense): Date {
  const refDay = ref.getUTCDay();
  if (tense === 'future') {
    const ahead = (weekday - refDay + 7) % 7 || 7;
    return new Date(ref.getTime() + ahead * DAY);
  }
  const back = (refDay - weekday + 7) % 7;
  return new Date(ref.getTime() - back * DAY);
}

function yearRelative(date: Date, ref: Date, tense: Tense): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(ref.getUTCFullYear());
  if (tense === 'future') {
    if (d.getTime() < ref.getTime() - DAY) d.setUTCFullYear(d.getUTCFullYear() + 1);
  } else if (d.getTime() > ref.getTime() + DAY) {
    d.setUTCFullYear(d.getUTCFullYear() - 1);
  }
  return d;
}
