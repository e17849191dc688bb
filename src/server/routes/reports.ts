// Reports (issue 14 item 1), in JSON, HTML or PDF (`format=`):
//   GET /api/v1/missions/<slug>/reports/daily?date=    the day (OSCE SMM style, against the day before)
//   GET /api/v1/missions/<slug>/reports/weekly?date=   the 7 days ending on `date`
//   GET /api/v1/missions/<slug>/reports/period?from=&to=
// Counts by type and area against the previous period of the same length with ACLED Trendfinder
// change levels, the sections of reports/sections.ts, the cut-off time and the log checkpoint the
// figures were computed at. Counts only what the caller may see (the incident list's visibility:
// the public sees released incidents only).
// Conditional GETs (src/server/http-cache/): `cacheByLogAndClock`, since a report reads the clock
// (overdue responses, days since the last major incident): its ETag names the mission's read
// version, the checkpoint, the URL (date, format), the viewer and the UTC minute, so an unchanged
// report is a 304 and the public's copy (a PDF included) is kept and served without re-rendering.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { cacheByLogAndClock } from '../http-cache/plugin.js';
import { HttpError } from '../http-errors.js';
import { buildReport, daysOf, isoDay } from '../reports/build.js';
import { reportHtml, reportTitle } from '../reports/html.js';
import { PdfRenderer } from '../reports/pdf.js';
import type { PeriodReport, ReportKind } from '../reports/report-types.js';
import { requireMission, viewerOf } from '../workflow/context.js';

const MAX_DAYS = 366;

const Format = z.enum(['json', 'html', 'pdf']).default('json').describe('json, html or pdf');
export const DailyQuerySchema = z.object({
  date: z.iso.date().describe('the day, YYYY-MM-DD'),
  format: Format,
});
export const WeeklyQuerySchema = z.object({
  date: z.iso.date().describe('the last day'),
  format: Format,
});
export const PeriodQuerySchema = z.object({
  from: z.iso.date().describe('first day'),
  to: z.iso.date().describe('last day'),
  format: Format,
});

/** The line a PDF's every page carries: which log state the figures come from. */
export function checkpointLine(r: PeriodReport): string {
  const cp = r.checkpoint;
  const at = `${r.missionName} · ${reportTitle(r)} · as of ${r.cutOff}`;
  return cp
    ? `${at} · checkpoint ${cp.origin} size ${cp.size} root ${cp.rootHash}`
    : `${at} · no checkpoint`;
}

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const pdf = new PdfRenderer();
  app.addHook('onClose', () => pdf.close());

  const send = async (reply: FastifyReply, r: PeriodReport, format: 'json' | 'html' | 'pdf') => {
    if (format === 'json') return r;
    const html = reportHtml(r);
    if (format === 'html')
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    const bytes = await pdf.render(html, { header: checkpointLine(r) });
    const name = `${r.mission}-${r.kind}-${r.period.from}${r.period.days > 1 ? `_${r.period.to}` : ''}.pdf`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .send(bytes);
  };

  const route = <S extends z.ZodType<{ format: 'json' | 'html' | 'pdf' }>>(
    kind: ReportKind,
    schema: S,
    range: (q: z.infer<S>) => { from: string; to: string },
  ) =>
    app.get<{ Params: { slug: string } }>(
      `/api/v1/missions/:slug/reports/${kind}`,
      cacheByLogAndClock,
      async (request, reply) => {
        const what = `make the ${kind} report`;
        const slug = await requireMission(ctx, request.params.slug);
        const q = parseInput(schema, request.query ?? {}, what);
        const period = range(q);
        const days = daysOf(period);
        if (!(days >= 1 && days <= MAX_DAYS))
          throw new HttpError(
            400,
            'schema',
            `couldn't ${what}: from..to must be 1 to ${MAX_DAYS} days`,
            { issues: [{ path: 'to', message: 'range' }] },
          );
        const viewer = await viewerOf(ctx, request, slug);
        return send(reply, await buildReport(ctx, kind, slug, period, viewer), q.format);
      },
    );

  route('daily', DailyQuerySchema, (q) => ({ from: q.date, to: q.date }));
  route('weekly', WeeklyQuerySchema, (q) => ({
    from: isoDay(Date.parse(`${q.date}T00:00:00Z`) - 6 * 86_400_000),
    to: q.date,
  }));
  route('period', PeriodQuerySchema, (q) => ({ from: q.from, to: q.to }));
}
