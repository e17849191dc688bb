// The store: one small interface over SQLite and PostgreSQL. Every domain query is written here
// once with kysely; the drivers (sqlite.ts, postgres.ts) only build the Kysely instance.
import { Migrator, type Kysely, type Transaction } from 'kysely';
import type { MissionDoc } from '../core/records/mission.js';
import { StoreError, isUniqueViolation } from './errors.js';
import { migrationProvider, type Dialect } from './migrations.js';
import type { Database, EntriesTable, UsersTable } from './schema.js';

export type User = UsersTable;
export type StoredEntry = EntriesTable;
export interface NewEntry {
  id: string;
  kind: string;
  author: string;
  at: string;
  bytes: Uint8Array;
}
export interface StoredMission {
  slug: string;
  name: string;
  doc: MissionDoc;
  created_at: string;
}

export class Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  /** Applies pending migrations; safe to call at every start. */
  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      throw new StoreError(
        'unavailable',
        `couldn't migrate the ${this.dialect} database: ${String(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }

  private async write<T>(what: string, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(fn);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      if (isUniqueViolation(err))
        throw new StoreError('conflict', `couldn't ${what}: it already exists`, { cause: err });
      throw err;
    }
  }

  // Missions and their organisations.

  async createMission(doc: MissionDoc, createdAt: string): Promise<void> {
    await this.write(`create mission ${doc.slug}`, async (tx) => {
      await tx
        .insertInto('missions')
        .values({ slug: doc.slug, name: doc.name, doc: JSON.stringify(doc), created_at: createdAt })
        .execute();
      await tx
        .insertInto('organisations')
        .values(
          doc.organisations.map((o) => ({
            mission: doc.slug,
            code: o.code,
            name: o.name,
            kind: o.kind,
            country: o.country ?? null,
          })),
        )
        .execute();
    });
  }

  async getMission(slug: string): Promise<StoredMission | undefined> {
    const row = await this.db
      .selectFrom('missions')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && { ...row, doc: JSON.parse(row.doc) as MissionDoc };
  }

  async listMissions(): Promise<StoredMission[]> {
    const rows = await this.db
      .selectFrom('missions')
      .selectAll()
      .orderBy('created_at')
      .orderBy('slug')
      .execute();
    return rows.map((row) => ({ ...row, doc: JSON.parse(row.doc) as MissionDoc }));
  }

  // Users, API tokens and keys.

  async createUser(user: User): Promise<void> {
    await this.write(`create user ${user.name}`, (tx) =>
      tx.insertInto('users').values(user).execute(),
    );
  }

  async userByName(name: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async userById(id: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listUsers(mission: string): Promise<User[]> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('mission', '=', mission)
      .orderBy('name')
      .execute();
  }

  /** Stores a token by its hash only; the caller hands the clear token to the user once. */
  async addToken(
    tokenHash: string,
    userId: string,
    label: string,
    createdAt: string,
  ): Promise<void> {
    await this.write('add API token', (tx) =>
      tx
        .insertInto('api_tokens')
        .values({ token_hash: tokenHash, user_id: userId, label, created_at: createdAt })
        .execute(),
    );
  }

  async userByTokenHash(tokenHash: string): Promise<User | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async addKey(key: {
    author: string;
    mission: string;
    userId: string;
    vkey: string;
    createdAt: string;
  }): Promise<void> {
    await this.write(`register key ${key.author}`, (tx) =>
      tx
        .insertInto('keys')
        .values({
          author: key.author,
          mission: key.mission,
          user_id: key.userId,
          vkey: key.vkey,
          created_at: key.createdAt,
          revoked_at: null,
        })
        .execute(),
    );
  }

  async keyByAuthor(author: string) {
    return this.db.selectFrom('keys').selectAll().where('author', '=', author).executeTakeFirst();
  }

  async revokeKey(author: string, at: string): Promise<void> {
    const result = await this.db
      .updateTable('keys')
      .set({ revoked_at: at })
      .where('author', '=', author)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new StoreError('not_found', `couldn't revoke ${author}: no such active key`);
  }

  // Log entries: dense indexes per mission, assigned inside one transaction per batch.

  async appendEntries(mission: string, entries: NewEntry[], receivedAt: string): Promise<number[]> {
    if (entries.length === 0) return [];
    return this.write(`append ${entries.length} entries to ${mission}`, async (tx) => {
      const { next } = await tx
        .selectFrom('entries')
        .select((eb) => eb.fn.coalesce(eb(eb.fn.max('idx'), '+', 1), eb.lit(0)).as('next'))
        .where('mission', '=', mission)
        .executeTakeFirstOrThrow();
      const start = Number(next);
      const rows = entries.map((e, i) => ({
        mission,
        idx: start + i,
        ...e,
        received_at: receivedAt,
      }));
      await tx.insertInto('entries').values(rows).execute();
      return rows.map((r) => r.idx);
    });
  }

  async entryCount(mission: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('mission', '=', mission)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async getEntry(mission: string, idx: number): Promise<StoredEntry | undefined> {
    const row = await this.db
      .selectFrom('entries')
      .selectAll()
      .where('mission', '=', mission)
      .where('idx', '=', idx)
      .executeTakeFirst();
    return row && normaliseEntry(row);
  }

  async getEntryById(mission: string, id: string): Promise<StoredEntry | undefined> {
    const row = await this.db
      .selectFrom('entries')
      .selectAll()
      .where('mission', '=', mission)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && normaliseEntry(row);
  }

  async listEntries(mission: string, from: number, limit: number): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('entries')
      .selectAll()
      .where('mission', '=', mission)
      .where('idx', '>=', from)
      .orderBy('idx')
      .limit(limit)
      .execute();
    return rows.map(normaliseEntry);
  }

  // Settings: small named values per scope (e.g. a mission's log origin).

  async getSetting(scope: string, name: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('scope', '=', scope)
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.value;
  }

  async putSetting(scope: string, name: string, value: string): Promise<void> {
    await this.write(`save setting ${scope}/${name}`, (tx) =>
      tx
        .insertInto('settings')
        .values({ scope, name, value })
        .onConflict((oc) => oc.columns(['scope', 'name']).doUpdateSet({ value }))
        .execute(),
    );
  }
}

/** Both drivers hand back Buffers for blobs and may return bigint columns as strings. */
function normaliseEntry(row: StoredEntry): StoredEntry {
  return { ...row, idx: Number(row.idx), bytes: new Uint8Array(row.bytes) };
}
