// GET /api/v1/missions/<slug>/keys: every `key` entry of the mission's log, with its log index and
// fields, in log order. Key entries are public (they are in the public log anyway); this index only
// saves a reader from scanning the whole log to find them. A reader must not trust it: the browser
// fetches each entry at its index from the tiles and proves its inclusion (web/src/verify/keys.ts),
// and the log page's full check (or `truceline verify`) is what shows no key entry was left out.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseEntry } from '../../core/envelope.js';
import type { RouteDoc } from '../openapi/route-docs.js';
import type { AppContext } from '../app.js';
import { requireMission } from '../workflow/context.js';

/** One key entry as listed: its log index and its envelope's fields (as the log holds them). */
export const KeyIndexItemSchema = z.object({
  index: z.number().int().min(0),
  id: z.string(),
  at: z.string(),
  author: z.string(),
  body: z.record(z.string(), z.unknown()),
});
export type KeyIndexItem = z.infer<typeof KeyIndexItemSchema>;

/** The OpenAPI description (for src/server/openapi/route-docs.ts). */
export const KEYS_INDEX_ROUTE_DOC: RouteDoc = {
  method: 'GET',
  path: '/api/v1/missions/:slug/keys',
  tag: 'log',
  summary: "The log indexes and fields of the mission's key entries (register and revoke)",
  description:
    'Public, like the log itself. Readers prove each entry from the tiles at its index; the list itself is not evidence that no key entry is missing (a full log check is).',
  access: 'public',
  params: z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') }),
  responses: {
    200: {
      description: '{items: [{index, id, at, author, body}]}, in log order',
      contentType: 'application/json',
      schema: z.object({ items: z.array(KeyIndexItemSchema) }),
    },
    404: { description: 'no such mission', contentType: 'application/json' },
  },
};

export function registerKeysIndexRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/keys', async (request) => {
    const slug = await requireMission(ctx, request.params.slug);
    const rows = await ctx.store.db
      .selectFrom('entries')
      .select(['idx', 'bytes'])
      .where('mission', '=', slug)
      .where('kind', '=', 'key')
      .orderBy('idx')
      .execute();
    const items: KeyIndexItem[] = [];
    for (const r of rows) {
      let env;
      try {
        env = parseEntry(r.bytes instanceof Uint8Array ? r.bytes : new Uint8Array(r.bytes));
      } catch {
        continue; // admitted under older rules and unparseable now: it registers nothing
      }
      items.push({
        index: Number(r.idx),
        id: env.id,
        at: env.at,
        author: env.author,
        body: env.body,
      });
    }
    return { items };
  });
}
