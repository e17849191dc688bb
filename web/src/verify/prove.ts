// One log entry, proven: its bytes from the entry bundle, its inclusion proof from the hash tiles,
// both checked against the verified checkpoint's root (RFC 9162 section 2.1.3.2). When the proof
// fails, the level-0 tile says which side lied: if the tiles' own leaf is in the checkpoint, the
// entry bytes were changed; otherwise the tiles were.
import {
  formatProofBundle,
  hashLeaf,
  inclusionProofAsync,
  isTlogError,
  verifyInclusion,
  type AsyncHashSource,
} from '../../../src/tlog/index.js';
import type { VerifiedCheckpoint } from './checkpoint.js';
import { VerifyFailure } from './failure.js';
import type { LogClient } from './log-client.js';
import { fmtNumber } from './messages.js';

/** A verified checkpoint with the means to prove entries against it. */
export interface ProofContext {
  client: LogClient;
  cp: VerifiedCheckpoint;
  source: AsyncHashSource;
}

export function proofContext(client: LogClient, cp: VerifiedCheckpoint): ProofContext {
  return { client, cp, source: client.hashSource(cp.checkpoint.size) };
}

export interface ProvenEntry {
  index: number;
  bytes: Uint8Array;
  proof: Uint8Array[];
  /** The c2sp.org/tlog-proof@v1 bundle (checkpoint included), for download. */
  bundle: string;
}

/** `what` names the entry in messages (e.g. "the report at index 11"). */
export async function proveEntry(
  ctx: ProofContext,
  index: number,
  what: string,
): Promise<ProvenEntry> {
  const { size, rootHash } = ctx.cp.checkpoint;
  const i = fmtNumber(index);
  const s = fmtNumber(size);
  if (index >= size)
    throw new VerifyFailure('not-in-checkpoint', (m) => m.whyNotInCheckpoint(what, i, s), index);
  const tampered = (code: 'entry-tampered' | 'tile-tampered', cause?: unknown) =>
    new VerifyFailure(
      code,
      (m) => (code === 'entry-tampered' ? m.whyEntryTampered : m.whyTileTampered)(what, i, s),
      index,
      { cause },
    );
  let bytes: Uint8Array;
  try {
    bytes = await ctx.client.entry(index, size);
  } catch (err) {
    if (isTlogError(err)) throw tampered('entry-tampered', err); // a malformed bundle
    throw err;
  }
  let proof: Uint8Array[];
  try {
    proof = await inclusionProofAsync(index, size, ctx.source);
  } catch (err) {
    if (isTlogError(err)) throw tampered('tile-tampered', err); // a tile of the wrong length
    throw err;
  }
  try {
    verifyInclusion(index, size, hashLeaf(bytes), proof, rootHash);
  } catch (err) {
    if (!isTlogError(err)) throw err;
    const tileLeaf = await ctx.source(0, index);
    let tilesHonest = false;
    if (tileLeaf)
      try {
        verifyInclusion(index, size, tileLeaf, proof, rootHash);
        tilesHonest = true;
      } catch {
        tilesHonest = false;
      }
    throw tampered(tilesHonest ? 'entry-tampered' : 'tile-tampered', err);
  }
  return {
    index,
    bytes,
    proof,
    bundle: formatProofBundle({ index, proof, checkpoint: ctx.cp.note }),
  };
}
