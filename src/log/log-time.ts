// A published checkpoint's log time (src/tlog/witness-time.ts): the quorum-th smallest verified
// witness timestamp, or — for a log whose policy asks no witnesses — the log's own clock when it
// published the checkpoint (then the operator is trusted for time, as for everything else).
import { parseNote } from '../tlog/note.js';
import { quorumTimestamp, type PolicyWitness } from '../tlog/witness-time.js';
import type { Store } from '../store/store.js';

/** RFC 3339 log time of a signed checkpoint note, or null when it lacks the witness quorum. */
export function checkpointLogTime(
  note: string,
  witnesses: readonly PolicyWitness[],
  quorum: number,
  publishedAt: string,
): string | null {
  if (quorum <= 0) return publishedAt;
  const n = parseNote(note);
  const ts = quorumTimestamp(n.text, n.signatures, witnesses, quorum);
  return ts === null ? null : new Date(ts * 1000).toISOString();
}

/**
 * Computes the log time of every stored checkpoint that has none yet (stored before log times
 * existed, or short of the quorum when stored) from its note; returns how many gained one.
 */
export async function fillLogTimes(
  store: Store,
  mission: string,
  witnesses: readonly PolicyWitness[],
  quorum: number,
): Promise<number> {
  let filled = 0;
  for (const cp of await store.checkpointsWithoutLogTime(mission)) {
    const t = checkpointLogTime(cp.note, witnesses, quorum, cp.created_at);
    if (t === null) continue;
    await store.putCheckpoint(mission, cp.size, cp.note, cp.created_at, t);
    filled++;
  }
  return filled;
}
