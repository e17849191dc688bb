// Plain-text articles as people save them from news sites: page chrome ("rotating globe",
// "Advertisement"), a date line, a headline, a standfirst, body paragraphs and "Also Read" links
// (see ../shared/fixtures/seed-article.txt). Optional "Key: value" header lines (URL, Outlet,
// Published, Headline) at the very top are read as metadata.
import type { Article } from '../types.js';
import { contentHash } from './content-hash.js';
import { isDateLine, parsePublishedDate } from './published-date.js';

export interface ArticleHints {
  url?: string | null;
  outlet?: string | null;
  headline?: string | null;
  published?: string | null;
  standfirst?: string | null;
}

const RELATED =
  /^\s*(also read|read more|read also|related( stories| articles)?|see also|recommended|more from [\w ]+|you may also like|trending)\s*[:|-]\s*/i;
const CHROME =
  /^\s*(advertisement|sponsored|share( this)?( article| story)?|follow us|subscribe|sign up|newsletter|comments?|click here|image|photo|file photo|©|copyright|all rights reserved|listen to (this )?article|min read|\d+ min read|tags?:|topics?:)\b/i;
const HEADER =
  /^(url|link|source|outlet|publisher|published|date|headline|title|byline|author)\s*:\s*(.*)$/i;
// Wire datelines: "PESHAWAR, Pakistan (Reuters) — ", "QUETTA: ", "ISLAMABAD, Oct 12 (AP) -".
const DATELINE =
  /^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?:,\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?\.?(?: \d{1,2})?))?(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\(([^)]{2,30})\))?\s*(?:[-–—:]{1,2})\s+/;

// "BEIRUT / JERUSALEM / ISTANBUL Two people were killed": a wire story filed from several bureaus
// names them all; none of them is where the events were.
const MULTI_DATELINE =
  /^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?)(?:\s*\/\s*[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?)+,?\s+(?=\p{Lu}\p{Ll})/u;

// "Parachinar, Sept 28: ...": a place in title case with a day, then a colon or dash.
const TITLE_DATELINE =
  /^([A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\s*(?:\(([^)]{2,30})\))?\s*[:–—-]\s+/;

// "Kabul (AFP) – ", "Peshawar, Pakistan (AP) — ": a place in title case named with the agency.
const AGENCY_DATELINE =
  /^([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*[A-Z][a-z]+)?\s*\(([A-Z][\w .&-]{1,30})\)\s*(?:[-–—:]{1,2})\s+/;

// Headlines and standfirsts run to a sentence or two; an unfinished block longer than this is body.
const LONGEST_TITLE_WORDS = 60;

const DATE_KEYWORD = /^\s*(?:published|updated|posted|dated?|issued)\b/i;

export function parsePlainText(raw: string, hints: ArticleHints = {}): Article {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  // Header block: only at the top, only known keys.
  while (i < lines.length) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m || m[1] === undefined) break;
    meta[m[1].toLowerCase()] = (m[2] ?? '').trim();
    i++;
  }
  let published = parsePublishedDate(hints.published ?? meta.published ?? meta.date ?? null);
  let headline: string | null = hints.headline ?? meta.headline ?? meta.title ?? null;
  let standfirst: string | null = hints.standfirst ?? null;
  const related: string[] = [];
  const paragraphs: string[] = [];
  let seenBody = false;
  let keywordDate =
    meta.published !== undefined || meta.date !== undefined || hints.published != null;

  // Group consecutive non-blank lines into blocks; a block is one paragraph (hard wraps joined).
  const blocks: string[] = [];
  let current: string[] = [];
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line.length === 0) {
      if (current.length) blocks.push(...splitBlock(current));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(...splitBlock(current));

  for (const block of blocks) {
    const rel = RELATED.exec(block);
    if (rel) {
      related.push(block.slice(rel[0].length).trim());
      continue;
    }
    if (CHROME.test(block)) continue;
    const dateText = dateLineText(block);
    if (dateText !== null) {
      // The first date line anywhere (top, under the headline or after the body) is the publication
      // date, unless a later one says so ("Published: ..."), e.g. after "Week of 1 - 7 May 2026".
      if (published === null || (!keywordDate && DATE_KEYWORD.test(block))) {
        published = parsePublishedDate(dateText) ?? published;
        keywordDate = DATE_KEYWORD.test(block);
      }
      continue;
    }
    const words = block.split(/\s+/).length;
    const finished = /[.!?:"”’)]$/.test(block);
    // A long unfinished block is body cut short (a saved page's opening ends mid-sentence), never a
    // headline or standfirst: taking it for one left some real articles with no body at all.
    if (!seenBody && !finished && words <= LONGEST_TITLE_WORDS) {
      if (headline === null && words >= 4) {
        headline = block;
        continue;
      }
      if (headline !== null && standfirst === null && words >= 4 && paragraphs.length === 0) {
        if (block !== headline) standfirst = block;
        continue;
      }
      // Short unpunctuated lines before the body ("rotating globe", section names) are chrome.
      continue;
    }
    if (!finished && words < 8) continue; // sub-headings and widget labels inside the body
    seenBody = true;
    paragraphs.push(block);
  }

  let dateline: string | null = null;
  let outlet: string | null = hints.outlet ?? meta.outlet ?? meta.publisher ?? meta.source ?? null;
  const first = paragraphs[0];
  if (first !== undefined) {
    // "Quetta, 17 January 2025 - Authorities ...": a dated dateline also gives the publication date.
    published ??= parsePublishedDate(
      /^[^.]{0,60}?\b(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})\b/.exec(
        first,
      )?.[1] ?? null,
    );
    const d = MULTI_DATELINE.exec(first) ?? DATELINE.exec(first) ?? TITLE_DATELINE.exec(first);
    const a = d ? null : AGENCY_DATELINE.exec(first);
    if (d && d[1] !== undefined && d[1].length >= 3) {
      dateline = titleCase(d[1]) + (d[2] && !/\d/.test(d[2]) ? `, ${d[2]}` : '');
      if (outlet === null && d[3] !== undefined) outlet = d[3];
      // The dateline names where the reporter filed from, not where events happened: keep it out of the body.
      paragraphs[0] = first.slice(d[0].length);
    } else if (a?.[1] !== undefined) {
      dateline = a[1];
      if (outlet === null && a[2] !== undefined) outlet = a[2];
      paragraphs[0] = first.slice(a[0].length);
    }
  }
  const body = paragraphs.join('\n\n');
  return {
    url: hints.url ?? meta.url ?? meta.link ?? null,
    outlet,
    headline,
    standfirst,
    published,
    body,
    related,
    contentHash: contentHash(body),
    dateline,
  };
}

/** The date text of a date line ("10 Feb 2026", "Published: ...", "TOLOnews | 15 October 2025"), else null. */
function dateLineText(block: string): string | null {
  if (block.length > 80) return null;
  const stripped = block.replace(
    /^(published|updated|posted|last updated|dated?|issued)\s*(on|:)?\s*/i,
    '',
  );
  // "Reuters | Published March 3, 2026 | Updated ...", "ANI | Kabul, 4 April 2026": try each field,
  // then the field without a leading place ("Kabul, ").
  const fields = stripped.split(/\s*[|•·]\s*|\s+[-–—]\s+/);
  for (const part of [
    stripped,
    ...fields,
    ...fields.map((f) => f.replace(/^[^,\d]{2,40},\s+(?=\d)/, '')),
  ]) {
    if (isDateLine(part)) return part;
  }
  return null;
}

/** A block of lines is one paragraph unless its lines each look like separate items. */
function splitBlock(lines: string[]): string[] {
  if (lines.length === 1) return lines;
  const short = lines.filter((l) => l.length < 60 || !/[.!?"”]$/.test(l)).length;
  // Lines that each end a sentence, or a header-like first line, stay separate; so do they when only
  // the last is cut off mid-sentence (the end of a saved page's opening).
  if (lines.slice(0, -1).every((l) => /[.!?"”’]$/.test(l)) || short === lines.length) return lines;
  return [lines.join(' ')];
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}
