// Confidential records (issue 4, item 6). The author signs two entries on their own device: the
// confidential record (a report or response) and a `commitment` whose digest is
// SHA-256(salt ‖ record entry bytes) for a 32-byte random salt. Both go in one request:
//   POST /api/v1/missions/<slug>/confidential  {"entry": <record's canonical JSON text>,
//                                                "commitment": <commitment's canonical JSON text>,
//                                                "salt": <base64 of the 32 bytes>}
// The server checks both like any entry (admission, then the workflow rules), checks that the
// commitment is the record author's and matches the digest, stores record and salt privately
// (wf_confidential) and appends only the commitment to the public log; answers as POST …/entries
// does, plus the record's id. Its side reads it back (to reveal it later) with
//   GET /api/v1/missions/<slug>/confidential/<commitment id>  → {side, salt, entry}
// A `reveal` entry (POST …/entries) later publishes salt and entry; the rules check it against the
// digest, and anyone can, with the entry's own signature.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../core/ids.js';
import { formatProofBundle } from '../../tlog/proof-bundle.js';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';
import { fileConfidential } from '../workflow/file.js';
import { seesEverything } from '../../store/workflow-store.js';
import { missionLog } from './log.js';

export const ConfidentialBodySchema = z.object({
  entry: z.string().min(2).max(65535).describe("the confidential record's canonical signed entry"),
  commitment: z.string().min(2).max(65535).describe('the commitment entry (canonical JSON)'),
  salt: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes')
    .describe('base64 of the 32-byte salt'),
});

export const ConfidentialAnswerSchema = z.object({
  index: z.number().int().min(0),
  id: z.string().describe('the commitment id'),
  record: z.string().describe('the confidential record id'),
  checkpoint: z.string(),
  proof: z.string(),
});

export function registerConfidentialRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const wf = workflowFor(ctx);

  app.post<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/confidential',
    async (request, reply) => {
      const caller = await auth.require(request, undefined, 'file a confidential record');
      const log = missionLog(ctx, request.params.slug);
      const body = parseInput(ConfidentialBodySchema, request.body, 'file a confidential record');
      const { index, id, record } = await fileConfidential(ctx, log, body, caller.user.name);
      const cp = await log.sequencer.checkpointCovering(index);
      const proof = await log.sequencer.reader.inclusionProof(index, cp.size);
      return reply.status(201).send({
        index,
        id,
        record,
        checkpoint: cp.note,
        proof: formatProofBundle({ index, proof, checkpoint: cp.note }),
      });
    },
  );

  app.get<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/confidential/:id',
    async (request) => {
      const caller = await auth.require(
        request,
        ['party', 'analyst', 'mediator', 'admin'],
        'read a confidential record',
      );
      const slug = await requireMission(ctx, request.params.slug);
      if (!IdSchema.safeParse(request.params.id).success)
        throw new HttpError(400, 'schema', `couldn't read record: "id" is not an entry id`, {
          issues: [{ path: 'id', message: 'not a UUIDv7' }],
        });
      const viewer = await viewerOf(ctx, request, slug);
      const row = await wf.getConfidential(slug, request.params.id);
      const mine = viewer.role !== 'public' && (seesEverything(viewer) || row?.side === viewer.org);
      if (!row || !mine)
        throw new HttpError(
          404,
          'not_found',
          `couldn't find confidential record ${request.params.id}`,
        );
      void caller;
      return row;
    },
  );
}
