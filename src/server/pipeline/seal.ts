// Step "seal" of the submission pipeline (issue 9, finding 2: sealed by default). An entry the public
// may not read yet (src/core/sealing/disclosure.ts, the mission's `disclosure`) enters the log only
// as a commitment the log key signs: SHA-256(salt ‖ entry) with the entry's kind, author and id in
// the clear. The entry and its salt are the leaf's private half (Store.integrate writes both in one
// transaction), read by the roles that may read it, handed back to its author, and revealed when
// its incident is released (reveal-released.ts).
import type { Envelope } from '../../core/envelope.js';
import { isPublicAtFiling } from '../../core/sealing/disclosure.js';
import { sealEntry } from '../../core/sealing/seal.js';
import type { MissionLog } from '../../log/service.js';
import type { NewEntry } from '../../store/store.js';
import type { Filing } from '../../store/workflow-store.js';

export interface Leaf {
  /** What the sequencer appends: the entry itself, or the commitment holding its place. */
  entry: NewEntry;
  /** `entry` parsed (handed to the read model, so it does not parse the leaf again). */
  envelope: Envelope;
  /** For a sealed entry: the commitment's id and the salt (given back to the author). */
  sealed?: { commitment: string; salt: string };
}

export async function leafFor(
  log: MissionLog,
  admitted: { entry: NewEntry; envelope: Envelope },
  filing: Filing,
): Promise<Leaf> {
  if (isPublicAtFiling(filing.disclosure, filing))
    return { entry: admitted.entry, envelope: admitted.envelope };
  const side = filing.side ?? '';
  const s = await sealEntry(
    { envelope: admitted.envelope, bytes: admitted.entry.bytes },
    side,
    log.sealer,
  );
  const c = s.commitment.envelope;
  return {
    envelope: c,
    entry: {
      id: c.id,
      kind: c.kind,
      author: c.author,
      at: c.at,
      bytes: s.commitment.bytes,
      sealed: {
        record: admitted.envelope.id,
        kind: admitted.envelope.kind,
        author: admitted.envelope.author,
        side,
        salt: s.salt,
        entry: admitted.entry.bytes,
      },
    },
    sealed: { commitment: c.id, salt: s.salt },
  };
}
