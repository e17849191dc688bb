// The key tables follow the log under the key rule (src/core/keys/registry.ts, issue 9 finding 1):
// a `key` entry the rule accepts, replayed in log order from the log's own key entries, makes the
// key a mission author (wf_authors, for the workflow rules) and usable for signing (the admission
// table src/log/admission.ts reads); a revocation stops it. An entry the rule refuses (one that
// raced past the check, or that someone wrote into the log directly) changes neither table. This
// runs inside the projection's transaction, so the read model and the key table never disagree,
// and a rebuild replays register/revoke in log order to the same final state.
import type { Kysely, Transaction } from 'kysely';
import { parseEntry, type Envelope, type EnvelopeOf } from '../core/envelope.js';
import { KeyRegistry, type KeyUserFact } from '../core/keys/registry.js';
import type { MissionDoc } from '../core/records/mission.js';
import type { Database } from './schema.js';
import type { WorkflowTables } from './workflow-schema.js';

type Db = Database & WorkflowTables;
type Q = Kysely<Db> | Transaction<Db>;

/** The registry of the mission's key entries before log index `before` (all of them if absent). */
export async function loadKeyRegistry(
  q: Q,
  mission: string,
  doc: MissionDoc,
  before?: number,
): Promise<KeyRegistry> {
  let query = q
    .selectFrom('entries')
    .select(['bytes'])
    .where('mission', '=', mission)
    .where('kind', '=', 'key');
  if (before !== undefined) query = query.where('idx', '<', before);
  const rows = await query.orderBy('idx').execute();
  const envelopes: Envelope[] = [];
  for (const r of rows)
    try {
      envelopes.push(parseEntry(r.bytes));
    } catch {
      // admitted under older rules and unparseable now: it registers nothing
    }
  return KeyRegistry.fromEntries(doc, envelopes);
}

/** The server's account of a key's user (null when the mission has no such user). */
export async function keyUserFact(
  q: Q,
  mission: string,
  user: string,
): Promise<KeyUserFact | null> {
  const row = await q
    .selectFrom('users')
    .select(['org', 'role'])
    .where('mission', '=', mission)
    .where('name', '=', user)
    .executeTakeFirst();
  return row ?? null;
}

/** The facts `decide` needs for a key entry about to be appended. */
export async function keyFacts(
  q: Q,
  mission: string,
  doc: MissionDoc,
  env: EnvelopeOf<'key'>,
): Promise<{ keys: KeyRegistry; keyUser?: KeyUserFact | null }> {
  const keys = await loadKeyRegistry(q, mission, doc);
  const b = env.body;
  return b.action === 'register'
    ? { keys, keyUser: await keyUserFact(q, mission, b.user) }
    : { keys };
}

/**
 * Projects the key entry at log index `idx`: applies it to wf_authors and the admission table if
 * the rule accepts it. Returns the refusal message, or null when accepted.
 */
export async function applyKeyEntry(
  tx: Transaction<Db>,
  mission: string,
  doc: MissionDoc,
  env: Envelope,
  idx: number,
): Promise<string | null> {
  const registry = await loadKeyRegistry(tx, mission, doc, idx);
  const v = registry.check(env);
  if (!v.ok) return `rule ${v.rule}: ${v.why}`;
  if ('register' in v.change) {
    const k = v.change.register;
    await tx
      .insertInto('wf_authors')
      .values({ mission, author: k.author, user: k.user, org: k.org, role: k.role, revoked: 0 })
      .onConflict((oc) =>
        oc.columns(['mission', 'author']).doUpdateSet({ user: k.user, org: k.org, role: k.role }),
      )
      .execute();
    await registerAdmissionKey(tx, mission, k.author, k.user, k.org, k.vkey, env.at);
  } else {
    await tx
      .updateTable('wf_authors')
      .set({ revoked: 1 })
      .where('mission', '=', mission)
      .where('author', '=', v.change.revoke)
      .execute();
    await revokeAdmissionKey(tx, mission, v.change.revoke, env.at);
  }
  return null;
}

export async function registerAdmissionKey(
  tx: Transaction<Db>,
  mission: string,
  author: string,
  userName: string,
  org: string,
  vkey: string,
  at: string,
): Promise<void> {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('mission', '=', mission)
    .where('name', '=', userName)
    .where('org', '=', org)
    .executeTakeFirst();
  // A key for someone who has no account of that organisation here stays in the read model only:
  // admission refuses its entries as an unregistered key.
  if (!user) return;
  // One key, one user, ever: a row that exists already (provisioning writes its keys first) is
  // kept as it is, so a replay never un-revokes a key nor moves it to another account.
  await tx
    .insertInto('keys')
    .values({ author, mission, user_id: user.id, vkey, created_at: at, revoked_at: null })
    .onConflict((oc) => oc.column('author').doNothing())
    .execute();
}

export async function revokeAdmissionKey(
  tx: Transaction<Db>,
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
