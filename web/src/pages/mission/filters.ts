// The mission view's filters, all in the URL (issue 10 item 3: "all in the URL, so a view can be
// shared"): reading the query gives the same list as before a reload.
//   from, to   YYYY-MM-DD, inclusive          type, party, verdict   comma lists (any of them)
//   q          words, all must appear in the incident's text (the server's full-text index)
//   inview=1   only what the map shows, with at=<zoom>/<lat>/<lon> (the map's view, so a reload
//              shows the same part of the map and so the same list)
//   news=1     the machine-coded news layer      sel=<id>  the list's current row
// Pure functions over URLSearchParams: no DOM. The filtering itself is the server's
// (server-filter.ts).

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
