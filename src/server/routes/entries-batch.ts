// The batch submission path: `POST /api/v1/missions/<slug>/entries` with content type
// application/jsonl (or application/x-ndjson) carries up to MAX_BATCH_ENTRIES canonical entries,
// one per line (each hashed into the log exactly as sent, so a line is its entry's bytes). Every
// line gets the checks of a single POST, in order: admission (size, schema, mission, key,
// signature, duplicate id), then the workflow rules — each entry judged against a read model that
// includes the batch's earlier entries when it depends on them (batch-dependencies.ts). Entries are
// appended in line order, so log order is line order. The answer (200, JSON lines) comes once every
// accepted entry is durable, integrated and covered by a published checkpoint (not waiting for the
// read model: the caller's own reads wait for it, read-after.ts):
// one result line per input line, `{"index","id","sealed"?}` (as a single POST's 201) or `{"error":{status,code,message,details}}`,
// then one last line `{"checkpoint": <signed note covering them>, "proof": <URL template>}`. A bad
// line is refused alone; nothing else of the batch is lost.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { HttpError, toHttp } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';
import { PendingEntries } from './batch-dependencies.js';
import { appendJudged, judgeEntry, type Judged } from '../pipeline/judge.js';
import { leafFor, type Leaf } from '../pipeline/seal.js';
import { revealReleased } from '../pipeline/reveal-released.js';
import { caughtUp, rememberAck } from './read-your-writes.js';

export const BATCH_CONTENT_TYPES = ['application/jsonl', 'application/x-ndjson'] as const;
/** Most entries in one batch (a full sequencer queue is 8,192: two batches fit). */
export const MAX_BATCH_ENTRIES = 4096;
/** Most bytes in one batch body. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function tooLarge(what: string): HttpError {
  return new HttpError(
    413,
    'too_large',
    `couldn't accept batch: ${what}; a batch holds at most ${MAX_BATCH_ENTRIES} entries and ${MAX_BATCH_BYTES} bytes — split it`,
  );
}

/** Reads a JSON-lines body as raw bytes, refusing (413) past MAX_BATCH_BYTES with a clear message. */
export function addBatchParser(app: FastifyInstance): void {
  app.addContentTypeParser([...BATCH_CONTENT_TYPES], (request: FastifyRequest, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (declared > MAX_BATCH_BYTES) {
      payload.resume(); // drain what the client still sends
      done(tooLarge(`the body is ${declared} bytes`), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BATCH_BYTES) {
        failed = true;
        done(tooLarge(`the body is over ${MAX_BATCH_BYTES} bytes`), undefined);
      } else chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!failed) done(null, { batch: Buffer.concat(chunks, size) });
    });
    payload.on('error', (err) => {
      if (!failed) done(err, undefined);
      failed = true;
    });
  });
}

/** The body a batch request parses to (see addBatchParser). */
export function batchBody(body: unknown): Buffer | undefined {
  const b = (body as { batch?: unknown } | undefined)?.batch;
  return b instanceof Buffer ? b : undefined;
}

/** Splits a body into its lines' bytes (LF or CRLF); a final newline ends the last line. */
export function splitLines(body: Buffer): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    const stop = end > start && body[end - 1] === 0x0d ? end - 1 : end;
    lines.push(new Uint8Array(body.buffer, body.byteOffset + start, stop - start));
    if (lines.length > MAX_BATCH_ENTRIES) throw tooLarge(`more than ${MAX_BATCH_ENTRIES} lines`);
    start = end + 1;
  }
  return lines;
}

/** When an answer comes (the `ack` query parameter of POST …/entries). */
export type Ack = 'integrated' | 'proven';

type LineResult =
  | { index: number; id: string; sealed?: { commitment: string; salt: string } }
  | { error: Record<string, unknown> };

function errorLine(err: unknown): LineResult {
  const h = toHttp(err);
  return {
    error: { status: h.status, code: h.code, message: h.message, details: h.details },
  };
}

/** Runs a batch through admission, the workflow rules and the sequencer; returns the answer's body. */
export async function submitBatch(
  ctx: AppContext,
  log: MissionLog,
  /** Who sends it: rules judge by its name; its reads then see the batch (read-your-writes.ts). */
  caller: { id: string; name: string },
  body: Buffer,
  /** 'integrated': answer once durable and integrated; 'proven' (default): also covered by a cosigned checkpoint. */
  ack: Ack = 'proven',
): Promise<string> {
  const lines = splitLines(body);
  if (lines.length === 0)
    throw new HttpError(400, 'schema', "couldn't accept batch: no entries, one per line");
  // An empty line in the middle is refused alone, like any line that is not an entry.
  const verdicts = await log.admission.checkBatch(lines);
  const wf = workflowFor(ctx);
  const results: Array<LineResult | Promise<LineResult>> = [];
  const pending = new PendingEntries();
  let inFlight: Promise<unknown>[] = [];
  let releases = false;
  for (const v of verdicts) {
    if (!v.ok) {
      results.push(errorLine(v.error));
      continue;
    }
    const { entry, envelope } = v.admitted;
    let leaf: Leaf;
    let judged: Judged;
    try {
      if (pending.mustWait(envelope)) {
        // Judge it against the state that includes the batch's earlier entries.
        await Promise.allSettled(inFlight);
        inFlight = [];
        await caughtUp(wf, log.slug);
        pending.clear();
      }
      judged = await judgeEntry(ctx, log, envelope, caller.name);
      leaf = await leafFor(log, { entry, envelope }, judged);
    } catch (err) {
      results.push(errorLine(err));
      continue;
    }
    if (envelope.kind === 'release') releases = true;
    const appended = appendJudged(ctx, log, envelope, leaf, judged);
    inFlight.push(appended);
    pending.add(envelope, judged.accepted);
    const sealed = leaf.sealed;
    results.push(
      appended.then(
        (index): LineResult => ({ index, id: entry.id, ...(sealed ? { sealed } : {}) }),
        (err: unknown) => errorLine(err),
      ),
    );
  }
  const settled = await Promise.all(results);
  let last = -1;
  for (const r of settled) if ('index' in r && r.index > last) last = r.index;
  if (last >= 0) rememberAck(wf, log.slug, caller.id, last);
  const out = settled.map((r) => JSON.stringify(r));
  const proof = `/api/v1/missions/${log.slug}/entries/{index}/proof`;
  if (ack === 'integrated') {
    // Answered once durable and integrated: no wait for the read model or the next checkpoint
    // (a flood's latency is then not bounded by the checkpoint interval); proofs come by URL.
    if (releases) await revealReleased(wf, log);
    out.push(JSON.stringify({ checkpoint: null, proof }));
  } else if (last >= 0) {
    if (releases) await revealReleased(wf, log);
    const cp = await log.sequencer.checkpointCovering(last);
    out.push(
      JSON.stringify({
        checkpoint: cp.note,
        proof,
      }),
    );
  } else out.push(JSON.stringify({ checkpoint: null }));
  return out.join('\n') + '\n';
}
