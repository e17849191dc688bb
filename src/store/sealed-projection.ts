// Projecting sealed entries (issue 9, finding 2). A log-signed commitment whose private half the
// store holds (sealed_entries: written only by the server, in the leaf's own transaction) stands
// for the entry it hides: the read model applies that entry at the commitment's index, for the
// roles that may read it. A log-signed reveal of such a commitment marks the record revealed
// (reveal_idx), so the public reads it with its proof. Entry bytes are attacker-controlled:
// a commitment or reveal that does not match the private half projects nothing special.
import type { Transaction } from 'kysely';
import { parseEntry, type Envelope } from '../core/envelope.js';
import { checkReveal } from '../core/sealing/reveal-check.js';
import type { Database } from './schema.js';
import type { StoredEntry } from './store.js';
import type { WorkflowTables } from './workflow-schema.js';

type Tx = Transaction<Database & WorkflowTables>;

interface SealMeta {
  idx: number;
  receivedAt: string;
  visibility: string;
  commitment: string | null;
  sealedBy?: string;
}

/**
 * Applies `env` (the leaf at `row.idx`) if it is part of the sealing machinery; returns false for
 * every other entry (the caller projects it as usual).
 */
export async function applySealing(
  tx: Tx,
  mission: string,
  env: Envelope,
  row: StoredEntry,
  applyInner: (entry: string | Envelope, meta: SealMeta) => Promise<void>,
  meta: SealMeta,
  /**
   * The entry this commitment hides, as the submission pipeline parsed it when it sealed it
   * (projection/handoff.ts): its private half was stored in this leaf's own transaction, so it
   * need not be read back and parsed again.
   */
  sealed?: Envelope,
): Promise<boolean> {
  if (env.kind === 'commitment') {
    if (env.body.sealed === undefined) return false;
    const inner = { ...meta, visibility: 'public', commitment: null, sealedBy: env.id };
    if (sealed) {
      await applyInner(sealed, inner);
      return true;
    }
    const priv = await tx
      .selectFrom('sealed_entries')
      .select(['entry', 'author'])
      .where('mission', '=', mission)
      .where('commitment', '=', env.id)
      .executeTakeFirst();
    if (!priv) return false; // not the log's: the rules refuse a user's commitment naming `sealed`
    await applyInner(new TextDecoder().decode(priv.entry), inner);
    return true;
  }
  if (env.kind !== 'reveal') return false;
  const b = env.body;
  const priv = await tx
    .selectFrom('sealed_entries')
    .select(['record'])
    .where('mission', '=', mission)
    .where('commitment', '=', b.commitment)
    .executeTakeFirst();
  if (!priv) return false;
  const leaf = await tx
    .selectFrom('entries')
    .select(['bytes'])
    .where('mission', '=', mission)
    .where('id', '=', b.commitment)
    .executeTakeFirst();
  if (!leaf) return true;
  let commitment: Envelope;
  try {
    commitment = parseEntry(new Uint8Array(leaf.bytes));
  } catch {
    return true;
  }
  // Only the log key opens what it sealed, and only with the right salt and entry.
  if (env.author !== commitment.author || !checkReveal(commitment, b).ok) return true;
  await tx
    .updateTable('wf_records')
    .set({ reveal_idx: row.idx })
    .where('mission', '=', mission)
    .where('id', '=', priv.record)
    .where('reveal_idx', 'is', null)
    .execute();
  await tx
    .insertInto('wf_records')
    .values({
      mission,
      id: env.id,
      idx: row.idx,
      kind: env.kind,
      author: env.author,
      org: null,
      role: null,
      at: env.at,
      incident: null,
      visibility: 'public',
      commitment: b.commitment,
      refused: null,
      superseded_by: null,
      body: JSON.stringify({ commitment: b.commitment, record: priv.record }),
    })
    .onConflict((oc) => oc.columns(['mission', 'id']).doNothing())
    .execute();
  return true;
}
