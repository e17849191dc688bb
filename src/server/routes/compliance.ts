// GET /api/v1/missions/<slug>/compliance: per agreement term and party, violations attributed by
// released findings, open (public) allegations, days since the last violation and since the last
// major incident, each term judged by its own `check` rule (src/store/compliance-queries.ts).
// Computed from public facts only, so it is the same for every caller.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { cacheByLogAndClock } from '../http-cache/plugin.js';
import { parseInput } from '../body.js';
import { requireMission, workflowFor } from '../workflow/context.js';

export const ComplianceQuerySchema = z.object({
  asOf: z.iso.date().optional().describe('compute "days since" as of this date (default: today)'),
});

export function registerComplianceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/compliance',
    cacheByLogAndClock,
    async (request) => {
      const slug = await requireMission(ctx, request.params.slug);
      const q = parseInput(ComplianceQuerySchema, request.query ?? {}, 'compute compliance');
      return workflowFor(ctx).compliance(
        slug,
        q.asOf ? `${q.asOf}T23:59:59.999Z` : new Date().toISOString(),
      );
    },
  );
}
