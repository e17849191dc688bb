// GET /api/v1/health: liveness plus the store it runs on (for load balancers and operators).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/health', async () => ({
    status: 'ok',
    version: ctx.version,
    store: ctx.store.dialect,
    // Each log's size and witness shortfall (the full status is at /api/v1/missions/<slug>/log).
    logs: Object.fromEntries(
      [...(ctx.logs?.values() ?? [])].map((l) => {
        const s = l.sequencer.status();
        return [
          l.slug,
          {
            size: s.size,
            checkpointSize: s.checkpoint?.size ?? null,
            quorumMet: s.quorumMet,
            shortfall: s.shortfall,
          },
        ];
      }),
    ),
  }));
}
