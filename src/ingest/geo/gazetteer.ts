// The world gazetteer: every GeoNames populated place and admin area (world-index.ts), country names
// (CLDR English names through Intl.DisplayNames, plus the news forms of country-names.json), the
// lines between neighbouring countries ("the Thai-Cambodian border"), and the curated places of
// border-places.json and world-places.json. Everything is keyed by folded name (foldName).
//
// Same-named places come best first. A Gazetteer is a view of the one loaded world: `withRegion`
// adds the mission's prior and its crossings and lines, `forArticle` (disambiguate.ts) reorders the
// places the article names by its context. Neither ever hides a place.
import { z } from 'zod';
import type { GeoPrecision } from '../../core/taxonomy.js';
import { foldName, looseName } from '../text/fold.js';
import type { Article, CodedLocation } from '../types.js';
import { readDataFile } from './data-files.js';
import { articleContext } from './disambiguate.js';
import { distanceKm } from './distance.js';
import { NO_REGION, regionKey, type CodingRegion } from './region.js';
import { readNewsSpellings } from './news-spellings.js';
import { loadWorldIndex, ROW, type IndexKind, type LoadedIndex } from './world-index.js';

export type PlaceKind =
  'line' | 'crossing' | 'town' | 'district' | 'province' | 'region' | 'country';

export interface Place extends CodedLocation {
  kind: PlaceKind;
  /** Lower wins among places sharing a name before any context: curated, country, then GeoNames. */
  rank: number;
  /** GeoNames population (0 when unknown); for admin areas the sum of their places. */
  population: number;
  /** For a line: the two countries it divides. */
  sides?: readonly [string, string];
  /** Capital (c), first-order seat (a), lower seat (s), section (x) or other town (t). */
  seat?: IndexKind;
}

/** @deprecated the gazetteer covers the world; a mission's countries are a prior (`region`). */
export interface GazetteerOptions {
  /** The mission's region: a prior among same-named places, its crossings and its lines. */
  region?: CodingRegion;
}

export const MAX_NAME_TOKENS = 6;
// Ranks: curated lines and places first, then countries, then GeoNames places by score.
const RANK_CURATED = 1;
const RANK_COUNTRY = 2;
const RANK_GEONAMES = 5;

/** Score weights among same-named places with no article context (see disambiguate.ts). */
export const PRIOR = {
  curated: 7.5,
  country: 9.5,
  region: 2,
  /** A place matched only by an alternate name yields to one that bears the name. */
  alternate: -3,
  seat: { c: 1.5, a: 1, s: 0.4, t: 0, x: -0.5, p: 0, d: 0 } satisfies Record<IndexKind, number>,
  /** Admin areas score as a town of about this size (log10), plus a little for their population. */
  adminBase: { p: 4.4, d: 3.6 },
};

const CuratedPlaces = z.object({
  places: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['line', 'crossing', 'town', 'district', 'province', 'region']),
      sides: z.tuple([z.string(), z.string()]).optional(),
      country: z.string().nullable(),
      admin1: z.string().nullable(),
      admin2: z.string().nullable(),
      lat: z.number(),
      lon: z.number(),
      geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      variants: z.array(z.string()),
    }),
  ),
});
const WorldPlaces = z.object({
  places: z.array(
    z.object({
      name: z.string(),
      country: z.string(),
      admin1: z.string(),
      lat: z.number(),
      lon: z.number(),
      variants: z.array(z.string()),
    }),
  ),
});
const Centroids = z.object({
  countries: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      variants: z.array(z.string()),
      lat: z.number(),
      lon: z.number(),
    }),
  ),
});
const CountryNames = z.object({
  countries: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]{2}$/),
      name: z.string(),
      names: z.array(z.string()),
      demonyms: z.array(z.string()),
    }),
  ),
});
const Words = z.object({ words: z.array(z.string()) });

/** The loaded world, shared by every view. */
interface World {
  byName: Map<string, Place[]>;
  /** Places known by a name only as an alternate ("Islamabad" was once a name of Chattogram). */
  byAlt: Map<string, Place[]>;
  prefixes: Set<string>;
  /** Keys that are also English words ("police", "tyre"): matched only where a place is expected. */
  common: Set<string>;
  countries: Map<string, Place>;
  /** Folded demonym ("sudanese") → countries. */
  demonyms: Map<string, string[]>;
  /** Country → its folded names and demonyms ("pakistan", "pakistani", "pakistanis"). */
  forms: Map<string, string[]>;
  /** "PK|AF" (sorted) → the line between them. */
  lines: Map<string, Place>;
  numeric: Record<string, string>;
  size: number;
  loadedFrom: LoadedIndex['from'];
}

let world: World | null = null;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export class Gazetteer {
  private readonly sorted = new Map<string, readonly Place[]>();
  private readonly overlay = new Map<string, Place[]>();
  private readonly overlayPrefixes = new Set<string>();
  private readonly regionCountries: ReadonlySet<string>;

  constructor(
    private readonly world: World,
    readonly region: CodingRegion = NO_REGION,
    /** Article-specific orders (disambiguate.ts), keyed by folded name. */
    private readonly context: ReadonlyMap<string, readonly Place[]> | null = null,
    private readonly shared: Gazetteer | null = null,
    /** The countries the article is about, most named first (empty outside an article). */
    readonly contextCountries: readonly string[] = [],
  ) {
    this.regionCountries = new Set(region.countries);
    if (shared) return; // an article view shares its region view's overlay and sorted lists
    for (const c of region.crossings) {
      const known = [c.name, ...c.aliases].some((n) =>
        (world.byName.get(foldName(n)) ?? []).some(
          (p) => distanceKm(p.lat, p.lon, c.lat, c.lon) < 15,
        ),
      );
      if (known) continue;
      this.addOverlay([c.name, ...c.aliases], {
        name: c.name,
        admin1: null,
        admin2: null,
        country: nearestCountry(world, c.lat, c.lon),
        lat: c.lat,
        lon: c.lon,
        geo_precision: 1,
        kind: 'crossing',
        rank: RANK_CURATED,
        population: 0,
      });
    }
    for (const l of region.lines) {
      const base = world.lines.get(pairKey(l.sides[0], l.sides[1]));
      // The mission's name for the line wins over the world's, unless they are one and the same.
      if (base && base.name === l.name) continue;
      const a = world.countries.get(l.sides[0]);
      const b = world.countries.get(l.sides[1]);
      this.addOverlay([l.name, ...l.aliases], {
        name: l.name,
        admin1: null,
        admin2: null,
        country: null,
        lat: base?.lat ?? ((a?.lat ?? 0) + (b?.lat ?? 0)) / 2,
        lon: base?.lon ?? ((a?.lon ?? 0) + (b?.lon ?? 0)) / 2,
        geo_precision: 3,
        kind: 'line',
        rank: 0,
        population: 0,
        sides: l.sides,
      });
    }
  }

  private isOverlay(p: Place): boolean {
    const own = this.shared ?? this;
    return [...own.overlay.values()].some((list) => list.includes(p));
  }

  private addOverlay(names: string[], place: Place): void {
    for (const n of names) {
      const key = foldName(n);
      const list = this.overlay.get(key) ?? [];
      list.push(place);
      this.overlay.set(key, list);
      const parts = key.split(' ');
      for (let i = 1; i < parts.length; i++) this.overlayPrefixes.add(parts.slice(0, i).join(' '));
    }
  }

  /** The same world and region, with the article's context ordering its same-named places. */
  withContext(
    context: ReadonlyMap<string, readonly Place[]>,
    countries: readonly string[] = [],
  ): Gazetteer {
    return new Gazetteer(this.world, this.region, context, this.shared ?? this, countries);
  }

  /** The same world with another mission region. */
  withRegion(region: CodingRegion): Gazetteer {
    return new Gazetteer(this.world, region);
  }

  /** Places known by this (already folded) name, best first. */
  lookup(folded: string): readonly Place[] {
    const fromContext = this.context?.get(folded);
    if (fromContext) return fromContext;
    if (this.shared) return this.shared.lookup(folded);
    let list = this.sorted.get(folded);
    if (list) return list;
    const base = this.world.byName.get(folded) ?? [];
    const extra = this.overlay.get(folded) ?? [];
    const alt = this.world.byAlt.get(folded) ?? [];
    const all = [...extra, ...base, ...alt];
    list =
      all.length <= 1
        ? all
        : all
            .map((p) => ({ p, s: this.priorScore(p, folded) }))
            .sort((a, b) => b.s - a.s)
            .map((x) => x.p);
    this.sorted.set(folded, list);
    return list;
  }

  /** How likely this place is, under this name, among its namesakes before the article is read. */
  priorScore(p: Place, folded?: string): number {
    let s: number =
      folded !== undefined && this.world.byAlt.get(folded)?.includes(p) ? PRIOR.alternate : 0;
    if (p.kind === 'line') s += PRIOR.curated + (this.isOverlay(p) ? 2 : 1);
    else if (p.rank === RANK_CURATED) s += PRIOR.curated;
    else if (p.kind === 'country') s += PRIOR.country;
    else if (p.seat === 'p' || p.seat === 'd')
      s += PRIOR.adminBase[p.seat] + 0.1 * Math.log10(p.population + 10);
    else s += Math.log10(p.population + 10) + PRIOR.seat[p.seat ?? 't'];
    if (p.country !== null && this.regionCountries.has(p.country)) s += PRIOR.region;
    return s;
  }

  /** Places whose name is this one under looseName (a transliteration variant), best first. */
  lookupLoose(loose: string): readonly Place[] {
    if (loose.replace(/ /g, '').length < 5) return [];
    return this.context?.get(`~${loose}`) ?? this.looseIndex().byLoose.get(loose) ?? [];
  }

  hasLoosePrefix(loose: string): boolean {
    return this.looseIndex().prefixes.has(loose);
  }

  private loose: { byLoose: Map<string, Place[]>; prefixes: Set<string> } | null = null;

  /**
   * The looseName index, built on first use. Loose matching is for transliterations ("Killa" for
   * "Qila"): it covers curated places, countries, admin areas and the region's towns; over every
   * town of the world it would turn ordinary capitalised words into places
   */
  private looseIndex(): { byLoose: Map<string, Place[]>; prefixes: Set<string> } {
    if (this.shared) return this.shared.looseIndex();
    if (this.loose) return this.loose;
    // ("Levies" is no Lévis, Quebec): admin areas anywhere, towns only in the region.
    const eligible = (p: Place): boolean =>
      p.rank <= RANK_COUNTRY ||
      p.kind === 'province' ||
      p.kind === 'district' ||
      (p.country !== null && this.regionCountries.has(p.country));
    const byLoose = new Map<string, Place[]>();
    const prefixes = new Set<string>();
    for (const [key, all] of this.world.byName) {
      const list = all.filter(eligible);
      if (list.length === 0) continue;
      const loose = looseName(key);
      if (loose.replace(/ /g, '').length < 5) continue;
      const into = byLoose.get(loose);
      if (into) {
        for (const p of list) if (!into.includes(p)) into.push(p);
      } else byLoose.set(loose, list);
      if (!loose.includes(' ')) continue;
      const lp = loose.split(' ');
      for (let i = 1; i < lp.length; i++) prefixes.add(lp.slice(0, i).join(' '));
    }
    for (const list of byLoose.values())
      if (list.length > 1) list.sort((a, b) => this.priorScore(b) - this.priorScore(a));
    this.loose = { byLoose, prefixes };
    return this.loose;
  }

  /** True when some longer name starts with these (folded) tokens. */
  hasPrefix(folded: string): boolean {
    return this.world.prefixes.has(folded) || (this.shared ?? this).overlayPrefixes.has(folded);
  }

  /** True when a name is also an ordinary English word and names no curated place or country. */
  isCommonWord(folded: string): boolean {
    return (
      this.world.common.has(folded) &&
      !this.lookup(folded).some((p) => p.rank <= RANK_COUNTRY || p.seat === 'p')
    );
  }

  /** The country place for an ISO code. */
  country(code: string): Place | undefined {
    return this.world.countries.get(code);
  }

  /** Countries a demonym or adjective ("Congolese", "Thai") refers to. */
  demonymCountries(folded: string): readonly string[] {
    return this.world.demonyms.get(folded) ?? [];
  }

  /** A country's folded names and demonyms. */
  countryForms(code: string): readonly string[] {
    return this.world.forms.get(code) ?? [];
  }

  /** The line between two neighbouring countries (a mission line by its name first). */
  lineBetween(a: string, b: string): Place | undefined {
    const own = this.region.lines.find((l) => pairKey(l.sides[0], l.sides[1]) === pairKey(a, b));
    if (own) {
      const key = pairKey(a, b);
      const named = this.lookup(foldName(own.name)).find(
        (p) => p.kind === 'line' && p.sides && pairKey(p.sides[0], p.sides[1]) === key,
      );
      if (named) return named;
    }
    return this.world.lines.get(pairKey(a, b));
  }

  /** The mission's first line, if it has one: what an unqualified "the border" refers to. */
  missionLine(): Place | undefined {
    const l = this.region.lines[0];
    return l ? this.lineBetween(l.sides[0], l.sides[1]) : undefined;
  }

  areNeighbours(a: string, b: string): boolean {
    return this.world.lines.has(pairKey(a, b));
  }

  numericToAlpha2(id: string): string | undefined {
    return this.world.numeric[id];
  }

  /** This view with the places the article names ordered by its context (disambiguate.ts). */
  forArticle(article: Article): Gazetteer {
    return articleContext(this.shared ?? this, article);
  }

  get size(): number {
    return this.world.size;
  }

  get keyCount(): number {
    return this.world.byName.size;
  }

  get loadedFrom(): LoadedIndex['from'] {
    return this.world.loadedFrom;
  }
}

const views = new Map<string, Gazetteer>();

/**
 * The world gazetteer, loaded once per process (~0.7 s, see bench/ingest.bench.ts), seen with the
 * mission's region as its prior. With no region, no country is preferred.
 */
export function loadGazetteer(opts: GazetteerOptions = {}): Gazetteer {
  const region = opts.region ?? NO_REGION;
  const key = regionKey(region);
  let view = views.get(key);
  if (!view) {
    world ??= loadWorld();
    view = new Gazetteer(world, region);
    if (views.size > 16) views.clear();
    views.set(key, view);
  }
  return view;
}

/** True when two countries share a land border (world-atlas), e.g. both sides of a crossing. */
export function areNeighbours(a: string, b: string): boolean {
  return loadGazetteer().areNeighbours(a, b);
}

function add(byName: Map<string, Place[]>, key: string, place: Place): void {
  if (key.length < 2 || key.split(' ').length > MAX_NAME_TOKENS) return;
  const list = byName.get(key);
  if (!list) {
    byName.set(key, [place]);
    return;
  }
  // A GeoNames place may repeat a curated one (world-places.json copies GeoNames' Doha); GeoNames
  // rows are distinct places, and the curated ones come first in every list.
  for (const p of list) {
    if (p.rank >= RANK_GEONAMES && place.rank >= RANK_GEONAMES) break;
    if (samePlace(p, place)) return;
  }
  list.push(place);
}

function samePlace(a: Place, b: Place): boolean {
  return (
    a.name === b.name &&
    a.country === b.country &&
    a.kind === b.kind &&
    Math.abs(a.lat - b.lat) < 0.05 &&
    Math.abs(a.lon - b.lon) < 0.05
  );
}

const PRECISION: Record<IndexKind, GeoPrecision> = { c: 1, a: 1, s: 1, t: 1, x: 1, p: 3, d: 3 };

function loadWorld(): World {
  const loaded = loadWorldIndex();
  const { index } = loaded;
  const byName = new Map<string, Place[]>();
  const byAlt = new Map<string, Place[]>();
  const stop = new Set(Words.parse(readDataFile('place-stopwords.json')).words);
  const common = new Set(Words.parse(readDataFile('common-place-words.json')).words);
  let size = 0;
  const put = (keys: Iterable<string>, place: Place): void => {
    size++;
    for (const k of new Set(keys)) add(byName, k, place);
  };
  const curatedLines = new Map<string, Place>();
  for (const p of CuratedPlaces.parse(readDataFile('border-places.json')).places) {
    const { variants, ...rest } = p;
    const place: Place = { ...rest, rank: p.kind === 'line' ? 0 : RANK_CURATED, population: 0 };
    put([p.name, ...variants].map(foldName), place);
    if (p.sides) curatedLines.set(pairKey(p.sides[0], p.sides[1]), place);
  }
  for (const p of WorldPlaces.parse(readDataFile('world-places.json')).places) {
    put([p.name, ...p.variants].map(foldName), {
      name: p.name,
      admin1: p.admin1,
      admin2: null,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      geo_precision: 1,
      kind: 'town',
      rank: RANK_CURATED,
      population: 0,
    });
  }
  const names = new Map(
    CountryNames.parse(readDataFile('country-names.json')).countries.map((c) => [c.code, c]),
  );
  // "Thai" is an alternate name of Alor Setar: a demonym is never a GeoNames place.
  for (const n of names.values()) for (const d of n.demonyms) stop.add(foldName(d));
  // GeoNames places; country centroids default to the mean of their places.
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  const { admins, places } = index;
  for (let i = 0; i + ROW <= places.length; i += ROW) {
    const name = places[i] as string;
    const [main = '', alts = ''] = (places[i + 1] as string).split('#');
    const lat = (places[i + 2] as number) / 1e4;
    const lon = (places[i + 3] as number) / 1e4;
    const country = places[i + 4] as string;
    const a1 = places[i + 5] as number;
    const a2 = places[i + 6] as number;
    const seat = places[i + 8] as IndexKind;
    const kind: PlaceKind = seat === 'p' ? 'province' : seat === 'd' ? 'district' : 'town';
    const s = sums.get(country) ?? { lat: 0, lon: 0, n: 0 };
    if (kind === 'town') {
      s.lat += lat;
      s.lon += lon;
      s.n++;
      sums.set(country, s);
    }
    const place: Place = {
      name,
      admin1: a1 < 0 ? null : (admins[a1] ?? null),
      admin2: a2 < 0 ? null : (admins[a2] ?? null),
      country,
      lat,
      lon,
      geo_precision: PRECISION[seat],
      kind,
      rank: RANK_GEONAMES,
      population: places[i + 7] as number,
      seat,
    };
    const keys: string[] = [];
    for (const k of main.split('|')) {
      if (!k || stop.has(k) || k.length < 3) continue;
      keys.push(k);
      if (kind === 'province') keys.push(`${k} province`, `${k} region`, `${k} state`);
      if (kind === 'district') keys.push(`${k} district`);
    }
    if (keys.length > 0) put(keys, place);
    if (alts)
      for (const k of alts.split('|'))
        if (!stop.has(k) && !common.has(k) && !(byName.get(k)?.includes(place) ?? false))
          add(byAlt, k, place);
  }
  // "Rajouri" for GeoNames' Rajaori, "Poonch" for its Punch: names of those places; and the few
  // places the packages lack ("Kordofan", a region no admin list names).
  const extra = readNewsSpellings();
  for (const sp of extra.spellings) {
    const k = foldName(sp.name);
    for (const p of byName.get(foldName(sp.of)) ?? []) {
      if (p.country !== sp.country || p.rank !== RANK_GEONAMES) continue;
      add(byName, k, p);
      if (p.kind === 'district') add(byName, `${k} district`, p);
      // No longer only an alternate name of it (priorScore's alternate penalty).
      const alts = byAlt.get(k)?.filter((x) => x !== p);
      if (alts?.length) byAlt.set(k, alts);
      else byAlt.delete(k);
    }
  }
  for (const p of extra.places) {
    const { variants, ...rest } = p;
    put([p.name, ...variants].map(foldName), {
      ...rest,
      geo_precision: p.kind === 'town' ? 1 : 3,
      rank: RANK_GEONAMES,
      seat: p.kind === 'town' ? 't' : p.kind === 'district' ? 'd' : 'p',
    });
  }
  // Countries: CLDR English names for every code, the news forms, and a representative point.
  const centroids = new Map(
    Centroids.parse(readDataFile('countries.json')).countries.map((c) => [c.code, c]),
  );
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const countries = new Map<string, Place>();
  const demonyms = new Map<string, string[]>();
  const countryForms = new Map<string, string[]>();
  for (const code of new Set([...sums.keys(), ...names.keys(), ...centroids.keys()])) {
    const c = centroids.get(code);
    const n = names.get(code);
    const s = sums.get(code);
    let cldr: string | undefined;
    try {
      cldr = display.of(code);
    } catch {
      cldr = undefined;
    }
    const name = c?.name ?? n?.name ?? cldr ?? code;
    const lat = c?.lat ?? (s ? s.lat / s.n : 0);
    const lon = c?.lon ?? (s ? s.lon / s.n : 0);
    const place: Place = {
      name,
      admin1: null,
      admin2: null,
      country: code,
      lat: Math.round(lat * 1e4) / 1e4,
      lon: Math.round(lon * 1e4) / 1e4,
      geo_precision: 3,
      kind: 'country',
      rank: RANK_COUNTRY,
      population: 0,
    };
    countries.set(code, place);
    const all = [name, ...(c?.variants ?? []), ...(n ? [n.name, ...n.names] : [])];
    // CLDR writes "Congo - Kinshasa" and "Myanmar (Burma)": keep only plain names.
    if (cldr && cldr !== code && !/[()]| - /.test(cldr)) all.push(cldr);
    put(all.map(foldName), place);
    for (const d of n?.demonyms ?? []) {
      const key = foldName(d);
      demonyms.set(key, [...(demonyms.get(key) ?? []), code]);
    }
    countryForms.set(code, [
      ...new Set([...all, ...(n?.demonyms ?? [])].map(foldName).filter((f) => f.length > 2)),
    ]);
  }
  // Lines between neighbours: "the Thai-Cambodian border", "Armenia-Azerbaijan border".
  const lines = new Map<string, Place>();
  const forms = (code: string): string[] => {
    const n = names.get(code);
    const out = [countries.get(code)?.name ?? code, ...(n ? [n.name, ...n.names] : [])];
    if (n?.demonyms[0]) out.push(n.demonyms[0]);
    return [...new Set(out.map(foldName))].filter((f) => f.split(' ').length <= 2);
  };
  for (const [a, b, lat, lon] of index.lines) {
    const key = pairKey(a, b);
    const line: Place = curatedLines.get(key) ?? {
      // Named in alphabetical order: "Cambodia–Thailand border", whichever side news names first.
      name: `${[countries.get(a)?.name ?? a, countries.get(b)?.name ?? b].sort().join('–')} border`,
      admin1: null,
      admin2: null,
      country: null,
      lat,
      lon,
      geo_precision: 3,
      kind: 'line',
      rank: 0,
      population: 0,
      sides: [a, b],
    };
    lines.set(key, line);
    const keys: string[] = [];
    for (const x of forms(a))
      for (const y of forms(b))
        for (const word of ['border', 'frontier', 'boundary'])
          keys.push(`${x} ${y} ${word}`, `${y} ${x} ${word}`);
    put(keys, line);
  }
  const prefixes = new Set<string>();
  for (const key of [...byName.keys(), ...byAlt.keys()]) {
    if (!key.includes(' ')) continue;
    const parts = key.split(' ');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join(' '));
  }
  return {
    byName,
    byAlt,
    prefixes,
    common,
    countries,
    demonyms,
    forms: countryForms,
    lines,
    numeric: index.numeric,
    size,
    loadedFrom: loaded.from,
  };
}

function nearestCountry(w: World, lat: number, lon: number): string | null {
  let best: string | null = null;
  let bestD = 30; // km: beyond that the crossing's side is not known
  for (const list of w.byName.values()) {
    for (const p of list) {
      if (p.kind !== 'town' || Math.abs(p.lat - lat) > 0.5 || Math.abs(p.lon - lon) > 0.5) continue;
      const d = distanceKm(lat, lon, p.lat, p.lon);
      if (d < bestD) {
        bestD = d;
        best = p.country;
      }
    }
  }
  return best;
}

export type { GeoPrecision };
