// Migration 0003_workflow: the workflow read model (projections of the log, see workflow-store.ts)
// and the private store of confidential records. Every wf_* table except wf_confidential is derived
// from the log and can be dropped and rebuilt; wf_confidential holds what the log only commits to.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './migrations.js';

export function workflowMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<unknown>) {
      // How many log entries of the mission the read model has applied.
      await db.schema
        .createTable('wf_state')
        .addColumn('mission', 'text', (c) => c.primaryKey())
        .addColumn('applied', bigint, (c) => c.notNull())
        .execute();
      // Key holders as registered by `key` entries.
      await db.schema
        .createTable('wf_authors')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('user', 'text', (c) => c.notNull())
        .addColumn('org', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('revoked', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_authors_pk', ['mission', 'author'])
        .execute();
      // Every record (log entries, and confidential records under their commitment's index).
      await db.schema
        .createTable('wf_records')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('idx', bigint, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('org', 'text')
        .addColumn('role', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('incident', 'text')
        /** "public", or "side:XX" for a confidential record not yet revealed. */
        .addColumn('visibility', 'text', (c) => c.notNull())
        /** The commitment a confidential record was filed under. */
        .addColumn('commitment', 'text')
        /** null when accepted; the rule that refused it otherwise. */
        .addColumn('refused', 'text')
        .addColumn('superseded_by', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_records_pk', ['mission', 'id'])
        .execute();
      await db.schema
        .createIndex('wf_records_incident')
        .on('wf_records')
        .columns(['mission', 'incident', 'idx'])
        .execute();
      await db.schema
        .createIndex('wf_records_idx')
        .on('wf_records')
        .columns(['mission', 'idx'])
        .execute();
      await db.schema
        .createTable('wf_reports')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('org', 'text', (c) => c.notNull())
        .addColumn('accused', 'text')
        .addColumn('incident', 'text')
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('response', 'text')
        .addColumn('response_at', 'text')
        .addColumn('response_received_at', 'text')
        .addPrimaryKeyConstraint('wf_reports_pk', ['mission', 'id'])
        .execute();
      await db.schema
        .createIndex('wf_reports_incident')
        .on('wf_reports')
        .columns(['mission', 'incident'])
        .execute();
      await db.schema
        .createTable('wf_incidents')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('idx', bigint, (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('time_precision', 'integer', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('lat', real, (c) => c.notNull())
        .addColumn('lon', real, (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('finding', 'text')
        .addColumn('verdict', 'text')
        .addColumn('attribution', 'text')
        .addColumn('released_idx', bigint)
        .addColumn('search', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_incidents_pk', ['mission', 'id'])
        .execute();
      for (const cols of [
        ['mission', 'date', 'id'],
        ['mission', 'status', 'date', 'id'],
        ['mission', 'type', 'date', 'id'],
        ['mission', 'lat', 'lon'],
      ]) {
        await db.schema
          .createIndex(`wf_incidents_${cols.slice(1).join('_')}`)
          .on('wf_incidents')
          .columns(cols)
          .execute();
      }
      // Which organisations an incident involves (reporting, accused, attributed): party filter
      // and what a party may read.
      await db.schema
        .createTable('wf_incident_orgs')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('org', 'text', (c) => c.notNull())
        .addColumn('incident', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_incident_orgs_pk', ['mission', 'org', 'incident'])
        .execute();
      await db.schema
        .createIndex('wf_incident_orgs_incident')
        .on('wf_incident_orgs')
        .columns(['mission', 'incident'])
        .execute();
      if (dialect === 'postgres') {
        await sql`alter table wf_incidents add column search_tsv tsvector generated always as (to_tsvector('simple', search)) stored`.execute(
          db,
        );
        await sql`create index wf_incidents_fts on wf_incidents using gin (search_tsv)`.execute(db);
      } else {
        await sql`create virtual table wf_incidents_fts using fts5(search, mission unindexed, id unindexed, tokenize = 'unicode61 remove_diacritics 2')`.execute(
          db,
        );
      }
      await db.schema
        .createTable('wf_tasks')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('incident', 'text', (c) => c.notNull())
        .addColumn('assignee', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('open', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('denied_by', 'text')
        .addPrimaryKeyConstraint('wf_tasks_pk', ['mission', 'id'])
        .execute();
      await db.schema
        .createIndex('wf_tasks_assignee')
        .on('wf_tasks')
        .columns(['mission', 'assignee', 'incident'])
        .execute();
      await db.schema
        .createTable('wf_findings')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('incident', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('attribution', 'text', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('endorsers', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_findings_pk', ['mission', 'id'])
        .execute();
      await db.schema
        .createTable('wf_crossings')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('idx', bigint, (c) => c.notNull())
        .addColumn('crossing', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('effective_at', 'text', (c) => c.notNull())
        .addColumn('org', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_crossings_pk', ['mission', 'id'])
        .execute();
      await db.schema
        .createIndex('wf_crossings_crossing')
        .on('wf_crossings')
        .columns(['mission', 'crossing', 'effective_at'])
        .execute();
      await db.schema
        .createTable('wf_commitments')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('idx', bigint, (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('revealed_idx', bigint)
        .addPrimaryKeyConstraint('wf_commitments_pk', ['mission', 'id'])
        .execute();
      // Private: confidential records as submitted (exact signed entry and salt), by commitment id.
      // Not in the log and not derivable from it: back it up with the database.
      await db.schema
        .createTable('wf_confidential')
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('commitment', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('salt', 'text', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wf_confidential_pk', ['mission', 'commitment'])
        .execute();
    },
  };
}

/**
 * Migration 0004_workflow_lists: list queries that stay fast at a million incidents. Incidents are
 * ordered by (date, log index) — the index is dense and assigned by the log, unlike ids — and
 * carry the organisations they involve as one column (" AF PK "), so visibility and the party
 * filter are row predicates on the date-ordered index scan rather than semi-joins. On SQLite the
 * full-text rowid is dayNumber·2^32 + log index, so FTS5 yields matches already newest-first.
 * The read model is derived: this clears it and the server re-applies the log at start.
 */
export function workflowListsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('wf_incidents')
        .addColumn('orgs', 'text', (c) => c.notNull().defaultTo(' '))
        .execute();
      for (const t of [
        'wf_state',
        'wf_authors',
        'wf_records',
        'wf_reports',
        'wf_incidents',
        'wf_incident_orgs',
        'wf_tasks',
        'wf_findings',
        'wf_crossings',
        'wf_commitments',
      ])
        await sql`delete from ${sql.table(t)}`.execute(db);
      for (const name of [
        'wf_incidents_date_id',
        'wf_incidents_status_date_id',
        'wf_incidents_type_date_id',
      ])
        await db.schema.dropIndex(name).execute();
      for (const cols of [
        ['mission', 'date', 'idx'],
        ['mission', 'status', 'date', 'idx'],
        ['mission', 'type', 'date', 'idx'],
      ]) {
        await db.schema
          .createIndex(`wf_incidents_${cols.slice(1).join('_')}`)
          .on('wf_incidents')
          .columns(cols)
          .execute();
      }
      await db.schema
        .createIndex('wf_incidents_log_idx')
        .on('wf_incidents')
        .columns(['mission', 'idx'])
        .unique()
        .execute();
      if (dialect === 'sqlite') await sql`delete from wf_incidents_fts`.execute(db);
    },
  };
}

/**
 * Migration 0005_workflow_keys (SQLite): list keys that stay unique across missions and an R*Tree
 * for bounding-box filters. The FTS5 rowid and the R*Tree id are one list key,
 *   dayNumber·2^37 + missionNumber·2^27 + log index
 * (missionNumber from the setting wf.no; limits: 1,024 missions, 134 million entries a mission),
 * below 2^53 so JavaScript numbers hold it. Clears the derived tables; the log is re-applied.
 */
export function workflowKeysMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`create virtual table wf_incidents_geo using rtree(id, min_lat, max_lat, min_lon, max_lon, +mission)`.execute(
        db,
      );
      for (const t of [
        'wf_state',
        'wf_authors',
        'wf_records',
        'wf_reports',
        'wf_incidents',
        'wf_incident_orgs',
        'wf_tasks',
        'wf_findings',
        'wf_crossings',
        'wf_commitments',
        'wf_incidents_fts',
      ])
        await sql`delete from ${sql.table(t)}`.execute(db);
    },
  };
}

/** Migration 0006_workflow_geo (PostgreSQL): a GiST index for bounding-box filters. */
export function workflowGeoMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`create index wf_incidents_point on wf_incidents using gist (point(lon, lat))`.execute(
        db,
      );
    },
  };
}

/**
 * Migration 0007_workflow_cover (PostgreSQL): list indexes that answer from the index alone.
 * Heap rows lie in log order while lists run in date order, so a filter checked on the row reads
 * one heap page per row examined (at a million incidents, a 1°×1° box examined ~10,000 rows and
 * took ~0.5 s; EXPLAIN (ANALYZE, BUFFERS) showed ~11,000 heap pages). The date, type and status
 * indexes now INCLUDE the filtered columns, so keys are found by an index-only scan and only the
 * page's rows are read. The date index also carries the words as a stripped tsvector (no
 * positions: plainto_tsquery's `&` needs none) for texts up to 600 characters — btree entries must
 * stay under ~2,700 bytes — so the newest rows are tried for words without their heap pages;
 * longer texts have none there and are checked on the row. The GiST index on points is replaced:
 * boxes are lat/lon ranges on the included columns (or the (mission, lat, lon) index for small ones).
 */
export function workflowCoverMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`alter table wf_incidents add column search_short tsvector generated always as
        (case when length(search) <= 600 then strip(to_tsvector('simple', search)) end) stored`.execute(
        db,
      );
      for (const name of [
        'wf_incidents_date_idx',
        'wf_incidents_type_date_idx',
        'wf_incidents_status_date_idx',
        'wf_incidents_point',
      ])
        await db.schema.dropIndex(name).execute();
      await sql`create index wf_incidents_date_cover on wf_incidents (mission, date, idx)
        include (lat, lon, type, status, orgs, search_short)`.execute(db);
      await sql`create index wf_incidents_type_cover on wf_incidents (mission, type, date, idx)
        include (lat, lon, status, orgs)`.execute(db);
      await sql`create index wf_incidents_status_cover on wf_incidents (mission, status, date, idx)
        include (lat, lon, type, orgs)`.execute(db);
    },
  };
}

/**
 * Migration 0008_workflow_key_cover (SQLite): a key index that covers the list filters, for the
 * rows of a box the R*Tree gives. Through it the other filters are checked before a row is read
 * (SQLite seeks the table only for a column the index lacks), so a box with a type, a year and
 * public visibility reads the rows of its page, not every row of the box. The log index leads:
 * no query by mission alone can pick this index instead of a list index that gives the order
 * (without fresh statistics SQLite took it for `mission = ?` and sorted a million rows).
 */
export function workflowKeyCoverMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`create index wf_incidents_key_cover on wf_incidents (idx, mission, date, type,
        status, orgs)`.execute(db);
    },
  };
}
