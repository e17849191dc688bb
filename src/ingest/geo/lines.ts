// Border lines in a sentence: which line "the border" means, and which side of it the sentence puts
// the event on ("on the Afghan side", "into Thai territory", "Pakistani posts"; "fire from the
// Afghan side" lands on the other side). A line with no side stated belongs to both (country null).
import { foldName } from '../text/fold.js';
import type { Gazetteer, Place } from './gazetteer.js';
import type { PlaceMention } from './place-mentions.js';

/** Countries a sentence names, by name or demonym, in order. */
export function countriesIn(sentence: string, mentions: PlaceMention[], g: Gazetteer): string[] {
  const found: { code: string; at: number }[] = [];
  for (const m of mentions) {
    const p = m.places[0];
    if (p?.kind === 'country' && p.country) found.push({ code: p.country, at: m.start });
  }
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}\p{M}]+/gu)) {
    const codes = g.demonymCountries(foldName(m[0]));
    if (codes.length === 1 && codes[0]) found.push({ code: codes[0], at: m.index });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.code))];
}

/**
 * The line "the border" means in this sentence: a line it names ("the Durand Line", "the
 * Thai-Cambodian border"); else the line between two neighbours it names; else the mission's line
 * (when the sentence names one of its sides or no country at all); else the line between a country
 * it names and a neighbour the article is about; else the line between the article's two countries.
 */
export function borderLine(
  sentence: string,
  mentions: PlaceMention[],
  g: Gazetteer,
): Place | undefined {
  const named = mentions.find((m) => m.places[0]?.kind === 'line')?.places[0];
  if (named?.sides) return named;
  const here = countriesIn(sentence, mentions, g);
  for (let i = 0; i < here.length; i++)
    for (let j = i + 1; j < here.length; j++) {
      const a = here[i];
      const b = here[j];
      if (a && b && g.areNeighbours(a, b)) return g.lineBetween(a, b);
    }
  const own = g.missionLine();
  if (own?.sides && (here.length === 0 || here.some((c) => own.sides?.includes(c)))) return own;
  const about = g.contextCountries;
  for (const c of here)
    for (const d of about) if (c !== d && g.areNeighbours(c, d)) return g.lineBetween(c, d);
  if (here.length === 0) {
    for (let i = 0; i < about.length; i++)
      for (let j = i + 1; j < about.length; j++) {
        const a = about[i];
        const b = about[j];
        if (a && b && g.areNeighbours(a, b)) return g.lineBetween(a, b);
      }
  }
  return own;
}

const SIDE_WORDS =
  'territory|soil|airspace|side|posts?|positions?|check ?posts?|outposts?|villages?|towns?|border towns?|border villages?|border posts?';

/** The side of `sides` the sentence puts its event on, or null when it says none (or both). */
export function sideOfLine(
  sentence: string,
  sides: readonly [string, string],
  g: Gazetteer,
): string | null {
  const text = ` ${foldName(sentence)} `;
  const [a, b] = sides;
  const other = (c: string): string => (c === a ? b : a);
  const alt = (code: string): string =>
    g
      .countryForms(code)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
  const rules: { re: (f: string) => RegExp; side: (c: string) => string }[] = [
    // "fire from the Afghan side", "shelling from Pakistani territory": it landed on the other side.
    { re: (f) => new RegExp(` from (?:the )?(?:${f})s? (?:${SIDE_WORDS}) `), side: other },
    { re: (f) => new RegExp(` (?:on|at|in|inside|into|to) the (?:${f}) side `), side: (c) => c },
    {
      re: (f) =>
        new RegExp(
          ` (?:into|inside|in|on|entered|targeted|hit|struck|shelled|attacked) (?:the )?(?:${f})s? (?:${SIDE_WORDS}) `,
        ),
      side: (c) => c,
    },
    { re: (f) => new RegExp(` (?:into|inside|within) (?:${f}) `), side: (c) => c },
  ];
  for (const rule of rules) {
    const hits = new Set<string>();
    for (const c of [a, b]) {
      const forms = alt(c);
      if (forms && rule.re(forms).test(text)) hits.add(rule.side(c));
    }
    if (hits.size === 1) return [...hits][0] ?? null;
    if (hits.size > 1) return null;
  }
  return null;
}
