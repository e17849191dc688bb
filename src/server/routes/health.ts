// GET /api/v1/health: liveness plus the store it runs on (for load balancers and operators).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/health', async () => ({
    status: 'ok',
    version: ctx.version,
    store: ctx.store.dialect,
  }));
}
