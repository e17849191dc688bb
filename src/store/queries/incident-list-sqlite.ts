// The incident list on SQLite (incident-list.ts). Three plans, by what the query asks:
//  - a box without words: the R*Tree gives the box's list keys, newest first, in chunks;
//  - words: FTS5, whose rowid is the list key, so matches come newest first with no sort;
//  - otherwise: the (mission, date, idx) list indexes, newest first.
// Statements are prepared once per SQL text (sqlite-statement-cache.ts).
import { sql } from 'kysely';
import type { IncidentQuery, Viewer } from '../workflow-store.js';
import { commonFilters } from './incident-filters.js';
import { decodeCursor, ftsQuery, KEY_IDX, listKey, ofMission } from './incident-keys.js';
import {
  listColumns,
  type IncidentListContext,
  type IncidentListQuery,
  type IncidentRowData,
} from './incident-list.js';

export function sqliteIncidentList({ db, missionNo }: IncidentListContext): IncidentListQuery {
  return async (mission: string, query: IncidentQuery, viewer: Viewer) => {
    const where = commonFilters(mission, query, viewer);
    /** Without words: the box's list keys come from the R*Tree (see below). */
    let boxes: [number, number][] | undefined;
    if (query.bbox) {
      const [w, s, e, n] = query.bbox;
      // The R*Tree finds the box's incidents; the date-ordered scan never reads the rest.
      const no = await missionNo(mission);
      const box = (lo: number, hi: number) =>
        sql`select g.id % ${KEY_IDX} from wf_incidents_geo g where g.min_lat >= ${s}
          and g.max_lat <= ${n} and g.min_lon >= ${lo} and g.max_lon <= ${hi}
          and ${ofMission(no)}`;
      if (query.q)
        where.push(
          w <= e
            ? sql`i.idx in (${box(w, e)})`
            : sql`(i.idx in (${box(w, 180)}) or i.idx in (${box(-180, e)}))`,
        );
      else
        boxes =
          w <= e
            ? [[w, e]]
            : [
                [w, 180],
                [-180, e],
              ];
    }
    const c = query.cursor ? decodeCursor(query.cursor) : undefined;
    const limit = query.limit + 1;
    if (boxes && query.bbox) {
      // The R*Tree gives the box's list keys, and key order is list order: SQLite sorts them and
      // hands over the next chunk below the last one (no key crosses into JavaScript unused). The
      // key starts with the day, so the date range and the cursor are key bounds, not rows.
      const no = await missionNo(mission);
      const [, s, , n] = query.bbox;
      const bottom = query.from ? listKey(no, query.from, 0) : 0;
      let top = Math.min(
        query.to ? listKey(no, query.to, KEY_IDX - 1) : Number.MAX_SAFE_INTEGER,
        c ? listKey(no, c.date, c.idx) - 1 : Number.MAX_SAFE_INTEGER,
      );
      // The first chunk is one page (every key matches when nothing else filters); the next is
      // sized by the share of keys that passed the other filters so far (each chunk is one more
      // R*Tree search). The covering key index (migration 0008) checks those filters before the
      // row is read: SQLite seeks the table only for a column the index lacks.
      const rows: IncidentRowData[] = [];
      let tried = 0;
      for (let chunk = limit; rows.length < limit;) {
        let keys: number[] = [];
        for (const [lo, hi] of boxes) {
          const r = await sql<{ id: number }>`select g.id from wf_incidents_geo g
            where g.min_lat >= ${s} and g.max_lat <= ${n} and g.min_lon >= ${lo}
              and g.max_lon <= ${hi} and ${ofMission(no)} and g.id between ${bottom} and ${top}
            order by g.id desc limit ${chunk}`.execute(db);
          keys.push(...r.rows.map((x) => x.id));
        }
        // Two boxes (across the antimeridian) are disjoint: merge their newest keys.
        if (boxes.length > 1) keys = keys.sort((a, b) => b - a).slice(0, chunk);
        if (keys.length === 0) break;
        const got = (
          await sql<IncidentRowData>`select ${listColumns('i')} from wf_incidents i
            indexed by wf_incidents_key_cover
            where ${sql.join(where, sql` and `)}
              and i.idx in (${sql.join(keys.map((k) => k % KEY_IDX))})`.execute(db)
        ).rows;
        got.sort((a, b) => listKey(no, b.date, b.idx) - listKey(no, a.date, a.idx));
        rows.push(...got);
        if (keys.length < chunk) break;
        top = keys[keys.length - 1]! - 1;
        tried += keys.length;
        const share = Math.max(rows.length / tried, 1 / 64);
        chunk = Math.min(Math.max(Math.ceil(((limit - rows.length) / share) * 1.25), limit), 16384);
      }
      return rows.slice(0, limit);
    }
    if (query.q) {
      // FTS5 yields matches in rowid order, and the rowid is the list order: newest first with no
      // sort of all matches, however common the words.
      const fts = ftsQuery(query.q);
      if (!fts) return [];
      if (c) where.push(sql`f.rowid < ${listKey(await missionNo(mission), c.date, c.idx)}`);
      return (
        await sql<IncidentRowData>`select ${listColumns('i')} from wf_incidents_fts f
          join wf_incidents i on i.mission = ${mission} and i.idx = (f.rowid % ${KEY_IDX})
          where wf_incidents_fts match ${fts} and f.mission = ${mission}
            and ${sql.join(where, sql` and `)}
          order by f.rowid desc limit ${limit}`.execute(db)
      ).rows;
    }
    if (c) where.push(sql`(i.date < ${c.date} or (i.date = ${c.date} and i.idx < ${c.idx}))`);
    return (
      await sql<IncidentRowData>`select ${listColumns('r')} from (select i.date, i.idx
        from wf_incidents i where ${sql.join(where, sql` and `)}
        order by i.date desc, i.idx desc limit ${limit}) k
        join wf_incidents r on r.mission = ${mission} and r.idx = k.idx
        order by k.date desc, k.idx desc`.execute(db)
    ).rows;
  };
}
