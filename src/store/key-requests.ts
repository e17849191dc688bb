// Key requests (issue 11 item 2): a user's new key waiting for their organisation's key steward.
// The request holds only public things — the key's verifier key and its proof of possession
// (src/core/keys/possession.ts), checked by the route before it is stored — so holding it gives
// the server no power: only a steward's signed `key` entry registers the key, under the log's key
// rules (src/core/keys/registry.ts). Whether a request is still pending is read from `keys` (the
// log's registrations), never kept here, so it cannot disagree with the log.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './store.js';

export interface KeyRequestsTable {
  mission: string;
  /** The new key's author id (name+hash): one request per key. */
  author: string;
  user_id: string;
  /** The user's organisation and role when they asked (the steward's entry restates both). */
  org: string;
  role: string;
  vkey: string;
  proof: string;
  created_at: string;
}

export type KeyRequestTables = { key_requests: KeyRequestsTable };

export interface KeyRequestRow {
  author: string;
  user: string;
  org: string;
  role: string;
  vkey: string;
  proof: string;
  createdAt: string;
  /** Registered by the log (the key's row in `keys`), or still waiting for consent. */
  state: 'pending' | 'registered' | 'revoked';
}

export class KeyRequests {
  private readonly db: Kysely<Database & KeyRequestTables>;

  constructor(store: Store) {
    this.db = store.db.withTables<KeyRequestTables>();
  }

  /** Stores a request; false when this key was requested already (the request stands as it was). */
  async add(r: KeyRequestsTable): Promise<boolean> {
    const r2 = await this.db
      .insertInto('key_requests')
      .values(r)
      .onConflict((oc) => oc.columns(['mission', 'author']).doNothing())
      .executeTakeFirst();
    return Number(r2.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Requests of a mission, oldest first: one user's, or one organisation's. */
  async list(mission: string, by: { userId: string } | { org: string }): Promise<KeyRequestRow[]> {
    let q = this.db
      .selectFrom('key_requests as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('keys as k', 'k.author', 'r.author')
      .select([
        'r.author',
        'u.name as user',
        'r.org',
        'r.role',
        'r.vkey',
        'r.proof',
        'r.created_at',
        'k.author as registered',
        'k.revoked_at',
      ])
      .where('r.mission', '=', mission);
    q = 'userId' in by ? q.where('r.user_id', '=', by.userId) : q.where('r.org', '=', by.org);
    const rows = await q.orderBy('r.created_at').orderBy('r.author').execute();
    return rows.map((r) => ({
      author: r.author,
      user: r.user,
      org: r.org,
      role: r.role,
      vkey: r.vkey,
      proof: r.proof,
      createdAt: r.created_at,
      state: r.registered === null ? 'pending' : r.revoked_at ? 'revoked' : 'registered',
    }));
  }
}
