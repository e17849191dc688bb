// Log time: when a quorum of witnesses attests that a checkpoint existed. Each cosignature/v1
// carries the witness's clock (c2sp.org/tlog-cosignature: "time <POSIX seconds>" in the signed
// message), so a checkpoint's cosignatures say when each witness first saw that tree. An entry's log
// time is the log time of the first checkpoint (by size) that covers it and carries a quorum.
//
// Which timestamp: the quorum-th smallest of the verified cosignatures of distinct policy witnesses.
// k timestamps lie at or before it, so it is never earlier than the clock of some honest witness
// unless k witnesses (a whole quorum, the threshold the policy already trusts) sign a time earlier
// than they saw the tree: no single witness, and not the log operator, can pull an entry's log time
// earlier. A late witness cannot push it later either while n - k + 1 others answer on time.
import { utf8Encode } from './bytes.js';
import { cosignatureVerifier, parseCosignature } from './cosignature.js';
import type { NoteSignature } from './note.js';

export interface PolicyWitness {
  name: string;
  /** The witness's cosignature/v1 verifier key. */
  vkey: string;
}

/**
 * POSIX seconds attested by `quorum` distinct witnesses for `checkpointText`, or null when fewer
 * than `quorum` of `witnesses` cosigned it validly. Signatures by keys outside `witnesses`, invalid
 * ones, and a second signature by the same witness are ignored. `quorum` must be at least 1.
 */
export function quorumTimestamp(
  checkpointText: string,
  signatures: readonly NoteSignature[],
  witnesses: readonly PolicyWitness[],
  quorum: number,
): number | null {
  if (!Number.isInteger(quorum) || quorum < 1)
    throw new RangeError(`couldn't take a quorum time: quorum ${quorum} is not a positive integer`);
  const text = utf8Encode(checkpointText);
  const times: number[] = [];
  for (const w of witnesses) {
    const v = cosignatureVerifier(w.vkey);
    const sig = signatures.find(
      (s) => s.name === v.name && s.hash >>> 0 === v.hash && v.verify(text, s.signature),
    );
    if (sig) times.push(parseCosignature(sig.signature).timestamp);
  }
  if (times.length < quorum) return null;
  times.sort((a, b) => a - b);
  return times[quorum - 1]!;
}
