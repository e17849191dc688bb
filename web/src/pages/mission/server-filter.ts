// The mission view's filters, run on the server over every incident the reader may see (issue 10:
// at 100,000 incidents the page holds only the newest 5,000, so filtering those would answer a
// different question). For each distinct set of filters:
//   GET …/incidents?<filters>                 the matching list, newest first (up to 5,000 held)
//   GET …/stats/incidents-per-day?<filters>   every match counted per day, without the date range
//                                             (the timeline shows what the brush may choose from)
// One series of requests per distinct query, the last one kept; a newer query aborts the older.
// With no filter the page's own list stands, and only the counts per day are asked for.
import { listIncidents, type ApiIncident } from '../../api.js';
import type { Bounds, Filters } from './filters.js';

/** The server's answer for one set of filters. */
export interface ServerView {
  /** The matching incidents, newest first; null when no filter is set (the page's list stands). */
  items: ApiIncident[] | null;
  /** Every match per day (YYYY-MM-DD), the date range left out. */
  perDay: Map<string, number>;
  /** Every incident the reader may see, unfiltered (asked once). */
  released: number;
}

export type ServerMatches =
  { state: 'pending' } | { state: 'failed'; why: string } | ({ state: 'matched' } & ServerView);

/** The words as the server reads them (letters and digits), so "Kunar," and "kunar" are one query. */
export const searchKey = (q: string): string =>
  (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').toLocaleLowerCase('en');

const edge = (x: number, m: number) => Math.max(-m, Math.min(m, x)).toFixed(4);

/**
 * The filters as the API's query, without the date range (`dates` adds it). `bounds`: what the map
 * shows, used only with "only what the map shows".
 */
export function serverQuery(f: Filters, bounds: Bounds | null): URLSearchParams {
  const p = new URLSearchParams();
  if (f.types.length) p.set('type', f.types.join(','));
  if (f.parties.length) p.set('party', f.parties.join(','));
  if (f.verdicts.length) p.set('verdict', f.verdicts.join(','));
  const q = searchKey(f.q);
  if (q) p.set('q', q);
  if (f.inView && bounds) {
    const [w, s, e, n] = bounds;
    p.set('bbox', [edge(w, 180), edge(s, 90), edge(e, 180), edge(n, 90)].join(','));
  }
  return p;
}

function withDates(p: URLSearchParams, f: Filters): URLSearchParams {
  const out = new URLSearchParams(p);
  if (f.from) out.set('from', f.from);
  if (f.to) out.set('to', f.to);
  return out;
}

async function perDay(slug: string, q: URLSearchParams, signal: AbortSignal) {
  const r = await fetch(
    `/api/v1/missions/${encodeURIComponent(slug)}/stats/incidents-per-day?${q}`,
    { headers: { accept: 'application/json' }, signal },
  );
  if (!r.ok) throw new Error(`HTTP ${r.status} for the counts per day`);
  const body = (await r.json()) as { days?: unknown };
  if (!Array.isArray(body.days)) throw new Error('the counts per day have no "days" list');
  const out = new Map<string, number>();
  for (const d of body.days as { date?: unknown; count?: unknown }[])
    if (typeof d.date === 'string' && typeof d.count === 'number') out.set(d.date, d.count);
  return out;
}

export interface ServerFilter {
  /** What the server answered for these filters; starts the requests if the query is new. */
  matches(f: Filters, bounds: Bounds | null): ServerMatches;
}

export function createServerFilter(
  slug: string,
  signal: AbortSignal,
  onDone: () => void,
): ServerFilter {
  let key: string | null = null;
  let result: ServerMatches = { state: 'pending' };
  let inflight: AbortController | null = null;
  let released: Promise<number> | null = null;
  const releasedCount = () => {
    released ??= perDay(slug, new URLSearchParams(), signal).then(
      (days) => [...days.values()].reduce((a, b) => a + b, 0),
      (err: unknown) => {
        released = null; // asked again with the next query
        throw err;
      },
    );
    return released;
  };
  return {
    matches(f, bounds) {
      const base = serverQuery(f, bounds);
      const full = withDates(base, f);
      const k = `${base}#${full}`;
      if (k === key) return result;
      key = k;
      result = { state: 'pending' };
      inflight?.abort();
      const mine = new AbortController();
      inflight = mine;
      signal.addEventListener('abort', () => mine.abort(), { once: true });
      const filtered = full.size > 0;
      const range: Record<string, string> = Object.fromEntries(full);
      Promise.all([
        filtered ? listIncidents(slug, mine.signal, range) : Promise.resolve(null),
        perDay(slug, base, mine.signal),
        releasedCount(),
      ]).then(
        ([items, days, all]) => {
          if (key !== k) return;
          result = { state: 'matched', items, perDay: days, released: all };
          onDone();
        },
        (err: unknown) => {
          if (key !== k || mine.signal.aborted) return;
          result = { state: 'failed', why: err instanceof Error ? err.message : String(err) };
          onDone();
        },
      );
      return result;
    },
  };
}
