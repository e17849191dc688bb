// What an admin does to a user's credentials beyond creating it (issue 4, item 1): revoking every
// API token of the user and ending its sign-in sessions. Tokens and sessions are stored by hash
// only, so revoking deletes those rows; the user, its keys and its log entries stay.
import type { Kysely } from 'kysely';
import type { AuthTables } from './auth-store.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

export class UserAdminStore {
  private readonly db: Kysely<Database & AuthTables>;

  constructor(store: Store) {
    this.db = store.db.withTables<AuthTables>();
  }

  /** Deletes every API token of the user; returns how many there were. */
  async revokeTokens(userId: string): Promise<number> {
    const r = await this.db
      .deleteFrom('api_tokens')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Ends every sign-in session of the user; returns how many there were. */
  async endSessions(userId: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async tokenCount(userId: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
