// The incident read API (docs/architecture.md "HTTP contract"):
//   GET /api/v1/missions/<slug>/incidents?from&to&type&party&status&verdict&bbox&q&limit&cursor
//   GET /api/v1/missions/<slug>/incidents/<id>   every record with its log index
//   GET /api/v1/missions/<slug>/records/<id>     one record (confidential ones: their side only)
//   GET /api/v1/missions/<slug>/commitments      every commitment (public)
// What a caller sees is filtered by the read model: the public sees released incidents and
// commitments; a party also what involves its side and its own confidential records; a monitor
// what it is tasked on; analysts, mediators and administrators everything. `incidentList` is the
// list query the exports (.geojson, .csv, .hxl.csv) reuse.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../core/ids.js';
import { OrgCodeSchema } from '../../core/records/mission.js';
import { INCIDENT_STATUSES } from '../../core/records/workflow.js';
import { EVENT_TYPE_NAMES, VERDICTS } from '../../core/taxonomy.js';
import type { IncidentQuery, IncidentRow } from '../../store/workflow-store.js';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { cacheByLog, cacheByLogAndClock } from '../http-cache/plugin.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)).max(50));

/** The list's query string (every field optional; unknown fields are ignored). */
export const IncidentQuerySchema = z.object({
  from: z.iso.date().optional().describe('first date, YYYY-MM-DD (inclusive)'),
  to: z.iso.date().optional().describe('last date, YYYY-MM-DD (inclusive)'),
  type: list(EVENT_TYPE_NAMES).optional().describe('event types, comma-separated'),
  party: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(OrgCodeSchema).max(50))
    .optional()
    .describe('organisations involved (reporting, accused or attributed), comma-separated'),
  status: list(INCIDENT_STATUSES).optional().describe('workflow states, comma-separated'),
  verdict: list([...VERDICTS, 'none'])
    .optional()
    .describe('verdicts, comma-separated; "none": no verdict (yet)'),
  bbox: z
    .string()
    .max(200)
    .transform((s, c) => {
      const n = s.split(',').map(Number);
      const [w, so, e, no] = n;
      if (
        n.length !== 4 ||
        n.some((x) => !Number.isFinite(x)) ||
        Math.abs(w!) > 180 ||
        Math.abs(e!) > 180 ||
        Math.abs(so!) > 90 ||
        Math.abs(no!) > 90 ||
        so! > no!
      ) {
        c.addIssue({ code: 'custom', message: 'bbox is minLon,minLat,maxLon,maxLat in degrees' });
        return z.NEVER;
      }
      return [w!, so!, e!, no!] as [number, number, number, number];
    })
    .optional()
    .describe('minLon,minLat,maxLon,maxLat'),
  q: z.string().min(1).max(200).optional().describe('full-text search words'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('the `next` of the previous page'),
});

export function parseIncidentQuery(query: unknown): IncidentQuery {
  return parseInput(IncidentQuerySchema, query ?? {}, 'list incidents');
}

/** The incidents the caller may see, filtered by the request's query (for the list and the exports). */
export async function incidentList(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
  overrides: Partial<IncidentQuery> = {},
): Promise<{ items: IncidentRow[]; next: string | null }> {
  await requireMission(ctx, slug);
  const query = { ...parseIncidentQuery(request.query), ...overrides };
  const viewer = await viewerOf(ctx, request, slug);
  return workflowFor(ctx).listIncidents(slug, query, viewer);
}

const IdParam = (what: string) => (id: string) => {
  if (!IdSchema.safeParse(id).success)
    throw new HttpError(400, 'schema', `couldn't read ${what}: "id" is not an entry id (UUIDv7)`, {
      issues: [{ path: 'id', message: 'not a UUIDv7' }],
    });
  return id;
};

export function registerIncidentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const wf = workflowFor(ctx);

  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/incidents',
    cacheByLog,
    async (request) => {
      const { items, next } = await incidentList(ctx, request, request.params.slug);
      return { items, next };
    },
  );

  app.get<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/incidents/:id',
    cacheByLogAndClock,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const id = IdParam('incident')(request.params.id);
      const d = await wf.getIncident(slug, id, await viewerOf(ctx, request, slug));
      // Not found and not visible answer alike: an unreleased incident's existence is not public.
      if (!d) throw new HttpError(404, 'not_found', `couldn't find incident ${id}`);
      return d;
    },
  );

  app.get<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/records/:id',
    cacheByLog,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const id = IdParam('record')(request.params.id);
      const r = await wf.getRecord(slug, id, await viewerOf(ctx, request, slug));
      if (!r) throw new HttpError(404, 'not_found', `couldn't find record ${id}`);
      return r;
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/commitments',
    cacheByLog,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      return { items: await wf.listCommitments(slug) };
    },
  );
}
