// Schema migrations, one list for both drivers; the few type differences are chosen by dialect.
// Applied in order by kysely's Migrator, which records them in kysely_migration.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import {
  workflowCoverMigration,
  workflowGeoMigration,
  workflowKeyCoverMigration,
  workflowKeysMigration,
  workflowListsMigration,
  workflowMigration,
} from './workflow-migration.js';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '0001_foundation': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('missions')
          .addColumn('slug', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('organisations')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('country', 'text')
          .addPrimaryKeyConstraint('organisations_pk', ['mission', 'code'])
          .execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('api_tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('keys')
          .addColumn('author', 'text', (c) => c.primaryKey())
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('vkey', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('entries')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('idx', bigint, (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('bytes', bytes, (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('entries_pk', ['mission', 'idx'])
          .addUniqueConstraint('entries_id_unique', ['mission', 'id'])
          .execute();
        await db.schema
          .createIndex('entries_kind')
          .on('entries')
          .columns(['mission', 'kind'])
          .execute();
        await db.schema
          .createTable('settings')
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('settings_pk', ['scope', 'name'])
          .execute();
        // Keeps the dialect choice visible in the database for operators.
        await sql`insert into settings (scope, name, value) values ('store', 'dialect', ${dialect})`.execute(
          db,
        );
      },
    },
    // The transparency log (src/log): tiles, the integrated size, published checkpoints.
    '0002_log': {
      async up(db: Kysely<unknown>) {
        // c2sp.org/tlog-tiles hash tiles, latest width of each (a partial tile of width W is the
        // first W hashes of any later version, so older partial widths are served as prefixes).
        await db.schema
          .createTable('log_tiles')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('idx', bigint, (c) => c.notNull())
          .addColumn('width', 'integer', (c) => c.notNull())
          .addColumn('bytes', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('log_tiles_pk', ['mission', 'level', 'idx'])
          .execute();
        // The integrated size: entries [0, size) are hashed into the stored tiles.
        await db.schema
          .createTable('log_state')
          .addColumn('mission', 'text', (c) => c.primaryKey().references('missions.slug'))
          .addColumn('size', bigint, (c) => c.notNull())
          .execute();
        // Published checkpoints (signed notes with their cosignatures), one per tree size.
        await db.schema
          .createTable('log_checkpoints')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('size', bigint, (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('log_checkpoints_pk', ['mission', 'size'])
          .execute();
      },
    },
    // Sign-in and evidence (src/store/auth-store.ts): password sessions stored by the SHA-256 of
    // their cookie token, and content-addressed blobs with the organisations that uploaded them.
    '0004_auth': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sessions')
          .addColumn('session_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('blobs')
          .addColumn('sha256', 'text', (c) => c.primaryKey())
          .addColumn('size', bigint, (c) => c.notNull())
          .addColumn('media_type', 'text', (c) => c.notNull())
          .addColumn('bytes', bytes, (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('blob_owners')
          .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
          .addColumn('mission', 'text', (c) => c.notNull())
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('blob_owners_pk', ['sha256', 'mission', 'org'])
          .execute();
      },
    },
    // The workflow read model and the private store of confidential records (workflow-store.ts).
    '0003_workflow': workflowMigration(dialect),
    // Incident lists by (date, log index), involved organisations as a column, date-ordered FTS.
    '0004_workflow_lists': workflowListsMigration(dialect),
    // SQLite: list keys unique across missions, R*Tree for bounding boxes.
    '0005_workflow_keys': workflowKeysMigration(dialect),
    // PostgreSQL: GiST index for bounding boxes.
    '0006_workflow_geo': workflowGeoMigration(dialect),
    // PostgreSQL: covering list indexes (index-only key scans), words on the date index.
    '0007_workflow_cover': workflowCoverMigration(dialect),
    // SQLite: a covering key index, so a box's rows are filtered before they are read.
    '0008_workflow_key_cover': workflowKeyCoverMigration(dialect),
    // Log time per cosigned checkpoint (deadlines run on it, not on the author's signed `at`).
    // Filled when a checkpoint is stored; the sequencer fills older checkpoints from their notes.
    '0009_log_times': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('log_times')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('size', bigint, (c) => c.notNull())
          .addColumn('logged_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('log_times_pk', ['mission', 'size'])
          .execute();
      },
    },
    // Sealed entries' private halves, committed with their commitment leaf (Store.integrate).
    '0010_sealed_entries': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sealed_entries')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('commitment', 'text', (c) => c.notNull())
          .addColumn('idx', bigint, (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('side', 'text', (c) => c.notNull())
          .addColumn('salt', 'text', (c) => c.notNull())
          .addColumn('entry', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('sealed_entries_pk', ['mission', 'record'])
          .addUniqueConstraint('sealed_entries_commitment', ['mission', 'commitment'])
          .execute();
      },
    },
    // A record that entered the log sealed: the log-signed commitment that holds its place (its
    // idx is the commitment's), and the index of the log-signed reveal once its incident is out.
    '0011_sealed_records': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('wf_records').addColumn('sealed_by', 'text').execute();
        await db.schema.alterTable('wf_records').addColumn('reveal_idx', bigint).execute();
      },
    },
    // Mission webhooks (src/server/webhooks): endpoints with their encrypted signing secret, the
    // persistent delivery queue (a restart resumes it), and how far each mission's log was scanned.
    '0012_webhooks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('webhook_endpoints')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('events', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('secret_cipher', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('disabled_at', 'text')
          .addColumn('disabled_reason', 'text')
          .execute();
        await db.schema
          .createTable('webhook_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('endpoint', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('entry_idx', bigint, (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_at', 'text', (c) => c.notNull())
          .addColumn('last_status', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('done_at', 'text')
          .addUniqueConstraint('webhook_deliveries_once', ['endpoint', 'event', 'entry_idx'])
          .execute();
        await db.schema
          .createIndex('webhook_deliveries_due')
          .on('webhook_deliveries')
          .columns(['status', 'next_at'])
          .execute();
        await db.schema
          .createTable('webhook_cursor')
          .addColumn('mission', 'text', (c) => c.primaryKey().references('missions.slug'))
          .addColumn('scanned', bigint, (c) => c.notNull())
          .execute();
      },
    },
    // Penalties imposed k of n by an agreement's mediators (issue 11, item 7): a derived table,
    // rebuilt from the log's penalty entries like the other wf_* tables.
    '0013_penalties': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('wf_penalties')
          .addColumn('mission', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('idx', bigint, (c) => c.notNull())
          .addColumn('agreement', 'text', (c) => c.notNull())
          .addColumn('party', 'text', (c) => c.notNull())
          .addColumn('step', 'text', (c) => c.notNull())
          .addColumn('step_no', 'integer', (c) => c.notNull())
          .addColumn('findings', 'text', (c) => c.notNull())
          .addColumn('endorsers', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('proposed_at', 'text', (c) => c.notNull())
          .addColumn('imposed_idx', bigint)
          .addColumn('imposed_at', 'text')
          .addPrimaryKeyConstraint('wf_penalties_pk', ['mission', 'id'])
          .execute();
      },
    },
    // Key requests waiting for a steward's consent (src/store/key-requests.ts, issue 11 item 2).
    '0014_key_requests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('key_requests')
          .addColumn('mission', 'text', (c) => c.notNull().references('missions.slug'))
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('org', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('vkey', 'text', (c) => c.notNull())
          .addColumn('proof', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('key_requests_pk', ['mission', 'author'])
          .execute();
        await db.schema
          .createIndex('key_requests_org')
          .on('key_requests')
          .columns(['mission', 'org'])
          .execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
