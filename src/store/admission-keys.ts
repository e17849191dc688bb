// The admission key table follows the log: a `key` register entry accepted through the API makes
// the key usable for signing (the table src/log/admission.ts reads), a revoke entry stops it. This
// runs inside the projection's transaction, so the read model and the key table never disagree,
// and a rebuild replays register/revoke in log order to the same final state.
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { WorkflowTables } from './workflow-schema.js';

/** The projection's transaction (core tables and the workflow read model). */
type ProjectionTx = Transaction<Database & WorkflowTables>;

export async function registerAdmissionKey(
  tx: ProjectionTx,
  mission: string,
  author: string,
  userName: string,
  vkey: string,
  at: string,
): Promise<void> {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('mission', '=', mission)
    .where('name', '=', userName)
    .executeTakeFirst();
  // A key for someone who has no account here stays in the read model only: admission refuses
  // its entries as an unregistered key (the workflow rule `known_author` names it too).
  if (!user) return;
  await tx
    .insertInto('keys')
    .values({ author, mission, user_id: user.id, vkey, created_at: at, revoked_at: null })
    .onConflict((oc) => oc.column('author').doUpdateSet({ vkey, revoked_at: null }))
    .execute();
}

export async function revokeAdmissionKey(
  tx: ProjectionTx,
  mission: string,
  author: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable('keys')
    .set({ revoked_at: at })
    .where('mission', '=', mission)
    .where('author', '=', author)
    .where('revoked_at', 'is', null)
    .execute();
}
