// GET /api/v1/missions/<slug>/crossings: every crossing of the mission with its current status and
// its history (status updates are public records).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { requireMission, workflowFor } from '../workflow/context.js';

export function registerCrossingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/crossings', async (request) => {
    const slug = await requireMission(ctx, request.params.slug);
    return { crossings: await workflowFor(ctx).crossings(slug) };
  });
}
