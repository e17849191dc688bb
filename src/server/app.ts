// Builds the HTTP application: API routes, the C2SP log endpoints and the static web app.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';
import type { MissionLog } from '../log/service.js';
import { registerUserAdminRoutes } from './auth/admin-routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerOpenApiRoutes } from './openapi/routes.js';
import { trackRoutes } from './openapi/route-table.js';
import { registerBlobRoutes } from './routes/blobs.js';
import { registerEntryRoutes } from './routes/entries.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerWebhookRoutes } from './webhooks/routes.js';
import { registerStreamRoutes } from './routes/stream.js';
import { registerWorkflowRoutes } from './routes/workflow.js';
import { registerLogRoutes } from './routes/log.js';
import { errorHandler, HttpError } from './http-errors.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerReadAfter } from './routes/read-after.js';
import { registerMissionRoutes } from './routes/missions.js';
import type { ServerConfig } from './config.js';
import { securityHeaders } from './security-headers.js';
import { registerHttpCache } from './http-cache/plugin.js';
import { registerCompression } from './compression.js';
import { registerWebApp } from './web/serve-web.js';

export interface AppContext {
  store: Store;
  config: ServerConfig;
  /** The URL clients reach this server at. */
  publicUrl: string;
  version: string;
  /** The running logs, by mission slug (absent: no log endpoints answer but 404/503). */
  logs?: Map<string, MissionLog>;
}

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: process.env.TRUCELINE_LOG_LEVEL ? { level: process.env.TRUCELINE_LOG_LEVEL } : false,
    bodyLimit: 1024 * 1024,
  });
  trackRoutes(app);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', securityHeaders);
  registerReadAfter(app, ctx);
  registerHttpCache(app, ctx);
  // After the cache's hooks, before the routes (compression.ts says why).
  await registerCompression(app);

  registerHealthRoutes(app, ctx);
  registerMissionRoutes(app, ctx);
  registerLogRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerUserAdminRoutes(app, ctx);
  registerStreamRoutes(app, ctx);
  registerOpenApiRoutes(app, ctx);
  registerWorkflowRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  (await import('./routes/keys-index.js')).registerKeysIndexRoutes(app, ctx);
  (await import('./routes/console-key-requests.js')).registerConsoleKeyRequestRoutes(app, ctx);
  (await import('./routes/desk.js')).registerDeskRoutes(app, ctx);
  (await import('./routes/penalties.js')).registerPenaltyRoutes(app, ctx);
  await app.register(async (scope) => registerEntryRoutes(scope, ctx));
  await app.register(async (scope) => registerBlobRoutes(scope, ctx));

  if (existsSync(WEB_ROOT)) {
    await registerWebApp(app, WEB_ROOT);
  }
  app.setNotFoundHandler((request, reply) => {
    const err = new HttpError(
      404,
      'not_found',
      `couldn't find ${request.method} ${request.url.split('?')[0]}`,
    );
    errorHandler(err, request, reply);
  });
  return app;
}
