// The incident list as files (DESIGN.md "HTTP contract"): the same filters and the same visibility
// as GET …/incidents (incidentList), every page up to EXPORT_MAX_ROWS, formatted by the pure
// formatters in src/server/export/:
//   GET /api/v1/missions/<slug>/incidents.geojson   RFC 7946 FeatureCollection
//   GET /api/v1/missions/<slug>/incidents.csv       ACLED columns (RFC 4180, formula-safe)
//   GET /api/v1/missions/<slug>/incidents.hxl.csv   HXL: header row, hashtag row, data
// The CSV exports also carry ACLED's actor columns, from the actors and accused parties of the
// reports the caller may see (store/incident-actors.ts) and the mission's parties.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app.js';
import { formatAcledCsv } from '../export/acled.js';
import { formatGeoJson } from '../export/geojson.js';
import { formatHxlCsv } from '../export/hxl.js';
import type { ExportOptions, ExportRow } from '../export/row.js';
import { incidentActors } from '../../store/incident-actors.js';
import { viewerOf, workflowFor } from '../workflow/context.js';
import { incidentList, MAX_LIMIT } from './incidents.js';

/** At most this many incidents per export; a longer list is cut and says so in X-Truncated. */
export const EXPORT_MAX_ROWS = 100_000;

async function allRows(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
): Promise<{ rows: ExportRow[]; truncated: boolean }> {
  const rows: ExportRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await incidentList(ctx, request, slug, {
      limit: MAX_LIMIT,
      ...(cursor ? { cursor } : { cursor: undefined }),
    });
    rows.push(...page.items);
    if (!page.next) return { rows, truncated: false };
    if (rows.length >= EXPORT_MAX_ROWS)
      return { rows: rows.slice(0, EXPORT_MAX_ROWS), truncated: true };
    cursor = page.next;
  }
}

function send(
  reply: FastifyReply,
  body: string,
  type: string,
  filename: string,
  truncated: boolean,
) {
  void reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-cache');
  if (truncated) void reply.header('x-truncated', String(EXPORT_MAX_ROWS));
  return reply.send(body);
}

/** Adds each row's actors and accused parties, as the caller may see them. */
async function withActors(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
  rows: ExportRow[],
): Promise<ExportRow[]> {
  const found = await incidentActors(
    workflowFor(ctx).db,
    slug,
    rows.map((r) => r.id),
    await viewerOf(ctx, request, slug),
  );
  return rows.map((r) => {
    const a = found.get(r.id);
    return a ? { ...r, actors: a.actors, accused: a.accused } : r;
  });
}

export function registerExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  type Req = FastifyRequest<{ Params: { slug: string } }>;
  const options = async (slug: string): Promise<ExportOptions> => {
    const doc = (await ctx.store.getMission(slug))?.doc;
    const parties = (doc?.organisations ?? [])
      .filter((o) => o.kind === 'party')
      .map((o) => ({ code: o.code, name: o.name }));
    return { mission: slug, generatedAt: new Date(), parties };
  };

  app.get('/api/v1/missions/:slug/incidents.geojson', async (request: Req, reply) => {
    const slug = request.params.slug;
    const { rows, truncated } = await allRows(ctx, request, slug);
    return send(
      reply,
      JSON.stringify(formatGeoJson(rows, await options(slug))),
      'application/geo+json',
      `${slug}-incidents.geojson`,
      truncated,
    );
  });

  app.get('/api/v1/missions/:slug/incidents.csv', async (request: Req, reply) => {
    const slug = request.params.slug;
    const { rows, truncated } = await allRows(ctx, request, slug);
    return send(
      reply,
      formatAcledCsv(await withActors(ctx, request, slug, rows), await options(slug)),
      'text/csv; charset=utf-8; header=present',
      `${slug}-incidents.csv`,
      truncated,
    );
  });

  app.get('/api/v1/missions/:slug/incidents.hxl.csv', async (request: Req, reply) => {
    const slug = request.params.slug;
    const { rows, truncated } = await allRows(ctx, request, slug);
    return send(
      reply,
      formatHxlCsv(await withActors(ctx, request, slug, rows), await options(slug)),
      'text/csv; charset=utf-8; header=present',
      `${slug}-incidents.hxl.csv`,
      truncated,
    );
  });
}
