// The incident list as files (docs/architecture.md "HTTP contract"): the same filters and the same
// visibility as GET …/incidents (incidentList), formatted by src/server/export/formats.ts and
// streamed page by page (keyset pages of MAX_LIMIT rows), so any length runs in constant memory:
//   GET /api/v1/missions/<slug>/incidents.geojson   RFC 7946 FeatureCollection
//   GET /api/v1/missions/<slug>/incidents.csv       ACLED columns (RFC 4180, formula-safe)
//   GET /api/v1/missions/<slug>/incidents.hxl.csv   HXL: header row, hashtag row, data
//   GET /api/v1/missions/<slug>/incidents.jsonl     JSON lines, one incident row per line
//   GET /api/v1/missions/<slug>/incidents.jsonl?since=<index>
//       the incremental feed: what changed after that log index (export/feed.ts), with
//       corrections and withdrawals as their own rows
// The CSV exports also carry ACLED's actor columns, from the actors and accused parties of the
// reports the caller may see (store/incident-actors.ts) and the mission's parties.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { cacheByLog } from '../http-cache/plugin.js';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../export/formats.js';
import { feedPages } from '../export/feed.js';
import type { ExportOptions, ExportRow } from '../export/row.js';
import { incidentActors } from '../../store/incident-actors.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';
import { incidentList, MAX_LIMIT } from './incidents.js';

type Req = FastifyRequest<{ Params: { slug: string } }>;

/** Every page of the incident list the request selects, each with its actors when asked. */
async function* listPages(
  ctx: AppContext,
  request: Req,
  slug: string,
  withActors: boolean,
  firstPage: { items: ExportRow[]; next: string | null },
): AsyncGenerator<ExportRow[]> {
  const viewer = await viewerOf(ctx, request, slug);
  let page = firstPage;
  for (;;) {
    if (!withActors || page.items.length === 0) yield page.items;
    else {
      const found = await incidentActors(
        workflowFor(ctx).db,
        slug,
        page.items.map((r) => r.id),
        viewer,
      );
      yield page.items.map((r) => {
        const a = found.get(r.id);
        return a ? { ...r, actors: a.actors, accused: a.accused } : r;
      });
    }
    if (!page.next) return;
    page = await incidentList(ctx, request, slug, { limit: MAX_LIMIT, cursor: page.next });
  }
}

async function exportOptions(ctx: AppContext, slug: string): Promise<ExportOptions> {
  const doc = (await ctx.store.getMission(slug))?.doc;
  const parties = (doc?.organisations ?? [])
    .filter((o) => o.kind === 'party')
    .map((o) => ({ code: o.code, name: o.name }));
  return { mission: slug, generatedAt: await attestedAt(ctx, slug), parties };
}

/**
 * ACLED's `timestamp` column: when the data last changed. Truceline's answer is the log time of the
 * latest checkpoint (the time its witness quorum attests; the publication time for a log with no
 * witnesses), not the clock: the same log state then gives the same bytes, so the file is a
 * function of what its entity tag names (http-cache/read-version.ts), and a reader can tell from it
 * which checkpoint the export reflects. An empty log has no such time: the clock is used.
 */
async function attestedAt(ctx: AppContext, slug: string): Promise<Date> {
  const latest = await ctx.store.latestCheckpoint(slug);
  if (!latest || latest.size === 0) return new Date();
  const logged = (await ctx.store.loggedAt(slug, [latest.size - 1])).get(latest.size - 1);
  return new Date(logged ?? latest.created_at);
}

const SinceSchema = z.object({
  since: z.coerce
    .number()
    .int()
    .min(-1)
    .optional()
    .describe('the feed: changes after this log index (-1: everything)'),
});

export function registerExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const route = (format: ExportFormat) =>
    app.get(
      `/api/v1/missions/:slug/incidents.${format.extension}`,
      cacheByLog,
      async (request: Req, reply) => {
        const slug = await requireMission(ctx, request.params.slug);
        const options = await exportOptions(ctx, slug);
        const since = parseInput(SinceSchema, request.query ?? {}, 'export incidents').since;
        if (since !== undefined && format !== EXPORT_FORMATS.jsonl)
          throw new HttpError(
            400,
            'schema',
            `couldn't export incidents: "since" (the incremental feed) is for incidents.jsonl only`,
            { issues: [{ path: 'since', message: 'only with incidents.jsonl' }] },
          );
        let chunks: AsyncIterable<string>;
        if (since !== undefined) {
          const pages = feedPages(
            workflowFor(ctx),
            slug,
            since,
            await viewerOf(ctx, request, slug),
          );
          chunks = (async function* () {
            for await (const page of pages) {
              const text = page.map((r) => JSON.stringify(r) + '\n').join('');
              if (text) yield text;
            }
          })();
        } else {
          // The first page is read before answering, so a bad filter is a 400, not a cut stream.
          const first = await incidentList(ctx, request, slug, {
            limit: MAX_LIMIT,
            cursor: undefined,
          });
          chunks = exportChunks(
            format,
            listPages(ctx, request, slug, format.needsActors, first),
            options,
          );
        }
        void reply
          .header('content-type', format.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${slug}-incidents${since !== undefined ? `-since-${since}` : ''}.${format.extension}"`,
          );
        return reply.send(Readable.from(chunks));
      },
    );
  for (const format of Object.values(EXPORT_FORMATS)) route(format);
}
