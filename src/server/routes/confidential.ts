// Confidential records (issue 4, item 6). The author signs two entries on their own device: the
// confidential record (a report or response) and a `commitment` whose digest is
// SHA-256(salt ‖ record entry bytes) for a 32-byte random salt. Both go in one request:
//   POST /api/v1/missions/<slug>/confidential  {"entry": <record's canonical JSON text>,
//                                                "commitment": <commitment's canonical JSON text>,
//                                                "salt": <base64 of the 32 bytes>}
// Both take the one submission pipeline (../pipeline/confidential.ts: admission, the workflow
// rules, then the pair's own checks: the commitment is the record author's and matches the
// digest), record and salt are stored privately (wf_confidential) and only the commitment is
// appended to the public log; answers as POST …/entries does (../pipeline/prove.ts), plus the
// record's id. Its side reads it back (to reveal it later) with
//   GET /api/v1/missions/<slug>/confidential/<commitment id>  → {side, salt, entry}
// A `reveal` entry (POST …/entries) later publishes salt and entry; the rules check it against the
// digest, and anyone can, with the entry's own signature.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../core/ids.js';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';
import { fileConfidential } from '../pipeline/confidential.js';
import { seesEverything } from '../../store/workflow-store.js';
import { missionLog } from './log.js';
import { proveEntry } from '../pipeline/prove.js';

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
      return reply.status(201).send({ index, id, record, ...(await proveEntry(log, index)) });
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/confidential', async (request) => {
    await auth.require(
      request,
      ['party', 'analyst', 'mediator', 'admin'],
      'list confidential records',
    );
    const slug = await requireMission(ctx, request.params.slug);
    const viewer = await viewerOf(ctx, request, slug);
    // A party sees its own side's filings; analysts, mediators and admins every side's (as they
    // may read each record behind them, GET …/confidential/<id>).
    const side = seesEverything(viewer) ? null : viewer.role === 'party' ? viewer.org : undefined;
    if (side === undefined) return { items: [] };
    return { items: await wf.confidential.list(slug, side) };
  });

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
      const row = await wf.confidential.get(slug, request.params.id);
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
