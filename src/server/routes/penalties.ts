// GET /api/v1/missions/<slug>/penalties (issue 11, item 7): each agreement's penalty schedule, the
// penalties imposed (public: they rest on released findings under a public schedule), and, for the
// mission's mediators, the steps due now with the findings behind them (src/core/workflow/
// penalties.ts) and the proposals awaiting endorsement. Mediators impose a step by POSTing signed
// `penalty` entries to …/entries (src/core/workflow/kinds/penalty.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dueSteps } from '../../core/workflow/penalties.js';
import type { MissionDoc } from '../../core/records/mission.js';
import { penaltyFacts, penaltyRows } from '../../store/projection/penalty-facts.js';
import type { RouteDoc } from '../openapi/route-docs.js';
import type { AppContext } from '../app.js';
import { requireMission, viewerOf, workflowFor } from '../workflow/context.js';

const FindingRefSchema = z.object({
  id: z.string(),
  incident: z.string(),
  date: z.string().describe('the incident date, YYYY-MM-DD'),
  verdict: z.string(),
  terms: z.array(z.string()),
});
export const PenaltySchema = z.object({
  id: z.string().describe("the proposal's entry id"),
  idx: z.number().int().describe("the proposal's log index"),
  agreement: z.string(),
  party: z.string(),
  step: z.string(),
  stepNo: z.number().int().describe('the step’s place in the ladder, from 0'),
  title: z.string(),
  findings: z.array(z.string()).describe('the released findings it rests on'),
  endorsers: z.array(z.string()).describe('mediator organisations, the proposer’s first'),
  status: z.enum(['proposed', 'imposed', 'withdrawn']),
  statement: z.string(),
  proposedAt: z.string(),
  imposedIdx: z.number().int().nullable(),
  imposedAt: z.string().nullable(),
});
export const DueStepSchema = z.object({
  agreement: z.string(),
  party: z.string(),
  step: z.string(),
  stepNo: z.number().int(),
  title: z.string(),
  why: z.string(),
  findings: z.array(FindingRefSchema),
  proposal: z.string().nullable().describe('the open proposal of this step, if any'),
});
export const ScheduleSchema = z.object({
  agreement: z.string(),
  title: z.string(),
  threshold: z.number().int(),
  windowDays: z.number().int(),
  verdicts: z.array(z.string()),
  terms: z.array(z.string()),
  mediators: z.array(z.string()),
  endorsementsRequired: z.number().int(),
  steps: z.array(z.object({ id: z.string(), title: z.string(), text: z.string().optional() })),
});
export const PenaltiesAnswerSchema = z.object({
  schedules: z.array(ScheduleSchema),
  penalties: z.array(PenaltySchema).describe('imposed; for mediators also those proposed'),
  due: z
    .array(DueStepSchema)
    .optional()
    .describe('mediators of the mission only: the steps due now, one per agreement and party'),
});
export type PenaltiesAnswer = z.infer<typeof PenaltiesAnswerSchema>;

function schedules(m: MissionDoc): PenaltiesAnswer['schedules'] {
  return m.agreements.flatMap((a) => {
    const p = a.penalties;
    if (!p) return [];
    const terms = p.terms ?? m.terms.filter((t) => t.agreement === a.id).map((t) => t.id);
    return [
      {
        agreement: a.id,
        title: a.title,
        threshold: p.threshold,
        windowDays: p.windowDays,
        verdicts: [...(p.verdicts ?? ['confirmed'])],
        terms,
        mediators: a.mediators,
        endorsementsRequired: m.workflow.endorsementsRequired,
        steps: p.steps,
      },
    ];
  });
}

const stepTitle = (m: MissionDoc, agreement: string, step: string) =>
  m.agreements.find((a) => a.id === agreement)?.penalties?.steps.find((s) => s.id === step)
    ?.title ?? step;

export async function penaltiesFor(
  ctx: AppContext,
  slug: string,
  mediator: boolean,
): Promise<PenaltiesAnswer> {
  const wf = workflowFor(ctx);
  const doc = (await ctx.store.getMission(slug))!.doc;
  const rows = await penaltyRows(wf.db, slug);
  const penalties = rows
    .filter((p) => mediator || p.status === 'imposed')
    .map((p) => ({ ...p, title: stepTitle(doc, p.agreement, p.step) }));
  const answer: PenaltiesAnswer = { schedules: schedules(doc), penalties };
  if (!mediator) return answer;
  const facts = await penaltyFacts(wf.db, slug);
  answer.due = dueSteps(doc, facts).map((d) => ({
    agreement: d.agreement,
    party: d.party,
    step: d.step.id,
    stepNo: d.stepNo,
    title: d.step.title,
    why: d.why,
    findings: d.findings.map(({ id, incident, date, verdict, terms }) => ({
      id,
      incident,
      date,
      verdict,
      terms,
    })),
    proposal:
      facts.penalties.find(
        (p) =>
          p.status === 'proposed' &&
          p.agreement === d.agreement &&
          p.party === d.party &&
          p.step === d.step.id,
      )?.id ?? null,
  }));
  return answer;
}

export function registerPenaltyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/penalties', async (request) => {
    const slug = await requireMission(ctx, request.params.slug);
    const viewer = await viewerOf(ctx, request, slug);
    return penaltiesFor(ctx, slug, viewer.role === 'mediator');
  });
}

export const PENALTY_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/penalties',
    tag: 'workflow',
    summary: 'Penalty schedules, penalties imposed, and (for mediators) the steps due',
    description:
      'Each agreement’s penalty ladder and the penalties imposed on each party (public). The mission’s mediators also get the proposals awaiting endorsement and `due`: the step due for each party, with the released findings that make it due. A step is imposed by signed `penalty` entries (propose, then endorse, k of n by the agreement’s mediators) posted to …/entries; one that is not due is refused 422 with rule penalty_due or penalty_findings.',
    access: 'public',
    params: z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') }),
    responses: {
      200: {
        description: '{schedules, penalties, due?}',
        contentType: 'application/json',
        schema: PenaltiesAnswerSchema,
      },
      400: { description: 'the slug is malformed', contentType: 'application/json' },
      404: { description: 'no such mission', contentType: 'application/json' },
    },
  },
];
