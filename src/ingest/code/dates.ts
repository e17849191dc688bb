// Dates with chrono-node, the article's publication date as reference, made tense-aware: chrono
// alone reads "late on Friday" in a Tuesday article as the coming Friday, and "March 3" in a
// February article as next month even when the sentence is in the past tense.
// time_precision follows ACLED: 1 day, 2 week or span of days, 3 month.
import * as chrono from 'chrono-node';
import type { TimePrecision } from '../../core/taxonomy.js';

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
  /\b(?:in|over|during|for|throughout) (?:the )?(?:recent|past|last|previous) (?:few |several |two |three |couple of )?(weeks|months|days)\b|\bin recent (weeks|months|days)\b|\brecent (weeks|months|days)\b|\bfor (weeks|months)\b/gi;
const WEEK_WORDS =
  /\b(?:last|this|past|previous) week\b|\bearlier this week\b|\bover the weekend\b|\blast weekend\b/i;
const FUTURE_TENSE =
  /\b(?:will|shall|'ll|is to|are to|is set to|are set to|scheduled|is expected to|are expected to|upcoming|to be held|due to (?:be|meet|hold|begin|resume|start|visit|travel|sign|reopen|open|convene)\b)\b/i;
const ONGOING =
  /\b(?:remains?|remained|continues?|continued|continuing|still|ongoing|has been|have been|has remained|has ground|have caused|has caused|has become|have become|for weeks|for months|since)\b/i;

export const PAST_FINITE =
  /\b(?:\w+ed|was|were|had|did|struck|hit|fought|shot|went|died|left|fled|met|began|held|took|came|fell|blew|overran|said|told|saw|lost|sent|threw|broke|stood|caught|won|led|made|gave|got|ran|brought|ago|yesterday|last)\b/i;
const PRESENT_PERFECT_ANY = /\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|wn|ught|ne)\b/i;

/** Past (a finite past verb), future, or ongoing (present, present perfect, "remains"). */
export function tenseOf(clause: string): Tense {
  if (FUTURE_TENSE.test(clause)) return 'future';
  if (ONGOING.test(clause) || PRESENT_PERFECT_ANY.test(clause)) return 'ongoing';
  return PAST_FINITE.test(clause) ? 'past' : 'ongoing';
}

/** All date mentions in a sentence, resolved against the publication date (YYYY-MM-DD or null). */
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
// "night 9/10 September 2025", "October 11-12": ACLED codes the first day of a span.
const DAY_SPAN = new RegExp(
  `\\b(\\d{1,2})\\s*(?:/|-|–|and)\\s*\\d{1,2}\\s+(${MONTHS})\\.?(?:,?\\s+(\\d{4}))?|\\b(${MONTHS})\\.?\\s+(\\d{1,2})\\s*(?:-|–)\\s*\\d{1,2}(?:,?\\s+(\\d{4}))?`,
  'gi',
);
const OVERNIGHT = /\b(?:overnight|last night)\b/gi;
// "said on Sunday": the day of the statement, not of the event.
const REPORTING_BEFORE =
  /\b(?:said|says|told (?:\w+ )?(?:reporters|journalists|\w+)|announced|stated|confirmed|reported|added|claimed|statement|in a statement)\s*(?:,\s*)?$/i;

export function findDates(sentence: string, published: string | null, tense: Tense): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(DAY_SPAN)) {
    const text =
      m[1] !== undefined ? `${m[1]} ${m[2]} ${m[3] ?? ''}` : `${m[4]} ${m[5]} ${m[6] ?? ''}`;
    const [d] = findDates(text.trim(), published, tense);
    if (d) out.push({ ...d, start: m.index, end: m.index + m[0].length });
  }
  if (published) {
    for (const m of sentence.matchAll(OVERNIGHT)) {
      const day = new Date(Date.parse(`${published}T12:00:00Z`) - DAY).toISOString().slice(0, 10);
      out.push({ start: m.index, end: m.index + m[0].length, date: day, precision: 1 });
    }
  }
  for (const m of sentence.matchAll(VAGUE_SPAN)) {
    const unit = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? 'weeks').toLowerCase();
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      date: null,
      precision: unit === 'days' ? 2 : 3,
    });
  }
  if (
    !/\d|day|week|month|year|night|morning|evening|afternoon|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tonight|ago/i.test(
      sentence,
    )
  ) {
    return out;
  }
  const ref = published ? new Date(`${published}T12:00:00Z`) : null;
  const results = chrono.parse(
    sentence,
    { instant: ref ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 'UTC' },
    { forwardDate: tense === 'future' },
  );
  for (const r of results) {
    if (out.some((o) => r.index < o.end && o.start < r.index + r.text.length)) continue;
    if (
      REPORTING_BEFORE.test(
        sentence.slice(Math.max(0, r.index - 40), r.index).replace(/\s+on\s*$/i, ''),
      )
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
  return out.sort((a, b) => a.start - b.start);
}

/** Picks the date mention that governs a trigger: nearest inside its clause, else the sentence's only one. */
export function dateForTrigger(
  mentions: DateMention[],
  clauseStart: number,
  clauseEnd: number,
  triggerAt: number,
): DateMention | null {
  const inClause = mentions.filter((m) => m.start >= clauseStart && m.end <= clauseEnd);
  const pool = inClause.length > 0 ? inClause : mentions.length === 1 ? mentions : [];
  let best: DateMention | null = null;
  let bestD = Infinity;
  for (const m of pool) {
    const d = Math.abs(m.start - triggerAt);
    if (d < bestD) {
      best = m;
      bestD = d;
    }
  }
  return best;
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
