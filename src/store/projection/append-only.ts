// Which entries only add rows to the read model, so their inserts may wait in the transaction's
// InsertBatch (insert-batch.ts): an accepted or refused report reads nothing but its author (kept
// in memory, or read from wf_authors, which no batched insert touches) and adds its wf_records
// and wf_reports rows; a log-sealed commitment whose hidden report the pipeline handed over
// (handoff.ts) projects that report and nothing else (sealed-projection.ts). Every other entry
// may read or update rows, so the batch is written before it.
import type { Envelope } from '../../core/envelope.js';

export function appendOnly(env: Envelope, sealed: Envelope | undefined): boolean {
  if (env.kind === 'report') return true;
  return (
    env.kind === 'commitment' &&
    sealed?.kind === 'report' &&
    (env.body as { sealed?: unknown }).sealed !== undefined
  );
}
