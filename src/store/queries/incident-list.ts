// The incident list's query (GET /api/v1/missions/<m>/incidents and the exports): the filters every
// dialect shares, and one implementation per dialect (incident-list-sqlite.ts,
// incident-list-postgres.ts), chosen once when the read model opens (issue 12 item 3). Each returns
// up to `limit + 1` rows of wf_incidents, newest first (date, then log index), below the cursor;
// the read model (workflow-store.ts) turns them into the viewer's rows and the next cursor.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../migrations.js';
import type { Database } from '../schema.js';
import type { WfIncidentsTable, WorkflowTables } from '../workflow-schema.js';
import type { IncidentQuery, Viewer } from '../workflow-store.js';
import { postgresIncidentList } from './incident-list-postgres.js';
import { sqliteIncidentList } from './incident-list-sqlite.js';

/**
 * The columns a list row is made of (workflow-store.ts toRow, and the confidential overlay): not
 * the search text or its vectors, which can be far larger than the rest of the row and which
 * only the WHERE reads.
 */
export const LIST_COLUMNS = [
  'id',
  'idx',
  'title',
  'type',
  'status',
  'date',
  'time_precision',
  'location',
  'fatalities',
  'orgs',
  'verdict',
  'attribution',
  'released_idx',
] as const satisfies ReadonlyArray<keyof WfIncidentsTable>;

export type IncidentRowData = Pick<WfIncidentsTable, (typeof LIST_COLUMNS)[number]>;

/** `alias.id, alias.idx, …`: the list columns of the table named `alias` in the query. */
export function listColumns(alias: string): RawBuilder<unknown> {
  return sql.raw(LIST_COLUMNS.map((c) => `${alias}.${c}`).join(', '));
}

export interface IncidentListContext {
  db: Kysely<Database & WorkflowTables>;
  /** The mission's number in SQLite list keys. */
  missionNo(mission: string): Promise<number>;
}

/** The list's rows, a page and one more (which says there is a next page). */
export type IncidentListQuery = (
  mission: string,
  query: IncidentQuery,
  viewer: Viewer,
) => Promise<IncidentRowData[]>;

const IMPLEMENTATIONS: Record<Dialect, (ctx: IncidentListContext) => IncidentListQuery> = {
  sqlite: sqliteIncidentList,
  postgres: postgresIncidentList,
};

/** The list query of this store's dialect. */
export function incidentListQuery(dialect: Dialect, ctx: IncidentListContext): IncidentListQuery {
  return IMPLEMENTATIONS[dialect](ctx);
}
