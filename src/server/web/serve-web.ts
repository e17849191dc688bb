// Serves the web app (dist/web/, built by `npm run build:web`): hashed assets under /assets/ with
// immutable caching, pre-compressed (.br/.gz written by scripts/compress-web.mjs, chosen by
// Accept-Encoding); index.html never cached, and answered for every page route of the portal so a
// deep link works on reload and when shared (issue 10: `/`, `/missions/<slug>`,
// `/missions/<slug>/incidents/<id>`, `/missions/<slug>/reports/<YYYY-MM-DD>`,
// `/missions/<slug>/verify`). Anything else stays a JSON 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The portal's page routes (web/src/router.ts parses the same shapes). */
export const PAGE_ROUTES = [
  '/missions/:slug',
  '/missions/:slug/incidents/:id',
  '/missions/:slug/reports/:date',
  '/missions/:slug/verify',
  '/console',
  '/console/*',
] as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';

function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}

export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      // Vite names every asset by its content hash: a changed file is a new URL.
      reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/', (_req, reply) => sendIndex(reply));
  for (const route of PAGE_ROUTES) app.get(route, (_req, reply) => sendIndex(reply));
}
