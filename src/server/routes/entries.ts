// Entries of a mission's log: POST a signed envelope (answered 201 {index, id, checkpoint, proof,
// sealed?} once it is durable, integrated and covered by a published checkpoint; an entry the public
// may not read yet is sealed, ../pipeline/seal.ts, and `index` is then its commitment's) or a batch of them as JSON
// lines (entries-batch.ts), GET an entry's exact bytes, GET its tlog-proof bundle against the
// latest checkpoint. No answer waits for the read model (issue 12, item 2): the projection follows
// on its own, and the caller's own reads wait for it (read-after.ts, read-your-writes.ts).
import type { FastifyInstance } from 'fastify';
import { formatProofBundle, TLOG_PROOF_EXTENSION } from '../../tlog/proof-bundle.js';
import { parseDecimal } from '../../tlog/checkpoint.js';
import { parseCheckpoint } from '../../tlog/checkpoint.js';
import { parseNote } from '../../tlog/note.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { authFor } from '../auth/caller.js';
import { workflowFor } from '../workflow/context.js';
import { addBatchParser, batchBody, submitBatch } from './entries-batch.js';
import { appendJudged, judgeEntry } from '../pipeline/judge.js';
import { parseInput } from '../body.js';
import { z } from 'zod';
import { leafFor } from '../pipeline/seal.js';
import { revealReleased } from '../pipeline/reveal-released.js';
import { missionLog } from './log.js';
import { rememberAck } from './read-your-writes.js';

/**
 * `?ack=integrated`: answer once the entry is durable and integrated (index, and the proof by URL
 * later), without waiting for a cosigned checkpoint; the default `proven` waits for the checkpoint
 * and carries it and the proof. Neither waits for the read model.
 */
export const EntriesQuerySchema = z.strictObject({
  ack: z.enum(['integrated', 'proven']).default('proven'),
});

function parseIndex(text: string): number {
  const n = parseDecimal(text);
  if (n === undefined)
    throw new HttpError(400, 'schema', `couldn't read entry: "index" is not a decimal index`, {
      issues: [{ path: 'index', message: 'not a decimal index' }],
    });
  return n;
}

export function registerEntryRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The entry is hashed into the log as sent: keep the raw bytes, whatever the content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  addBatchParser(app);

  const auth = authFor(ctx);

  app.post<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/entries',
    async (request, reply) => {
      const caller = await auth.require(request, undefined, 'add an entry');
      const log = missionLog(ctx, request.params.slug);
      const { ack } = parseInput(EntriesQuerySchema, request.query, 'add an entry');
      const batch = batchBody(request.body);
      if (batch) {
        const answer = await submitBatch(ctx, log, caller.user, batch, ack);
        return reply.status(200).type('application/jsonl; charset=utf-8').send(answer);
      }
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0)
        throw new HttpError(
          400,
          'schema',
          "couldn't accept entry: the body must be the entry's canonical JSON",
        );
      const { entry, envelope } = await log.admission.admit(
        new Uint8Array(body.buffer, body.byteOffset, body.length),
      );
      const filing = await judgeEntry(ctx, log, envelope, caller.user.name);
      const leaf = await leafFor(log, { entry, envelope }, filing);
      const index = await appendJudged(ctx, log, envelope, leaf, filing);
      // Read your writes: this caller's next reads wait for the read model to apply it.
      rememberAck(workflowFor(ctx), log.slug, caller.user.id, index);
      const sealed = leaf.sealed ? { sealed: leaf.sealed } : {};
      if (ack === 'integrated') {
        if (envelope.kind === 'release') await revealReleased(workflowFor(ctx), log);
        return reply.status(201).send({
          index,
          id: entry.id,
          ...sealed,
          proof: `/api/v1/missions/${log.slug}/entries/${index}/proof`,
        });
      }
      // A release answers once its incident's sealed records are revealed (publicly verifiable).
      if (envelope.kind === 'release') await revealReleased(workflowFor(ctx), log);
      const cp = await log.sequencer.checkpointCovering(index);
      const proof = await log.sequencer.reader.inclusionProof(index, cp.size);
      return reply.status(201).send({
        index,
        id: entry.id,
        // Sealed: the leaf at `index` is the log's commitment to the entry; its salt opens it.
        ...sealed,
        checkpoint: cp.note,
        proof: formatProofBundle({ index, proof, checkpoint: cp.note }),
      });
    },
  );

  app.get<{ Params: { slug: string; index: string } }>(
    '/api/v1/missions/:slug/entries/:index',
    async (request, reply) => {
      const log = missionLog(ctx, request.params.slug);
      const index = parseIndex(request.params.index);
      if (index >= log.sequencer.size)
        throw new HttpError(404, 'not_found', `couldn't find entry ${index}`);
      const e = await ctx.store.getEntry(log.slug, index);
      if (!e) throw new HttpError(404, 'not_found', `couldn't find entry ${index}`);
      void reply
        .header('content-type', 'application/json')
        .header('cache-control', 'public, max-age=31536000, immutable');
      return reply.send(Buffer.from(e.bytes));
    },
  );

  app.get<{ Params: { slug: string; index: string } }>(
    '/api/v1/missions/:slug/entries/:index/proof',
    async (request, reply) => {
      const log = missionLog(ctx, request.params.slug);
      const index = parseIndex(request.params.index);
      const cp = log.sequencer.latest();
      if (!cp || index >= cp.size)
        throw new HttpError(
          404,
          'not_found',
          `couldn't prove entry ${index}: no published checkpoint includes it yet`,
        );
      const size = parseCheckpoint(parseNote(cp.note).text).size;
      const proof = await log.sequencer.reader.inclusionProof(index, size);
      void reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${log.slug}-${index}${TLOG_PROOF_EXTENSION}"`,
        )
        .header('cache-control', 'no-cache');
      return reply.send(formatProofBundle({ index, proof, checkpoint: cp.note }));
    },
  );
}
