// OpenAPI descriptions of the workflow's routes (read API and confidential records), included in
// src/server/openapi/route-docs.ts.
import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-docs.js';
import { ComplianceQuerySchema } from './compliance.js';
import { ConfidentialAnswerSchema, ConfidentialBodySchema } from './confidential.js';
import { IncidentQuerySchema } from './incidents.js';
import { PeriodQuerySchema, WeeklyQuerySchema } from './reports.js';
import { DailyReportQuerySchema, StatsQuerySchema } from './stats.js';

const Slug = z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') });
const SlugId = Slug.extend({ id: z.string().describe('entry id (UUIDv7)') });
const Json = (description: string) => ({ description, contentType: 'application/json' });

export const WORKFLOW_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/incidents',
    tag: 'workflow',
    summary: 'Incidents, newest first, filtered; what each caller sees depends on its role',
    description:
      'The public sees released incidents; a party also those involving its side; a monitor those it is tasked on; analysts, mediators and admins all. Pages with `next` as `cursor`.',
    access: 'public',
    params: Slug,
    query: IncidentQuerySchema,
    responses: { 200: Json('{items, next}'), 400: Json('a malformed filter, named') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/incidents/:id',
    tag: 'workflow',
    summary:
      'One incident with every record (and its log index), allegations with their response deadlines, tasks and findings',
    access: 'public',
    params: SlugId,
    responses: {
      200: Json('the incident'),
      404: Json('no such incident, or not visible to the caller'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/records/:id',
    tag: 'workflow',
    summary:
      'One record as the read model holds it (confidential records: their side, analysts and mediators until revealed)',
    access: 'public',
    params: SlugId,
    responses: {
      200: Json('the record'),
      404: Json('no such record, or not visible to the caller'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/commitments',
    tag: 'workflow',
    summary: 'Every commitment to a confidential record, with its side and whether it was revealed',
    access: 'public',
    params: Slug,
    responses: { 200: Json('{items}') },
  },
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/confidential',
    tag: 'workflow',
    summary:
      'File a confidential record: the record and salt are kept private, only its signed commitment enters the log',
    access: 'signed-in',
    params: Slug,
    body: { contentType: 'application/json', schema: ConfidentialBodySchema },
    responses: {
      201: { description: 'the commitment is in the log', schema: ConfidentialAnswerSchema },
      403: Json('a workflow rule (who may author) refused it'),
      422: Json('a workflow rule, the signature or the digest refused it'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/confidential',
    tag: 'workflow',
    summary:
      "The confidential filings the caller may read (a party: its own side's; analysts, mediators: every side's), newest first, with their commitment's index and reveal",
    access: ['party', 'analyst', 'mediator', 'admin'],
    params: Slug,
    responses: {
      200: Json('{items: [{commitment, index, side, createdAt, revealedIndex, entry}]}'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/confidential/:id',
    tag: 'workflow',
    summary:
      'A confidential record with its salt, by commitment id (its side, analysts, mediators)',
    access: ['party', 'analyst', 'mediator', 'admin'],
    params: SlugId,
    responses: {
      200: Json('{side, salt, entry}'),
      404: Json('not found or not the caller’s side'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/crossings',
    tag: 'workflow',
    summary: 'Every crossing with its current status and status history',
    access: 'public',
    params: Slug,
    responses: { 200: Json('{crossings}') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/compliance',
    tag: 'workflow',
    summary:
      'Compliance per agreement term and party, each term judged by its check rule: violations, open allegations, days since the last violation and major incident, crossings in a breaching state',
    access: 'public',
    params: Slug,
    query: ComplianceQuerySchema,
    responses: { 200: Json('compliance') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/stats/daily',
    tag: 'workflow',
    summary: 'Incidents and fatalities per day and type',
    access: 'public',
    params: Slug,
    query: StatsQuerySchema,
    responses: { 200: Json('{from, to, days}') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/stats/incidents-per-day',
    tag: 'workflow',
    summary: 'How many incidents pass the incident list’s filters, per day and in all',
    description:
      'The same filters as the list (limit and cursor ignored), over every incident the caller may see: the mission view’s timeline and counts.',
    access: 'public',
    params: Slug,
    query: IncidentQuerySchema,
    responses: { 200: Json('{days: [{date, count}], total}') },
  },
  ...(
    [
      ['daily', 'the day `date` against the day before (OSCE SMM style)', DailyReportQuerySchema],
      ['weekly', 'the 7 days ending on `date`', WeeklyQuerySchema],
      ['period', 'the days from..to (at most 366)', PeriodQuerySchema],
    ] as const
  ).map(([name, what, query]): RouteDoc => ({
    method: 'GET',
    path: `/api/v1/missions/:slug/reports/${name}`,
    tag: 'workflow',
    summary: `The ${name} report: ${what}, by type and area against the previous period (ACLED Trendfinder change levels), with its cut-off and checkpoint`,
    description:
      'Also allegations filed, responses and those overdue, findings released, access denied to monitors, crossings and their changes, compliance and the days since the last major incident, as the caller may read them. `format=html` is a self-contained page with SVG charts; `format=pdf` is printed by Chromium (page numbers, outline, tagged, the checkpoint on every page).',
    access: 'public',
    params: Slug,
    query,
    responses: {
      200: {
        description: 'the report (JSON, HTML or PDF by `format`)',
        contentType: 'application/json',
      },
      400: Json('a date missing, malformed or out of range, or an unknown format'),
      503: Json('format=pdf without Chromium on the server'),
    },
  })),
];
