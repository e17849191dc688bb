// GET /api/v1/missions/<slug>/crossings: every crossing of the mission with its official status and
// history (entries of the mission's crossing authorities, monitors by default), and the parties'
// claims the caller may read (its own organisation's; all of them for analysts and mediators).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { cacheByLog } from '../http-cache/plugin.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';

export function registerCrossingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/crossings',
    cacheByLog,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const viewer = await viewerOf(ctx, request, slug);
      return { crossings: await workflowFor(ctx).crossings(slug, viewer) };
    },
  );
}
