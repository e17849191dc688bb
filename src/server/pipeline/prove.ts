// Step "prove" of the submission pipeline: an acknowledged entry's cosigned checkpoint and its
// inclusion proof in the tlog-proof bundle format, once a published checkpoint covers the index.
import { formatProofBundle } from '../../tlog/proof-bundle.js';
import type { MissionLog } from '../../log/service.js';

export async function proveEntry(
  log: MissionLog,
  index: number,
): Promise<{ checkpoint: string; proof: string }> {
  const cp = await log.sequencer.checkpointCovering(index);
  const proof = await log.sequencer.reader.inclusionProof(index, cp.size);
  return { checkpoint: cp.note, proof: formatProofBundle({ index, proof, checkpoint: cp.note }) };
}
