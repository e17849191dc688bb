// The store: one small interface over SQLite and PostgreSQL. Every domain query is written here
// once with kysely; the drivers (sqlite.ts, postgres.ts) only build the Kysely instance.
import { Migrator, sql, type Kysely, type Transaction } from 'kysely';
import type { MissionDoc } from '../core/records/mission.js';
import { StoreError, isUniqueViolation } from './errors.js';
import { migrationProvider, type Dialect } from './migrations.js';
import type { Database, EntriesTable, SealedEntriesTable, UsersTable } from './schema.js';

export type User = UsersTable;
export type StoredEntry = EntriesTable;
export interface NewEntry {
  id: string;
  kind: string;
  author: string;
  at: string;
  bytes: Uint8Array;
  /**
   * For a log-signed commitment: the sealed entry it hides, stored privately in the same
   * transaction as this leaf, so neither is ever durable without the other.
   */
  sealed?: SealedAttachment;
}

/** The private half of a sealed entry (schema.ts SealedEntriesTable, without the log position). */
export interface SealedAttachment {
  record: string;
  kind: string;
  author: string;
  side: string;
  salt: string;
  entry: Uint8Array;
}

export type StoredSealed = SealedEntriesTable;
/** A hash tile as stored: its latest width and bytes (c2sp.org/tlog-tiles). */
export interface StoredTile {
  level: number;
  index: number;
  width: number;
  bytes: Uint8Array;
}

/** One sequencing step, committed in one transaction (see Store.integrate). */
export interface IntegrationStep {
  /** The integrated size before this step; the step fails unless the store agrees. */
  oldSize: number;
  newSize: number;
  /** New entries at indexes oldSize..newSize-1, or omitted when they are already stored. */
  entries?: NewEntry[];
  /** Tiles that changed (new or grown), with their new bytes. */
  tiles: StoredTile[];
  receivedAt: string;
}

export interface StoredCheckpoint {
  size: number;
  note: string;
  created_at: string;
}

/** A held sequencer lock (PostgreSQL advisory lock; in-process for SQLite). */
export interface SequencerLock {
  release(): Promise<void>;
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

  // The transparency log (src/log). Entries and tiles change together in one transaction, so the
  // stored tiles always describe exactly the entries [0, log_state.size).

  /** A sealed entry's private half by the sealed record's id (or undefined). */
  async getSealed(mission: string, record: string): Promise<StoredSealed | undefined> {
    const row = await this.db
      .selectFrom('sealed_entries')
      .selectAll()
      .where('mission', '=', mission)
      .where('record', '=', record)
      .executeTakeFirst();
    return row && { ...row, idx: Number(row.idx), entry: new Uint8Array(row.entry) };
  }

  /** Every sealed entry's private half in commitment index order, from index `from`. */
  async listSealed(mission: string, from = 0, limit = 500): Promise<StoredSealed[]> {
    const rows = await this.db
      .selectFrom('sealed_entries')
      .selectAll()
      .where('mission', '=', mission)
      .where('idx', '>=', from)
      .orderBy('idx')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, idx: Number(r.idx), entry: new Uint8Array(r.entry) }));
  }

  /** The integrated size of a mission's log (0 before the first integration). */
  async logSize(mission: string): Promise<number> {
    const row = await this.db
      .selectFrom('log_state')
      .select('size')
      .where('mission', '=', mission)
      .executeTakeFirst();
    return row ? Number(row.size) : 0;
  }

  /**
   * Appends entries (if given) at indexes oldSize.., writes the changed tiles and moves the
   * integrated size from oldSize to newSize, all in one transaction. Refuses (StoreError
   * 'unavailable') if the integrated size is not oldSize — another sequencer moved the log — and
   * (StoreError 'conflict') if an entry id or index already exists; either way nothing is written.
   */
  async integrate(mission: string, step: IntegrationStep): Promise<void> {
    const { oldSize, newSize, entries, tiles } = step;
    if (entries && entries.length !== newSize - oldSize)
      throw new StoreError(
        'invalid',
        `couldn't integrate: ${entries.length} entries for ${oldSize}..${newSize}`,
      );
    await this.write(`integrate entries ${oldSize}..${newSize} of ${mission}`, async (tx) => {
      const state = await tx
        .selectFrom('log_state')
        .select('size')
        .where('mission', '=', mission)
        .executeTakeFirst();
      const current = state ? Number(state.size) : 0;
      if (current !== oldSize) {
        throw new StoreError(
          'unavailable',
          `couldn't integrate into ${mission}: the log is at size ${current}, not ${oldSize} (another sequencer?)`,
        );
      }
      if (entries && entries.length > 0) {
        // At most 500 rows per statement keeps both drivers under their parameter limits.
        for (let i = 0; i < entries.length; i += 500) {
          await tx
            .insertInto('entries')
            .values(
              entries.slice(i, i + 500).map(({ sealed: _private, ...e }, j) => ({
                mission,
                idx: oldSize + i + j,
                ...e,
                received_at: step.receivedAt,
              })),
            )
            .execute();
        }
        // The private halves of sealed entries: the same commit point as their leaves.
        const sealed = entries.flatMap((e, j) =>
          e.sealed ? [{ mission, commitment: e.id, idx: oldSize + j, ...e.sealed }] : [],
        );
        for (let i = 0; i < sealed.length; i += 100)
          await tx
            .insertInto('sealed_entries')
            .values(sealed.slice(i, i + 100))
            .execute();
      }
      if (tiles.length > 0) {
        await tx
          .insertInto('log_tiles')
          .values(
            tiles.map((t) => ({
              mission,
              level: t.level,
              idx: t.index,
              width: t.width,
              bytes: t.bytes,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['mission', 'level', 'idx']).doUpdateSet((eb) => ({
              width: eb.ref('excluded.width'),
              bytes: eb.ref('excluded.bytes'),
            })),
          )
          .execute();
      }
      if (state) {
        await tx
          .updateTable('log_state')
          .set({ size: newSize })
          .where('mission', '=', mission)
          .execute();
      } else {
        await tx.insertInto('log_state').values({ mission, size: newSize }).execute();
      }
    });
  }

  /** The stored version of a hash tile (its latest width), or undefined. */
  async getTile(mission: string, level: number, index: number): Promise<StoredTile | undefined> {
    const row = await this.db
      .selectFrom('log_tiles')
      .select(['level', 'idx', 'width', 'bytes'])
      .where('mission', '=', mission)
      .where('level', '=', level)
      .where('idx', '=', index)
      .executeTakeFirst();
    return (
      row && {
        level: row.level,
        index: Number(row.idx),
        width: row.width,
        bytes: new Uint8Array(row.bytes),
      }
    );
  }

  /**
   * Stores a published checkpoint (idempotent per size: a later call may add cosignatures) and, in
   * the same transaction, its log time: `loggedAt` when its cosignatures make a quorum (see
   * src/tlog/witness-time.ts), none otherwise. The time always follows the stored note, so it can
   * be recomputed from the notes alone.
   */
  async putCheckpoint(
    mission: string,
    size: number,
    note: string,
    at: string,
    loggedAt?: string | null,
  ): Promise<void> {
    await this.write(`save checkpoint ${size} of ${mission}`, async (tx) => {
      await tx
        .insertInto('log_checkpoints')
        .values({ mission, size, note, created_at: at })
        .onConflict((oc) => oc.columns(['mission', 'size']).doUpdateSet({ note }))
        .execute();
      if (loggedAt === undefined) return;
      await tx
        .deleteFrom('log_times')
        .where('mission', '=', mission)
        .where('size', '=', size)
        .execute();
      if (loggedAt !== null)
        await tx.insertInto('log_times').values({ mission, size, logged_at: loggedAt }).execute();
    });
  }

  /**
   * Log times of entries by index: the log time of the first cosigned checkpoint covering each
   * (the smallest stored size above the index). Indexes not yet covered are absent.
   */
  async loggedAt(mission: string, indexes: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const idx of new Set(indexes)) {
      const row = await this.db
        .selectFrom('log_times')
        .select('logged_at')
        .where('mission', '=', mission)
        .where('size', '>', idx)
        .orderBy('size')
        .limit(1)
        .executeTakeFirst();
      if (row) out.set(idx, row.logged_at);
    }
    return out;
  }

  /** Stored checkpoints whose log time was never computed (stored before log times existed). */
  async checkpointsWithoutLogTime(mission: string): Promise<StoredCheckpoint[]> {
    const rows = await this.db
      .selectFrom('log_checkpoints as c')
      .leftJoin('log_times as t', (j) =>
        j.onRef('t.mission', '=', 'c.mission').onRef('t.size', '=', 'c.size'),
      )
      .select(['c.size', 'c.note', 'c.created_at'])
      .where('c.mission', '=', mission)
      .where('t.size', 'is', null)
      .orderBy('c.size')
      .execute();
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  async latestCheckpoint(mission: string): Promise<StoredCheckpoint | undefined> {
    const row = await this.db
      .selectFrom('log_checkpoints')
      .select(['size', 'note', 'created_at'])
      .where('mission', '=', mission)
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { ...row, size: Number(row.size) };
  }

  async listCheckpoints(mission: string): Promise<StoredCheckpoint[]> {
    const rows = await this.db
      .selectFrom('log_checkpoints')
      .select(['size', 'note', 'created_at'])
      .where('mission', '=', mission)
      .orderBy('size')
      .execute();
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  /**
   * Takes the one-sequencer-per-log lock, or returns undefined if someone else holds it. On
   * PostgreSQL it is a session advisory lock held on a dedicated connection until release (or
   * until that connection dies); integrate()'s size check still refuses a stale sequencer. A SQLite
   * file is written by the one process that opened it, so the lock is in-process there.
   */
  async acquireSequencerLock(mission: string): Promise<SequencerLock | undefined> {
    if (this.dialect === 'sqlite') {
      if (this.sqliteLocks.has(mission)) return undefined;
      this.sqliteLocks.add(mission);
      return {
        release: async () => {
          this.sqliteLocks.delete(mission);
        },
      };
    }
    const key = `truceline.sequencer.${mission}`;
    let settle!: (ok: boolean) => void;
    const acquired = new Promise<boolean>((r) => (settle = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const held = this.db
      .connection()
      .execute(async (conn) => {
        const { rows } = await sql<{
          ok: boolean;
        }>`select pg_try_advisory_lock(hashtext(${key})) as ok`.execute(conn);
        const ok = rows[0]?.ok === true;
        settle(ok);
        if (!ok) return;
        await released;
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      })
      .catch(() => settle(false));
    if (!(await acquired)) {
      await held;
      return undefined;
    }
    return {
      async release() {
        release();
        await held;
      },
    };
  }

  private readonly sqliteLocks = new Set<string>();
}

/** Both drivers hand back Buffers for blobs and may return bigint columns as strings. */
function normaliseEntry(row: StoredEntry): StoredEntry {
  return { ...row, idx: Number(row.idx), bytes: new Uint8Array(row.bytes) };
}
