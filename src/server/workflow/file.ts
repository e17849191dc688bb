// Filing entries in-process through the very path POST …/entries takes (../pipeline/): admission
// (schema, key, signature, duplicate), the workflow rules, sealing, the sequencer, then the read
// model. Used by the demo story and the news filer.
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { workflowFor } from './context.js';
import { appendJudged, judgeEntry } from '../pipeline/judge.js';
import { leafFor } from '../pipeline/seal.js';
import { revealReleased } from '../pipeline/reveal-released.js';

/** Admits, checks and appends one entry; resolves with its index once integrated and projected. */
export async function fileEntry(
  ctx: AppContext,
  log: MissionLog,
  bytes: Uint8Array,
  caller: string,
  /** The clock signed times are judged by (judgeEntry); the server's unless told. */
  now?: string,
): Promise<{ index: number; id: string }> {
  const admitted = await log.admission.admit(bytes);
  const filing = await judgeEntry(ctx, log, admitted.envelope, caller, 'public', now);
  const leaf = await leafFor(log, admitted, filing);
  const index = await appendJudged(ctx, log, admitted.envelope, leaf, filing);
  await workflowFor(ctx).catchUp(log.slug);
  if (admitted.envelope.kind === 'release') await revealReleased(workflowFor(ctx), log);
  return { index, id: admitted.entry.id };
}

// Confidential records take the same pipeline (../pipeline/confidential.ts).
export { fileConfidential, type ConfidentialFiling } from '../pipeline/confidential.js';
