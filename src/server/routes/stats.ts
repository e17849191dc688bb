// Daily figures, as OSCE SMM daily reports gave them:
//   GET /api/v1/missions/<slug>/stats/daily?from&to   incidents and fatalities per day and type
//   GET /api/v1/missions/<slug>/stats/incidents-per-day?<the incident list's filters>
//       how many incidents pass the list's filters, per day, and in all (the mission view's
//       timeline and counts over every incident, not the newest pages the page holds)
// It counts only what the caller may see.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { cacheByLog, cacheByLogAndClock } from '../http-cache/plugin.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';
import { incidentDays } from '../../store/queries/incident-days.js';
import { parseIncidentQuery } from './incidents.js';

const MAX_DAYS = 3660;

export const StatsQuerySchema = z.object({
  from: z.iso.date().optional().describe('first day (default: 89 days before `to`)'),
  to: z.iso.date().optional().describe('last day (default: the latest incident’s day)'),
});
// The daily report is served by routes/reports.ts with the weekly and period ones (JSON, HTML, PDF).
export { DailyQuerySchema as DailyReportQuerySchema } from './reports.js';

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const wf = workflowFor(ctx);
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/stats/daily',
    cacheByLogAndClock,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const q = parseInput(StatsQuerySchema, request.query ?? {}, 'compute daily statistics');
      if (q.from && q.to) {
        const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
        if (days < 0 || days > MAX_DAYS)
          throw new HttpError(
            400,
            'schema',
            `couldn't compute daily statistics: from..to must be 0 to ${MAX_DAYS} days`,
            { issues: [{ path: 'to', message: 'range' }] },
          );
      }
      return wf.dailyStats(slug, q, await viewerOf(ctx, request, slug));
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/stats/incidents-per-day',
    cacheByLog,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const query = parseIncidentQuery(request.query);
      const days = await incidentDays(
        { db: wf.db, dialect: wf.store.dialect },
        slug,
        query,
        await viewerOf(ctx, request, slug),
      );
      return { days, total: days.reduce((n, d) => n + d.count, 0) };
    },
  );
}
