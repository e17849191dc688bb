// The mission view's filters, all in the URL (issue 10 item 3: "all in the URL, so a view can be
// shared"): reading the query gives the same list as before a reload.
//   from, to   YYYY-MM-DD, inclusive          type, party, verdict   comma lists (any of them)
//   q          words, all must appear in the title or the place
//   inview=1   only what the map shows, with at=<zoom>/<lat>/<lon> (the map's view, so a reload
//              shows the same part of the map and so the same list)
//   news=1     the machine-coded news layer      sel=<id>  the list's current row
// Pure functions over URLSearchParams and the incident list: no DOM.
import type { ApiIncident } from '../../api.js';

export interface MapView {
  zoom: number;
  center: [number, number];
}

export interface Filters {
  from: string | null;
  to: string | null;
  types: string[];
  parties: string[];
  verdicts: string[];
  q: string;
  inView: boolean;
  at: MapView | null;
  news: boolean;
  selected: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

const csv = (v: string | null): string[] =>
  v
    ? [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => CODE.test(s)),
        ),
      ]
    : [];

function parseView(v: string | null): MapView | null {
  if (!v) return null;
  const [z, lat, lon] = v.split('/').map(Number);
  if (![z, lat, lon].every((x) => Number.isFinite(x))) return null;
  if (z! < 0 || z! > 22 || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) return null;
  return { zoom: z!, center: [lon!, lat!] };
}

export function readFilters(params: URLSearchParams): Filters {
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : null;
  };
  return {
    from: day('from'),
    to: day('to'),
    types: csv(params.get('type')),
    parties: csv(params.get('party')),
    verdicts: csv(params.get('verdict')),
    q: (params.get('q') ?? '').slice(0, 200),
    inView: params.get('inview') === '1',
    at: parseView(params.get('at')),
    news: params.get('news') === '1',
    selected: params.get('sel'),
  };
}

const round = (x: number, d: number) => String(Math.round(x * 10 ** d) / 10 ** d);

/** The filters as query parameters, keeping any others the URL has (such as ?lang=). */
export function writeFilters(f: Filters, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base);
  const set = (k: string, v: string | null | undefined) => (v ? p.set(k, v) : p.delete(k));
  set('from', f.from);
  set('to', f.to);
  set('type', f.types.join(','));
  set('party', f.parties.join(','));
  set('verdict', f.verdicts.join(','));
  set('q', f.q.trim());
  set('inview', f.inView ? '1' : null);
  set(
    'at',
    f.inView && f.at
      ? `${round(f.at.zoom, 2)}/${round(f.at.center[1], 4)}/${round(f.at.center[0], 4)}`
      : null,
  );
  set('news', f.news ? '1' : null);
  set('sel', f.selected);
  return p;
}

/** West, south, east, north. */
export type Bounds = [number, number, number, number];

function inBounds(i: ApiIncident, b: Bounds): boolean {
  const [w, s, e, n] = b;
  const { lat, lon } = i.location;
  if (lat < s || lat > n) return false;
  return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e; // across the antimeridian
}

/** Folds case and accents so "kunar" finds "Kunar" and "turkiye" finds "Türkiye". */
export const fold = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

export interface ApplyOptions {
  /** What the map shows, for inView (ignored when null: the map has not drawn yet). */
  bounds?: Bounds | null;
  /** Leave the date range out (the timeline counts what the other filters keep). */
  ignoreDates?: boolean;
}

export function applyFilters(
  items: readonly ApiIncident[],
  f: Filters,
  opts: ApplyOptions = {},
): ApiIncident[] {
  const words = fold(f.q).split(/\s+/).filter(Boolean);
  const types = new Set(f.types);
  const parties = new Set(f.parties);
  const verdicts = new Set(f.verdicts);
  return items.filter((i) => {
    const d = i.date.slice(0, 10);
    if (!opts.ignoreDates && f.from && d < f.from) return false;
    if (!opts.ignoreDates && f.to && d > f.to) return false;
    if (types.size && !types.has(i.type)) return false;
    if (
      parties.size &&
      !i.parties.some((p) => parties.has(p)) &&
      !(i.attribution && parties.has(i.attribution))
    ) {
      return false;
    }
    if (verdicts.size && !verdicts.has(i.verdict ?? 'none')) return false;
    if (words.length) {
      const l = i.location;
      const hay = fold([i.title, l.name, l.admin2, l.admin1, l.country].filter(Boolean).join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    if (f.inView && opts.bounds && !inBounds(i, opts.bounds)) return false;
    return true;
  });
}
