// The app's route table, collected as routes are added (fastify's onRoute hook), so the OpenAPI
// document and the role-matrix test can check that every route is described.
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** The path as registered, fastify style (`/api/v1/missions/:slug`). */
  url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Call first in buildApp: records every route added afterwards, in plugins too. */
export function trackRoutes(app: FastifyInstance): void {
  const list: RouteEntry[] = [];
  tables.set(app, list);
  app.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) list.push({ method: String(m).toUpperCase(), url: opts.url });
  });
}

/** Every route of the app (HEAD routes fastify adds for GET ones included). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return [...(tables.get(app) ?? [])];
}

/** Fastify path to OpenAPI path: `:slug` → `{slug}`, a trailing `*` → `{path}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}
