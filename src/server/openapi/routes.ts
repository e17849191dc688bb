// GET /api/v1/openapi.json (OpenAPI 3.1, built once from the route docs and the app's route table)
// and the offline documentation page at /api/docs.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { DOCS_HTML, DOCS_JS } from './docs-page.js';
import { buildOpenApi } from './document.js';
import { ROUTE_DOCS } from './route-docs.js';
import { routeTable } from './route-table.js';

export function registerOpenApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  let doc: string | undefined;
  app.get('/api/v1/openapi.json', async (_request, reply) => {
    doc ??= JSON.stringify(
      buildOpenApi(ROUTE_DOCS, routeTable(app), { version: ctx.version, serverUrl: ctx.publicUrl }),
    );
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-cache');
    return reply.send(doc);
  });
  app.get('/api/docs', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(DOCS_HTML),
  );
  app.get('/api/docs/docs.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(DOCS_JS),
  );
}
