// Period reports (issue 14 item 1), JSON for now:
//   GET /api/v1/missions/<slug>/reports/weekly?date=   the 7 days ending on `date`
//   GET /api/v1/missions/<slug>/reports/period?from=&to=
// Counts by type and area against the previous period of the same length with ACLED Trendfinder
// change levels; the cut-off time and the log checkpoint the figures were computed at. Counts
// only what the caller may see (the incident list's visibility: the public sees released only).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { comparePeriods, countRows, previousPeriod } from '../reports/period.js';
import { reportHtml } from '../reports/html.js';
import type { PeriodReport } from '../reports/report-types.js';
import type { IncidentRow, Viewer } from '../../store/workflow-store.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';
import { MAX_LIMIT } from './incidents.js';

const MAX_DAYS = 366;

const Format = z.enum(['json', 'html']).default('json').describe('json or html');
export const WeeklyQuerySchema = z.object({
  date: z.iso.date().describe('the last day'),
  format: Format,
});
export const PeriodQuerySchema = z.object({
  from: z.iso.date().describe('first day'),
  to: z.iso.date().describe('last day'),
  format: Format,
});

async function* rowsIn(
  ctx: AppContext,
  slug: string,
  from: string,
  to: string,
  viewer: Viewer,
): AsyncGenerator<IncidentRow> {
  let cursor: string | undefined;
  for (;;) {
    const p = await workflowFor(ctx).listIncidents(
      slug,
      { from, to, limit: MAX_LIMIT, ...(cursor ? { cursor } : {}) },
      viewer,
    );
    yield* p.items;
    if (!p.next) return;
    cursor = p.next;
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function periodReport(
  ctx: AppContext,
  slug: string,
  from: string,
  to: string,
  viewer: Viewer,
) {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (!(days >= 1 && days <= MAX_DAYS))
    throw new HttpError(
      400,
      'schema',
      `couldn't make the report: from..to must be 1 to ${MAX_DAYS} days`,
      {
        issues: [{ path: 'to', message: 'range' }],
      },
    );
  const status = ctx.logs?.get(slug)?.sequencer.status();
  const cutOff = new Date().toISOString();
  const prev = previousPeriod(from, to);
  const now = countRows(await collect(rowsIn(ctx, slug, from, to, viewer)));
  const before = countRows(await collect(rowsIn(ctx, slug, prev.from, prev.to, viewer)));
  return {
    mission: slug,
    period: { from, to, days },
    previous: { ...prev, counts: before },
    cutOff,
    checkpoint: status?.checkpoint ?? null,
    counts: now,
    change: comparePeriods(now, before),
    note:
      now.unverified > 0
        ? `${now.unverified} of ${now.total} incidents are reported but not verified: no finding has been released on them.`
        : null,
  };
}

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const send = async (reply: FastifyReply, r: PeriodReport, format: 'json' | 'html') => {
    if (format === 'json') return r;
    const name = (await ctx.store.getMission(r.mission))?.doc.name ?? r.mission;
    return reply.header('content-type', 'text/html; charset=utf-8').send(reportHtml(r, name));
  };
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/reports/weekly',
    async (request, reply) => {
      const slug = await requireMission(ctx, request.params.slug);
      const q = parseInput(WeeklyQuerySchema, request.query ?? {}, 'make the weekly report');
      const from = new Date(Date.parse(`${q.date}T00:00:00Z`) - 6 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const r = await periodReport(ctx, slug, from, q.date, await viewerOf(ctx, request, slug));
      return send(reply, r, q.format);
    },
  );
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/reports/period',
    async (request, reply) => {
      const slug = await requireMission(ctx, request.params.slug);
      const q = parseInput(PeriodQuerySchema, request.query ?? {}, 'make the period report');
      const r = await periodReport(ctx, slug, q.from, q.to, await viewerOf(ctx, request, slug));
      return send(reply, r, q.format);
    },
  );
}
