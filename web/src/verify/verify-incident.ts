// Verifies an incident page end to end, in the order a reader would want it checked: the checkpoint
// (log signature, witness quorum), the history this browser saw before (consistency), the mission
// document and the policy's agreement with it, the authors' keys, then every record. The first
// failure in that order (records: the lowest log index) is the one reported.
import {
  checkAgainstSeen,
  checkPolicyAgainstMission,
  fetchVerifiedCheckpoint,
  type Consistency,
  type VerifiedCheckpoint,
} from './checkpoint.js';
import { KeyBook, fetchKeyIndex, provenMission } from './keys.js';
import { LogClient } from './log-client.js';
import { proofContext } from './prove.js';
import { checkRecord, type PageRecord, type RecordCheck } from './records.js';

const CHECKPOINT_WAITS = 8;
const CHECKPOINT_WAIT_MS = 1500;

export interface IncidentVerification {
  cp: VerifiedCheckpoint;
  consistency: Consistency;
  keys: number;
  records: RecordCheck[];
}

export interface VerifyProgress {
  /** A record passed (called as each one does). */
  onRecord?: (r: RecordCheck) => void;
  /** The checkpoint is verified (before the records). */
  onCheckpoint?: (cp: VerifiedCheckpoint) => void;
}

export async function verifyIncident(
  slug: string,
  records: readonly PageRecord[],
  progress: VerifyProgress = {},
): Promise<IncidentVerification> {
  const client = new LogClient(slug);
  // Fetched at once, used after the checkpoint: the index only says where to look.
  const keyIndex = fetchKeyIndex(slug);
  keyIndex.catch(() => {}); // reported when awaited
  // A record logged moments ago may not be in a checkpoint yet (the log signs one about every
  // second once it grows): wait a few checkpoints for one that covers every record on the page,
  // then let proveEntry say which one is beyond it.
  const needed =
    Math.max(
      0,
      ...records.flatMap((r) => [
        r.index,
        r.sealed?.revealIndex ?? 0,
        r.sealed?.commitmentIndex ?? 0,
      ]),
    ) + 1;
  let cp = await fetchVerifiedCheckpoint(client);
  for (let i = 0; cp.checkpoint.size < needed && i < CHECKPOINT_WAITS; i++) {
    await new Promise((r) => setTimeout(r, CHECKPOINT_WAIT_MS));
    cp = await fetchVerifiedCheckpoint(client);
  }
  progress.onCheckpoint?.(cp);
  const consistency = await checkAgainstSeen(client, cp);
  const ctx = proofContext(client, cp);
  const mission = await provenMission(ctx);
  checkPolicyAgainstMission(cp.policy, mission.doc);
  const keys = await KeyBook.load(ctx, keyIndex, mission.doc);
  const settled = await Promise.allSettled(
    records.map(async (r) => {
      const c = await checkRecord(ctx, keys, mission.env.mission, r);
      progress.onRecord?.(c);
      return c;
    }),
  );
  const failures = settled
    .map((s, i) => ({ s, r: records[i]! }))
    .filter((x): x is { s: PromiseRejectedResult; r: PageRecord } => x.s.status === 'rejected')
    .sort((a, b) => a.r.index - b.r.index);
  if (failures.length > 0) {
    throw failures[0]!.s.reason;
  }
  return {
    cp,
    consistency,
    keys: keys.size,
    records: settled.map((s) => (s as PromiseFulfilledResult<RecordCheck>).value),
  };
}
