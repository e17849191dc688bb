// Finds gazetteer names in text: longest match first, only on capitalised words (proper nouns), with
// the words around each mention that tell a place from an actor ("in Kabul" vs "Kabul said").
import { eachMatch } from '../text/each-match.js';
import { foldName, looseName } from '../text/fold.js';
import { MAX_NAME_TOKENS, type Gazetteer, type Place } from './gazetteer.js';
import { appositionCountry, startsPersonName } from './name-guards.js';

export interface PlaceMention {
  start: number;
  end: number;
  surface: string;
  /** The folded gazetteer key it matched (under looseName when `loose`). */
  key: string;
  loose: boolean;
  places: readonly Place[];
  /** Preceded by a locative preposition ("in", "at", "near", "across"...). */
  locative: boolean;
  /** Used as an agent: possessive or followed by a reporting verb ("Kabul's side", "Islamabad said"). */
  agentive: boolean;
  /** Preceded by "from": an origin, not where the event happened. */
  origin: boolean;
}

const WORD = /[\p{L}\p{M}]+|\d+/gu;
const LOCATIVE =
  /\b(?:in|at|near|across|inside|into|on|along|within|outside|around|of|between|from|to|toward|towards|through|district|province|area|areas|town|village|city|valley|region|exiting|entering|targeting|targeted|struck|hit|bombed|shelled)\s+(?:the\s+)?(?:[\p{L}-]+'s\s+)?(?:(?:southern|northern|eastern|western|southeastern|southwestern|northeastern|northwestern|central|border|tribal|restive|remote|neighbouring|neighboring|volatile|mountainous|troubled|frontier|nearby|north|south|east|west|northwest|northeast|southwest|southeast|north-west|north-east|south-west|south-east)\s+)*$/iu;
const AGENT_AFTER =
  /^(?:(?:'s|’s)\s+(?:government|army|military|foreign|ministry|spokes\w+|delegation|side|officials|authorities|leaders?|position|stance|security|forces|interim|defen[cs]e|prime|president|envoy|allegations?|claims?|accusations?)\b|\s+(?:government|army|military|forces|troops|authorities|officials|administration|police|Air Force|Foreign Office|delegation|regime|said|says|noted|notes|stated|states|added|told|argued|alleged|alleges|reiterated|expressed|called|asked|hopes|hoped|accused|accuses|denied|denies|claimed|claims|rejected|urged|urges|seeks|sought|wants|warned|demanded|insisted|maintains|maintained|blamed|responded|announced|confirmed|condemned|protested|and\s+\w+\s+(?:said|have|has|agreed))\b)/;

// "in Kunin, south Lebanon": the country in apposition to a place the text introduces is where too.
const APPOSED =
  /\b(?:in|at|near|on)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s*(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?$/u;

// For names that are also English words: "in Nice", not "of the Frontier Corps".
const STRICT_LOCATIVE =
  /\b(?:in|at|near|into|inside|outside|around|across|toward|towards|through|from|to)\s+(?:the\s+)?(?:city|town|port|village)?\s*(?:of\s+)?$/i;

// The next word of a longer proper name: capitalised, right after the mention (no punctuation).
const INSTITUTION_AFTER = /^[ \t]+(?:of\s+)?\p{Lu}[\p{L}\p{M}]+/u;

const HOME =
  /\b(?:resident of|residents of|native of|natives of|hailing from|hailed from|belonging to|belonged to|hometown|home town|native town|native village|domicile of)\s+(?:the\s+)?(?:district\s+|village\s+|tehsil\s+)?$/i;

// Capitals stand for their governments ("Islamabad blamed Kabul") unless introduced as places.
const CAPITALS = new Set([
  'islamabad',
  'kabul',
  'tehran',
  'beijing',
  'washington',
  'moscow',
  'ankara',
  'riyadh',
]);

const foldCache = new Map<string, string>();
function foldToken(t: string): string {
  let f = foldCache.get(t);
  if (f === undefined) {
    f = foldName(t);
    if (foldCache.size < 50_000) foldCache.set(t, f);
  }
  return f;
}

export function findPlaceMentions(text: string, gazetteer: Gazetteer): PlaceMention[] {
  const tokens: { start: number; end: number; folded: string; cap: boolean }[] = [];
  for (const m of eachMatch(WORD, text)) {
    const t = m[0];
    tokens.push({
      start: m.index,
      end: m.index + t.length,
      folded: foldToken(t),
      cap: /^\p{Lu}/u.test(t),
    });
  }
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first?.cap) continue;
    let best: Match | null = null;
    let key = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_NAME_TOKENS); j++) {
      const tok = tokens[j];
      const prev = tokens[j - 1];
      if (!tok) break;
      // Names do not run across punctuation other than hyphens, dots and apostrophes.
      if (j > i && prev && !/^[\s\-‑–.'’]*$/.test(text.slice(prev.end, tok.start))) break;
      key = j === i ? tok.folded : `${key} ${tok.folded}`;
      const places = gazetteer.lookup(key);
      if (places.length > 0) best = { j, places, key, loose: false };
      if (!gazetteer.hasPrefix(key)) break;
    }
    // "Killa Saifullah", "Noshki", "Paktica": a transliteration the gazetteer spells otherwise. The
    // longer match wins ("Killa" alone is a nickname of Barranquilla); the exact one on a tie.
    const loose = looseMatch(tokens, i, text, gazetteer);
    if (loose && (!best || loose.j > best.j)) best = loose;
    if (!best) continue;
    const last = tokens[best.j];
    if (!last) continue;
    const start = first.start;
    const end = last.end;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 40);
    // "in Karachi and Islamabad", "in Kunar, Nangarhar and Khost": a place listed right after a
    // locative place is locative too.
    const prevMention = out[out.length - 1];
    const listed =
      prevMention !== undefined &&
      prevMention.locative &&
      /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(text.slice(prevMention.end, start));
    const locative =
      listed ||
      LOCATIVE.test(before) ||
      APPOSED.test(before) ||
      (/(?:^|\n)\s*$/.test(before) && /^\s*:/.test(after));
    // "Police said", "the Security Council": a name that is also an English word ("police" is a
    // Polish town, "council" one in Idaho) is a place only where a place is expected.
    if (!best.loose && !STRICT_LOCATIVE.test(before) && gazetteer.isCommonWord(best.key)) continue;
    // "near Police Lines", "at Police Station Saddar", "the Frontier Corps": an English word that
    // names a place only in the gazetteer, run on into more capitalised words, is the start of an
    // institution's name (the name the text uses is longer than any place it could be).
    if (!best.loose && gazetteer.isCommonWord(best.key) && INSTITUTION_AFTER.test(after)) continue;
    // "BLA", "TTP", "ISPR": an acronym is no GeoNames village ("Bla" is a town in Mali).
    if (/^\p{Lu}{2,4}$/u.test(text.slice(start, end)) && best.places.every((p) => p.rank >= 5))
      continue;
    if (startsPersonName(best.places, after, locative)) continue;
    // "Kunin, south Lebanon": only places of the country named in apposition.
    const inCountry = appositionCountry(after, gazetteer);
    if (inCountry !== null && best.places.every((p) => p.kind !== 'country')) {
      const kept = best.places.filter((p) => p.country === inCountry);
      if (kept.length === 0) continue;
      best = { ...best, places: kept };
    }
    out.push({
      start,
      end,
      surface: text.slice(start, end),
      key: best.key,
      loose: best.loose,
      places: best.places,
      // "Tank: Two soldiers were martyred" (roundups) and "MOHMAND:" datelines name the place of the paragraph.
      locative,
      agentive: AGENT_AFTER.test(after) || (CAPITALS.has(first.folded) && !locative),
      // "resident of District Karak", "hailing from Swat": where a victim comes from, not the scene.
      origin: /\bfrom\s+(?:the\s+)?$/i.test(before) || HOME.test(before),
    });
    i = best.j;
  }
  return out;
}

const looseCache = new Map<string, string>();
function looseToken(folded: string): string {
  let l = looseCache.get(folded);
  if (l === undefined) {
    l = looseName(folded);
    if (looseCache.size < 50_000) looseCache.set(folded, l);
  }
  return l;
}

interface Match {
  j: number;
  places: readonly Place[];
  key: string;
  loose: boolean;
}

function looseMatch(
  tokens: { start: number; end: number; folded: string }[],
  i: number,
  text: string,
  gazetteer: Gazetteer,
): Match | null {
  let best: Match | null = null;
  let key = '';
  for (let j = i; j < Math.min(tokens.length, i + MAX_NAME_TOKENS); j++) {
    const tok = tokens[j];
    const prev = tokens[j - 1];
    if (!tok) break;
    if (j > i && prev && !/^[\s\-‑–.'’]*$/.test(text.slice(prev.end, tok.start))) break;
    const l = looseToken(tok.folded);
    key = j === i ? l : `${key} ${l}`;
    const places = gazetteer.lookupLoose(key);
    if (places.length > 0) best = { j, places, key, loose: true };
    if (!gazetteer.hasLoosePrefix(key)) break;
  }
  return best;
}
