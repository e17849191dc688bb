// GET /api/v1/missions and /api/v1/missions/<slug>: the public mission documents.
import type { FastifyInstance } from 'fastify';
import { SlugSchema } from '../../core/records/mission.js';
import type { AppContext } from '../app.js';
import { cacheByBody } from '../http-cache/plugin.js';
import { HttpError } from '../http-errors.js';
import { logOrigin, publicMission, type PublicMission } from '../missions.js';

export function registerMissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Boundary geometry is derived from the atlas once per mission and kept.
  const views = new Map<string, PublicMission>();

  app.get('/api/v1/missions', cacheByBody, async () => {
    const missions = await ctx.store.listMissions();
    return {
      missions: missions.map((m) => ({
        slug: m.slug,
        name: m.name,
        description: m.doc.description,
      })),
    };
  });

  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug', cacheByBody, async (request) => {
    const slug = request.params.slug;
    if (!SlugSchema.safeParse(slug).success) {
      throw new HttpError(400, 'schema', `couldn't read mission: "slug" is not a mission slug`);
    }
    const cached = views.get(slug);
    if (cached) return cached;
    const mission = await ctx.store.getMission(slug);
    if (!mission) throw new HttpError(404, 'not_found', `couldn't find mission ${slug}`);
    const view = publicMission(mission.doc, {
      origin: (await ctx.store.getSetting(slug, 'log.origin')) ?? logOrigin(ctx.publicUrl, slug),
      prefix: `/log/${slug}/`,
      vkey: (await ctx.store.getSetting(slug, 'log.vkey')) ?? null,
    });
    views.set(slug, view);
    return view;
  });
}
