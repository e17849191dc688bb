// Schema migrations, one list for both drivers; the few type differences are chosen by dialect.
// Applied in order by kysely's Migrator, which records them in kysely_migration.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
