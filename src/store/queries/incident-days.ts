// Incidents per day under the list's filters (GET /api/v1/missions/<m>/stats/incidents-per-day):
// the mission view's timeline and counts over every incident the caller may see, not only the
// newest pages the browser holds (issue 10). The same filters as the list (incident-filters.ts);
// the box and the words as each dialect's list reads them, without its paging plans: a count
// reads every match whatever the order.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../migrations.js';
import type { Database } from '../schema.js';
import type { WorkflowTables } from '../workflow-schema.js';
import type { IncidentQuery, Viewer } from '../workflow-store.js';
import { commonFilters } from './incident-filters.js';
import { ftsQuery, KEY_IDX } from './incident-keys.js';

export interface DayCount {
  date: string;
  count: number;
}

export interface IncidentDaysContext {
  db: Kysely<Database & WorkflowTables>;
  dialect: Dialect;
}

/** Per day (YYYY-MM-DD, oldest first), how many incidents pass the filters; cursor and limit are ignored. */
export async function incidentDays(
  { db, dialect }: IncidentDaysContext,
  mission: string,
  query: IncidentQuery,
  viewer: Viewer,
): Promise<DayCount[]> {
  const where: RawBuilder<unknown>[] = commonFilters(mission, query, viewer);
  if (query.bbox) {
    // West above east crosses the antimeridian: two ranges of longitude.
    const [w, s, e, n] = query.bbox;
    where.push(sql`i.lat between ${s} and ${n}`);
    where.push(w <= e ? sql`i.lon between ${w} and ${e}` : sql`(i.lon >= ${w} or i.lon <= ${e})`);
  }
  if (query.q) {
    if (dialect === 'sqlite') {
      const fts = ftsQuery(query.q);
      if (!fts) return [];
      where.push(sql`i.idx in (select f.rowid % ${KEY_IDX} from wf_incidents_fts f
        where wf_incidents_fts match ${fts} and f.mission = ${mission})`);
    } else where.push(sql`i.search_tsv @@ plainto_tsquery('simple', ${query.q})`);
  }
  const rows = await sql<{ date: string; n: number | string }>`select i.date as date,
    count(*) as n from wf_incidents i where ${sql.join(where, sql` and `)}
    group by i.date order by i.date`.execute(db);
  return rows.rows.map((r) => ({ date: String(r.date).slice(0, 10), count: Number(r.n) }));
}
