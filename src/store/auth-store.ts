// Sign-in sessions and evidence blobs (migration 0004_auth), over the Store's Kysely instance.
// Sessions are kept by the SHA-256 of their cookie token only; blobs are content-addressed by the
// SHA-256 of their bytes, with every organisation that uploaded them (who may read them back).
import type { Kysely } from 'kysely';
import { isUniqueViolation, StoreError } from './errors.js';
import type { Database, UsersTable } from './schema.js';
import type { Store } from './store.js';

export interface SessionsTable {
  /** SHA-256 (hex) of the session token: the cookie value is never stored. */
  session_hash: string;
  user_id: string;
  created_at: string;
  /** RFC 3339; the session is refused from then on. */
  expires_at: string;
}

export interface BlobsTable {
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  size: number;
  media_type: string;
  bytes: Uint8Array;
  created_at: string;
}

export interface BlobOwnersTable {
  sha256: string;
  mission: string;
  /** The uploader's organisation: its members may read the blob back. */
  org: string;
  user_id: string;
  created_at: string;
}

// A type alias (not an interface) so it satisfies withTables' Record<string, …> constraint.
export type AuthTables = {
  sessions: SessionsTable;
  blobs: BlobsTable;
  blob_owners: BlobOwnersTable;
};

export interface BlobMeta {
  sha256: string;
  size: number;
  mediaType: string;
  createdAt: string;
  /** Organisations (mission, org) that uploaded it. */
  owners: { mission: string; org: string }[];
}

export class AuthStore {
  private readonly db: Kysely<Database & AuthTables>;

  constructor(store: Store) {
    this.db = store.db.withTables<AuthTables>();
  }

  // Sessions.

  async createSession(s: SessionsTable): Promise<void> {
    await this.db.insertInto('sessions').values(s).execute();
  }

  /** The user of a live session (expires_at after `now`), or undefined. */
  async sessionUser(sessionHash: string, now: string): Promise<UsersTable | undefined> {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.session_hash', '=', sessionHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
  }

  async deleteSession(sessionHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('session_hash', '=', sessionHash).execute();
  }

  /** Removes expired sessions; returns how many. */
  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async setPasswordHash(userId: string, hash: string | null): Promise<void> {
    const r = await this.db
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw new StoreError('not_found', `couldn't set the password: no user ${userId}`);
  }

  // Blobs.

  /**
   * Stores a blob (once per digest) and records the uploader's organisation as an owner, in one
   * transaction. Returns whether the bytes were new. The caller computed `sha256` over `bytes`.
   */
  async putBlob(blob: {
    sha256: string;
    mediaType: string;
    bytes: Uint8Array;
    mission: string;
    org: string;
    userId: string;
    createdAt: string;
  }): Promise<{ created: boolean }> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('blobs')
          .select('sha256')
          .where('sha256', '=', blob.sha256)
          .executeTakeFirst();
        if (!existing) {
          await tx
            .insertInto('blobs')
            .values({
              sha256: blob.sha256,
              size: blob.bytes.length,
              media_type: blob.mediaType,
              bytes: blob.bytes,
              created_at: blob.createdAt,
            })
            .execute();
        }
        await tx
          .insertInto('blob_owners')
          .values({
            sha256: blob.sha256,
            mission: blob.mission,
            org: blob.org,
            user_id: blob.userId,
            created_at: blob.createdAt,
          })
          .onConflict((oc) => oc.columns(['sha256', 'mission', 'org']).doNothing())
          .execute();
        return { created: !existing };
      });
    } catch (err) {
      // Two first uploads of the same bytes at once: the other one stored them.
      if (isUniqueViolation(err)) return this.putBlob(blob).then(() => ({ created: false }));
      throw err;
    }
  }

  async blobMeta(sha256: string): Promise<BlobMeta | undefined> {
    const row = await this.db
      .selectFrom('blobs')
      .select(['sha256', 'size', 'media_type', 'created_at'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) return undefined;
    const owners = await this.db
      .selectFrom('blob_owners')
      .select(['mission', 'org'])
      .where('sha256', '=', sha256)
      .orderBy('created_at')
      .execute();
    return {
      sha256: row.sha256,
      size: Number(row.size),
      mediaType: row.media_type,
      createdAt: row.created_at,
      owners,
    };
  }

  async blobBytes(sha256: string): Promise<Uint8Array | undefined> {
    const row = await this.db
      .selectFrom('blobs')
      .select('bytes')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row && new Uint8Array(row.bytes);
  }

  async blobCount(): Promise<number> {
    const { n } = await this.db
      .selectFrom('blobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
