// Chooses among same-named places ("Hyderabad": Telangana or Sindh) by the article's context, as
// CLIFF-CLAVIN and Mordecai do for news: the countries and admin areas the article names (nearer
// mentions weigh more), the dateline, the other places it names (a namesake near them is likelier),
// population (the gazetteer's prior) and the mission's region (a prior, never a filter). One sense
// per article: every mention of a name gets the same best place.
import { foldName } from '../text/fold.js';
import type { Article } from '../types.js';
import { distanceKm } from './distance.js';
import type { Gazetteer, Place } from './gazetteer.js';
import { findPlaceMentions, type PlaceMention } from './place-mentions.js';

/** Score weights added to the gazetteer's prior (log10 population + seat + region). */
export const CONTEXT = {
  /** Times the candidate's country's share of the article's country evidence. */
  country: 5,
  /** A town inside an admin area the article names. */
  admin: 3,
  /** The dateline's country ("HYDERABAD, India"). */
  datelineCountry: 3,
  /** Within 100 km of the dateline's place. */
  datelinePlace: 3,
  /** Near another place the article names unambiguously: 50, 300, 1,000 km. */
  near: [2.5, 1.5, 0.5] as const,
};
// Evidence weights: a country named "in X" says more than an actor's country or a demonym.
const W_COUNTRY = 1;
const W_COUNTRY_LOCATIVE = 1.5;
const W_DEMONYM = 0.6;
const W_PLACE = 0.7;
const W_DATELINE = 2;
const GEONAMES_RANK = 5;
/** A city this large may be named without its country ("talks in Dubai"). */
const BIG_CITY = 1_000_000;
const NEAR_KM = 300;
/** A town of a neighbour of a named country this large is plausible (small namesakes are not). */
const NEIGHBOUR_TOWN = 20_000;
/** How far (characters) a mention's pull on a nearby name reaches before it fades to its base. */
const REACH = 400;

const folded = new Map<string, string>();
/** foldName of one word, memoised: the same capitalised words recur in every article. */
function foldWord(w: string): string {
  let f = folded.get(w);
  if (f === undefined) {
    f = foldName(w);
    if (folded.size < 50_000) folded.set(w, f);
  }
  return f;
}

interface Evidence {
  country: string;
  at: number;
  weight: number;
}

const CAPITALISED = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)?/gu;

/** Places that are one point: every candidate within 50 km of the first (a town and its district). */
function unambiguous(places: readonly Place[]): Place | null {
  const first = places[0];
  if (!first || first.kind === 'line') return null;
  return places.every(
    (p) => p.country === first.country && distanceKm(p.lat, p.lon, first.lat, first.lon) <= 50,
  )
    ? first
    : null;
}

export function articleContext(g: Gazetteer, article: Article): Gazetteer {
  const parts = [article.headline, article.standfirst, article.body].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  const text = parts.join('\n\n');
  const mentions = findPlaceMentions(text, g);
  const evidence: Evidence[] = [];
  const admins = new Map<string, number>(); // "CC|admin1" → weight
  const anchors: { place: Place; key: string }[] = [];
  const ambiguous = new Map<string, PlaceMention[]>();
  for (const m of mentions) {
    // "India" is also a town in the Gambia: a name that is first a country is the country.
    const first = m.places[0];
    if (first?.kind === 'country' && first.country) {
      evidence.push({
        country: first.country,
        at: m.start,
        weight: m.locative ? W_COUNTRY_LOCATIVE : W_COUNTRY,
      });
      continue;
    }
    const one = unambiguous(m.places);
    if (one) {
      if (one.country) evidence.push({ country: one.country, at: m.start, weight: W_PLACE });
      if (one.country && one.admin1) admins.set(`${one.country}|${one.admin1}`, 1);
      anchors.push({ place: one, key: m.key });
      continue;
    }
    if (m.places.length > 1) {
      const k = m.loose ? `~${m.key}` : m.key;
      ambiguous.set(k, [...(ambiguous.get(k) ?? []), m]);
    }
  }
  // Demonyms and adjectives: "Sudanese army", "Thai soldiers", "Congolese town".
  for (const m of text.matchAll(CAPITALISED)) {
    for (const word of m[0].split(/\s+/)) {
      const codes = g.demonymCountries(foldWord(word));
      for (const c of codes)
        evidence.push({ country: c, at: m.index, weight: W_DEMONYM / codes.length });
    }
  }
  // "HYDERABAD, India (Reuters) -": the dateline's country, and its place.
  let datelineCountry: string | null = null;
  let datelinePlace: Place | null = null;
  if (article.dateline) {
    const [head = '', ...rest] = article.dateline.split(',').map((s) => foldName(s));
    for (const r of rest) {
      const c = g.lookup(r.replace(/\s*\(.*$/, '')).find((p) => p.kind === 'country');
      if (c?.country) {
        datelineCountry = c.country;
        evidence.push({ country: c.country, at: 0, weight: W_DATELINE });
      }
    }
    const here = g.lookup(head);
    datelinePlace =
      here.find((p) => datelineCountry === null || p.country === datelineCountry) ?? null;
    // "KABUL (Reuters) -": the dateline's place says which country the article is filed from.
    if (datelineCountry === null && datelinePlace?.country)
      evidence.push({ country: datelinePlace.country, at: 0, weight: W_DATELINE });
  }
  const mass = new Map<string, number>();
  for (const e of evidence) mass.set(e.country, (mass.get(e.country) ?? 0) + e.weight);
  const countries = [...mass].sort((x, y) => y[1] - x[1]).map(([c]) => c);

  const order = new Map<string, readonly Place[]>();
  // "Khalil Haqqani" is no visit to Hebron (Al Khalil), "Pezu Police Station" none to Poland: in an
  // article about named countries, a small place of a country it never names, far from every place
  // it names there, is a person, a word or a name the gazetteer lacks.
  const strong = new Set(evidence.filter((e) => e.weight !== W_PLACE).map((e) => e.country));
  for (const c of g.region.countries) strong.add(c);
  const trusted = anchors.filter((a) => a.place.country !== null && strong.has(a.place.country));
  const plausible = (p: Place): boolean =>
    p.rank < GEONAMES_RANK ||
    p.kind === 'line' ||
    (p.country !== null && strong.has(p.country)) ||
    // "An Israeli strike in Tyre": wars cross borders; a neighbour of a named country is plausible.
    (p.population >= NEIGHBOUR_TOWN &&
      p.country !== null &&
      [...strong].some((c) => g.areNeighbours(c, p.country ?? ''))) ||
    p.seat === 'c' ||
    p.population >= BIG_CITY ||
    trusted.some((a) => distanceKm(p.lat, p.lon, a.place.lat, a.place.lon) <= NEAR_KM);
  if (evidence.some((e) => e.weight !== W_PLACE)) {
    for (const m of mentions) {
      const key = m.loose ? `~${m.key}` : m.key;
      if (ambiguous.has(key) || order.has(key)) continue;
      if (m.places.some((p) => !plausible(p))) order.set(key, m.places.filter(plausible));
    }
    for (const [key, ms] of ambiguous) {
      const kept = (ms[0]?.places ?? []).filter(plausible);
      if (kept.length === 0) {
        order.set(key, []);
        ambiguous.delete(key);
      } else ms[0] = { ...(ms[0] as PlaceMention), places: kept };
    }
  }
  for (const [key, ms] of ambiguous) {
    const candidates = ms[0]?.places ?? [];
    const loose = ms[0]?.loose === true;
    const scored = candidates.map((p) => ({
      p,
      s: g.priorScore(p, loose ? undefined : key) + contextScore(p, ms),
    }));
    scored.sort((a, b) => b.s - a.s);
    order.set(
      key,
      scored.map((x) => x.p),
    );
  }
  return g.withContext(order, countries);

  function contextScore(p: Place, ms: PlaceMention[]): number {
    let s = 0;
    if (p.country !== null && evidence.length > 0) {
      // Each piece of evidence pulls harder on mentions near it (same sentence or paragraph).
      let mine = 0;
      let all = 0;
      for (const e of evidence) {
        let pull = 0;
        for (const m of ms)
          pull = Math.max(pull, 1 + 2 * Math.exp(-Math.abs(e.at - m.start) / REACH));
        all += e.weight * pull;
        if (e.country === p.country) mine += e.weight * pull;
      }
      s += CONTEXT.country * (mine / all);
    }
    if (p.kind !== 'province' && p.country && p.admin1 && admins.has(`${p.country}|${p.admin1}`))
      s += CONTEXT.admin;
    if (datelineCountry !== null && p.country === datelineCountry) s += CONTEXT.datelineCountry;
    if (datelinePlace && distanceKm(p.lat, p.lon, datelinePlace.lat, datelinePlace.lon) <= 100)
      s += CONTEXT.datelinePlace;
    let nearest = Infinity;
    for (const a of anchors) {
      if (a.key === ms[0]?.key || a.place.kind === 'country') continue;
      nearest = Math.min(nearest, distanceKm(p.lat, p.lon, a.place.lat, a.place.lon));
    }
    const [n50, n300, n1000] = CONTEXT.near;
    if (nearest <= 50) s += n50;
    else if (nearest <= 300) s += n300;
    else if (nearest <= 1000) s += n1000;
    return s;
  }
}
