// The checkpoint a page verifies against: fetched with the log's tlog-policy from /log/<slug>/,
// signed by the policy's log key and cosigned by enough of its witnesses (c2sp.org/tlog-policy,
// c2sp.org/tlog-cosignature), and, when this browser saw the log before, a consistent extension of
// the checkpoint it saw (RFC 9162 section 2.1.4 consistency proof from the tiles). A server that
// shows this reader a different history than it showed before is caught here.
import {
  QUORUM_NONE,
  base64DecodeOrUndefined,
  base64Encode,
  bytesEqual,
  consistencyProofAsync,
  isTlogError,
  noteVerifierFromKey,
  openNote,
  parseCheckpoint,
  parseNote,
  parsePolicy,
  verifyCheckpointWithPolicy,
  verifyConsistency,
  type Checkpoint,
  type Policy,
} from '../../../src/tlog/index.js';
import type { MissionDoc } from '../../../src/core/records/mission.js';
import { VerifyFailure, errorText } from './failure.js';
import type { LogClient } from './log-client.js';
import { fmtNumber } from './messages.js';

export interface VerifiedCheckpoint {
  note: string;
  checkpoint: Checkpoint;
  policy: Policy;
  policyText: string;
  /** Policy-local names (and cosignature times, seconds) of the witnesses whose cosignatures verified. */
  cosigners: ReadonlyArray<{ name: string; timestamp?: number }>;
}

/** The fewest witnesses whose cosignatures satisfy the policy's quorum. */
export function witnessesNeeded(policy: Policy): number {
  const groups = new Map(policy.groups.map((g) => [g.name, g]));
  const need = (name: string, depth = 0): number => {
    if (name === QUORUM_NONE) return 0;
    const g = groups.get(name);
    if (!g || depth > 64) return 1;
    const members = g.members.map((m) => need(m, depth + 1)).sort((a, b) => a - b);
    return members.slice(0, g.threshold).reduce((a, b) => a + b, 0);
  };
  return need(policy.quorum);
}

/** Which policy witnesses cosigned `note` (throws checkpoint-cosignature on an invalid one). */
function countCosigners(note: string, policy: Policy): string[] {
  const out: string[] = [];
  for (const w of policy.witnesses) {
    try {
      openNote(note, [noteVerifierFromKey(w.key)]);
      out.push(w.name);
    } catch (err) {
      if (isTlogError(err, 'bad_signature'))
        throw new VerifyFailure('checkpoint-cosignature', (m) =>
          m.whyCheckpointBadCosignature(errorText(err)),
        );
    }
  }
  return out;
}

export async function fetchVerifiedCheckpoint(client: LogClient): Promise<VerifiedCheckpoint> {
  const [policyText, note] = await Promise.all([client.policy(), client.checkpoint()]);
  let policy: Policy;
  try {
    policy = parsePolicy(policyText);
  } catch (err) {
    throw new VerifyFailure('policy', (m) => m.whyPolicy(errorText(err)), undefined, {
      cause: err,
    });
  }
  return verifyNote(note, policy, policyText);
}

/** Verifies a checkpoint note against a policy, naming what failed. */
export function verifyNote(note: string, policy: Policy, policyText: string): VerifiedCheckpoint {
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(parseNote(note).text);
  } catch (err) {
    throw new VerifyFailure('checkpoint-malformed', (m) =>
      m.whyCheckpointMalformed(errorText(err)),
    );
  }
  try {
    const v = verifyCheckpointWithPolicy(note, policy);
    return { note, checkpoint: v.checkpoint, policy, policyText, cosigners: v.cosigners };
  } catch (err) {
    if (isTlogError(err, 'policy_unsatisfied')) {
      const k = countCosigners(note, policy).length;
      throw new VerifyFailure('quorum', (m) =>
        m.whyQuorum(fmtNumber(checkpoint.size), fmtNumber(k), fmtNumber(witnessesNeeded(policy))),
      );
    }
    if (isTlogError(err, 'bad_signature')) countCosigners(note, policy); // names a bad witness
    const logKeys = policy.logs.map(
      (l) => `${l.key.name}+${l.key.hash.toString(16).padStart(8, '0')}`,
    );
    throw new VerifyFailure(
      'checkpoint-signature',
      (m) => m.whyCheckpointSignature(logKeys.join(', ') || checkpoint.origin),
      undefined,
      { cause: err },
    );
  }
}

/**
 * The policy against the mission document (log entry 0): its witnesses are the mission's and its
 * quorum asks for at least the mission's witnessQuorum. A server can serve any policy; this ties it
 * to what the mission itself, in the log the witnesses cosign, says.
 */
export function checkPolicyAgainstMission(policy: Policy, mission: MissionDoc): void {
  const names = new Set(mission.witnesses.map((w) => w.name));
  const stranger = policy.witnesses.find((w) => !names.has(w.key.name));
  if (stranger)
    throw new VerifyFailure('policy-mission', (m) =>
      m.whyPolicyMission(`witness ${stranger.key.name} is not one of the mission's witnesses`),
    );
  const needed = witnessesNeeded(policy);
  if (needed < mission.witnessQuorum)
    throw new VerifyFailure('policy-mission', (m) =>
      m.whyPolicyMission(
        `its quorum needs ${fmtNumber(needed)}, the mission ${fmtNumber(mission.witnessQuorum)}`,
      ),
    );
}

// ---- what this browser saw before (localStorage) ----

const STORAGE_PREFIX = 'truceline.seen.';

interface Seen {
  size: number;
  root: string;
  note: string;
  /** The policy's log key and witness keys, sorted: a change means another log. */
  keys: string[];
  /** When this browser saw it (ms since the epoch). */
  seenAt: number;
}

export type Consistency =
  | { kind: 'first'; size: number }
  | { kind: 'consistent'; oldSize: number; seenAt: number; proof: Uint8Array[] };

function policyKeys(p: Policy): string[] {
  return [
    ...p.logs.map((l) => `log ${l.vkey}`),
    ...p.witnesses.map((w) => `witness ${w.vkey}`),
  ].sort();
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: every visit is a first visit
  }
}

function readSeen(origin: string): Seen | undefined {
  const raw = storage()?.getItem(STORAGE_PREFIX + origin);
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw) as Seen;
    if (Number.isSafeInteger(s.size) && typeof s.root === 'string' && Array.isArray(s.keys))
      return s;
  } catch {
    // unreadable: treated as never seen
  }
  return undefined;
}

/**
 * Checks the verified checkpoint against the one this browser kept for the same origin, then keeps
 * the new one. Throws policy-changed, rollback or consistency (the page says these in red).
 */
export async function checkAgainstSeen(
  client: LogClient,
  v: VerifiedCheckpoint,
  now = Date.now(),
): Promise<Consistency> {
  const { origin, size, rootHash } = v.checkpoint;
  const seen = readSeen(origin);
  const keys = policyKeys(v.policy);
  let result: Consistency = { kind: 'first', size };
  if (seen) {
    if (seen.keys.join('\n') !== keys.join('\n'))
      throw new VerifyFailure('policy-changed', (m) => m.whyPolicyChanged);
    const oldSize = fmtNumber(seen.size);
    const newSize = fmtNumber(size);
    const oldRoot = base64DecodeOrUndefined(seen.root) ?? new Uint8Array(0);
    if (seen.size > size) throw new VerifyFailure('rollback', (m) => m.whyOlder(oldSize, newSize));
    let proof: Uint8Array[] = [];
    try {
      if (seen.size === size) {
        if (!bytesEqual(oldRoot, rootHash)) throw new Error('same size, different root hash');
      } else if (seen.size > 0) {
        proof = await consistencyProofAsync(seen.size, size, client.hashSource(size));
        verifyConsistency(seen.size, size, proof, oldRoot, rootHash);
      }
    } catch (err) {
      if (err instanceof VerifyFailure && err.code === 'fetch') throw err;
      throw new VerifyFailure(
        'consistency',
        (m) => m.whyConsistency(oldSize, newSize, errorText(err)),
        undefined,
        { cause: err },
      );
    }
    result = { kind: 'consistent', oldSize: seen.size, seenAt: seen.seenAt, proof };
  }
  const keep: Seen = { size, root: base64Encode(rootHash), note: v.note, keys, seenAt: now };
  try {
    storage()?.setItem(STORAGE_PREFIX + origin, JSON.stringify(keep));
  } catch {
    // storage full or disabled: the next visit is a first visit again
  }
  return result;
}
