// The incident list on PostgreSQL (incident-list.ts). Heap rows lie in log order, lists in date
// order: every row examined on the heap costs a page read. So keys come from index-only scans of
// the covering list indexes (migration 0007) and only the page's rows are read from the heap.
import { sql } from 'kysely';
import type { IncidentQuery, Viewer } from '../workflow-store.js';
import { commonFilters } from './incident-filters.js';
import { decodeCursor } from './incident-keys.js';
import {
  listColumns,
  type IncidentListContext,
  type IncidentListQuery,
  type IncidentRowData,
} from './incident-list.js';

/** How many newest entries a text filter is tried on before its GIN index. */
const PG_WINDOW = 20_000;

export function postgresIncidentList({ db }: IncidentListContext): IncidentListQuery {
  return async (mission: string, query: IncidentQuery, viewer: Viewer) => {
    const where = commonFilters(mission, query, viewer);
    if (query.bbox) {
      // Ranges on the columns the list indexes include (migration 0007), or, for a small box,
      // on the (mission, lat, lon) index: the planner has the columns' statistics to choose.
      // West above east crosses the antimeridian: two ranges of longitude.
      const [w, s, e, n] = query.bbox;
      where.push(sql`i.lat between ${s} and ${n}`);
      where.push(w <= e ? sql`i.lon between ${w} and ${e}` : sql`(i.lon >= ${w} or i.lon <= ${e})`);
    }
    const c = query.cursor ? decodeCursor(query.cursor) : undefined;
    const limit = query.limit + 1;
    if (c) where.push(sql`(i.date < ${c.date} or (i.date = ${c.date} and i.idx < ${c.idx}))`);
    const all = sql.join(where, sql` and `);
    if (!query.q)
      return (
        await sql<IncidentRowData>`select ${listColumns('r')} from (select i.date, i.idx
          from wf_incidents i where ${all} order by i.date desc, i.idx desc limit ${limit}) k
          join wf_incidents r on r.mission = ${mission} and r.idx = k.idx
          order by k.date desc, k.idx desc`.execute(db)
      ).rows;
    const words = sql`plainto_tsquery('simple', ${query.q})`;
    // Newest first: the newest PG_WINDOW entries that pass the other filters are tried for the
    // words on the date index's stripped vector (rows whose text is too long for it have none and
    // are checked on the row); enough when the words are common. Otherwise the GIN index finds
    // the few matches and they are sorted. Either way, the exact top of the list.
    const rows = (
      await sql<IncidentRowData>`select ${listColumns('r')} from (select i.date, i.idx,
        i.search_short from wf_incidents i where ${all} order by i.date desc, i.idx desc
        limit ${PG_WINDOW}) k join wf_incidents r on r.mission = ${mission} and r.idx = k.idx
        where (k.search_short is null or k.search_short @@ ${words})
          and r.search_tsv @@ ${words}
        order by k.date desc, k.idx desc limit ${limit}`.execute(db)
    ).rows;
    // Fewer than `limit` in the window: the words are rarer than 1 in 200 there. The matches are
    // taken whole from the GIN index (materialized, so the planner cannot instead walk the date
    // order hoping to meet them soon: it guesses a rare word's frequency from its statistics'
    // least common words, and walked 640,000 rows for 101 at a million).
    if (rows.length >= limit) return rows;
    return (
      await sql<IncidentRowData>`with m as materialized (select ${listColumns('i')}
        from wf_incidents i where ${all} and i.search_tsv @@ ${words})
        select ${listColumns('m')} from m order by m.date desc, m.idx desc limit ${limit}`.execute(
        db,
      )
    ).rows;
  };
}
