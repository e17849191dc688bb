// The mission view's text filter on the server (GET …/incidents?q=, the store's full-text index:
// FTS5 on SQLite, tsvector on PostgreSQL): every word must appear in the incident's title,
// summary, place, type or its reports. One request series per distinct text, the last one kept;
// a newer text aborts the older request.
import { listIncidents, type ApiIncident } from '../../api.js';

export type TextMatches =
  | { state: 'none' }
  | { state: 'pending' }
  | { state: 'failed'; why: string }
  | { state: 'matched'; items: ApiIncident[] };

export interface TextSearch {
  /** What the server matched for `q` ("none": no text filter); starts the search if new. */
  matches(q: string): TextMatches;
}

/** The words as the server reads them (letters and digits), so "Kunar," and "kunar" are one search. */
export const searchKey = (q: string): string =>
  (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').toLocaleLowerCase('en');

export function createTextSearch(
  slug: string,
  signal: AbortSignal,
  onDone: () => void,
): TextSearch {
  let key = '';
  let result: TextMatches = { state: 'none' };
  let inflight: AbortController | null = null;
  return {
    matches(q) {
      const k = searchKey(q);
      if (!k) return { state: 'none' };
      if (k === key) return result;
      key = k;
      result = { state: 'pending' };
      inflight?.abort();
      const mine = new AbortController();
      inflight = mine;
      signal.addEventListener('abort', () => mine.abort(), { once: true });
      listIncidents(slug, mine.signal, { q: k }).then(
        (items) => {
          if (key !== k) return;
          result = { state: 'matched', items };
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
