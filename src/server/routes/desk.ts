// The analysts' desk (issue 11 item 6): what the console's desk reads that no other route gives.
//   GET /api/v1/missions/<slug>/desk/queue     the review queue: every report (parties', monitors',
//       analysts') and coded news article not yet in an incident, newest first, filterable; with
//       ?state=dismissed|duplicate|all also those the desk took out of it (nothing is ever deleted)
//   GET /api/v1/missions/<slug>/desk/monitors  the users a task may be assigned to (registered
//       monitors: rule task_assignee_monitor)
// Reads only: every action the desk takes is a signed entry the analyst's browser POSTs to
// …/entries (incident open / add_reports / dismiss / duplicate, task assign, finding). The queue
// shows what analysts, mediators and administrators already read in full (seesEverything in
// src/store/workflow-store.ts); parties and monitors are refused, since it lists every side's
// sealed reports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OrgCodeSchema, ROLES, type Role } from '../../core/records/mission.js';
import { EVENT_TYPE_NAMES } from '../../core/taxonomy.js';
import type { RouteDoc } from '../openapi/route-docs.js';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { requireMission, workflowFor } from '../workflow/context.js';

/** Who reads the desk: the roles that read every record of the mission anyway. */
export const DESK_READERS: readonly Role[] = ['analyst', 'mediator', 'admin'];
export const DESK_MAX_LIMIT = 500;

const commaList = (s: string) => s.split(',').filter((x) => x !== '');
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(2000)
    .transform(commaList)
    .pipe(z.array(z.enum(values)).max(50));

export const DeskQueueQuerySchema = z.object({
  state: z
    .enum(['open', 'dismissed', 'duplicate', 'all'])
    .default('open')
    .describe('open (default: not yet in an incident, not dismissed), dismissed, duplicate or all'),
  kind: list(['report', 'article'] as const)
    .optional()
    .describe('report, article'),
  org: z
    .string()
    .max(2000)
    .transform(commaList)
    .pipe(z.array(OrgCodeSchema).max(50))
    .optional()
    .describe("authors' organisations, comma-separated"),
  role: list(ROLES).optional().describe("authors' roles (party, monitor, analyst)"),
  type: list(EVENT_TYPE_NAMES).optional().describe('event types, comma-separated'),
  from: z.iso.date().optional().describe('events on or after, YYYY-MM-DD'),
  to: z.iso.date().optional().describe('events on or before, YYYY-MM-DD'),
  q: z.string().min(1).max(200).optional().describe('words in the title, description or place'),
  limit: z.coerce.number().int().min(1).max(DESK_MAX_LIMIT).default(200),
});
export type DeskQueueQuery = z.infer<typeof DeskQueueQuerySchema>;

export const DeskItemSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  kind: z.enum(['report', 'article']),
  author: z.string(),
  org: z.string().nullable(),
  role: z.string().nullable(),
  at: z.string(),
  title: z.string(),
  /** Event types: the report's, or each coded event's. */
  types: z.array(z.string()),
  date: z.string().nullable(),
  place: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  accused: z.string().nullable(),
  fatalities: z.number().nullable(),
  terms: z.array(z.string()),
  evidence: z.number().int().describe('how many evidence files the record names'),
  sealed: z.boolean().describe('filed sealed: the public log holds only its commitment'),
  state: z.enum(['open', 'dismissed', 'duplicate']),
  /** The desk entry that took it out of the queue (dismiss or duplicate), and its words. */
  triage: z
    .object({ entry: z.string(), reason: z.string().nullable(), of: z.string().nullable() })
    .nullable(),
  body: z.unknown().describe('the record as signed'),
});
export type DeskItem = z.infer<typeof DeskItemSchema>;

const Slug = z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') });

export const DESK_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/desk/queue',
    tag: 'workflow',
    summary: 'The analysts’ review queue: reports and coded news not yet in an incident',
    description:
      'Newest first. Dismissed and duplicate records (incident entries of action dismiss / duplicate) leave the queue; ?state= lists them. Analysts, mediators and administrators only: it lists sealed reports of every side.',
    access: DESK_READERS,
    params: Slug,
    query: DeskQueueQuerySchema,
    responses: {
      200: {
        description: '{items, truncated}',
        contentType: 'application/json',
        schema: z.object({ items: z.array(DeskItemSchema), truncated: z.boolean() }),
      },
      400: { description: 'a filter is malformed (named)', contentType: 'application/json' },
      401: { description: 'not signed in', contentType: 'application/json' },
      403: {
        description: 'not an analyst, mediator or administrator',
        contentType: 'application/json',
      },
      404: { description: 'no such mission', contentType: 'application/json' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/desk/monitors',
    tag: 'workflow',
    summary: 'The monitors a task may be assigned to (user names with a registered key)',
    access: DESK_READERS,
    params: Slug,
    responses: {
      200: {
        description: '{items: [{user, org}]}',
        contentType: 'application/json',
        schema: z.object({ items: z.array(z.object({ user: z.string(), org: z.string() })) }),
      },
      401: { description: 'not signed in', contentType: 'application/json' },
      403: {
        description: 'not an analyst, mediator or administrator',
        contentType: 'application/json',
      },
    },
  },
];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

interface Triage {
  entry: string;
  action: 'dismiss' | 'duplicate';
  reason: string | null;
  of: string | null;
}

/** What the queue shows of a record's signed body (reports and articles differ in shape). */
function summaryOf(kind: 'report' | 'article', body: Rec) {
  if (kind === 'report') {
    const loc = isRec(body.location) ? body.location : {};
    const occ = isRec(body.occurred) ? body.occurred : {};
    const fat = isRec(body.fatalities) ? body.fatalities.count : undefined;
    return {
      title: text(body.title) ?? '',
      types: strings([body.type]),
      date: text(occ.date),
      place: text(loc.name),
      country: text(loc.country),
      lat: typeof loc.lat === 'number' ? loc.lat : null,
      lon: typeof loc.lon === 'number' ? loc.lon : null,
      accused: text(body.accused),
      fatalities: typeof fat === 'number' ? fat : null,
      terms: strings(body.terms),
      evidence: Array.isArray(body.evidence) ? body.evidence.length : 0,
      search: [body.title, body.description, loc.name].filter((x) => typeof x === 'string'),
    };
  }
  const events = (Array.isArray(body.events) ? body.events : []).filter(isRec);
  const first = events[0] ?? {};
  const loc = isRec(first.location) ? first.location : {};
  const fat = events.reduce<number | null>(
    (n, e) => (typeof e.fatalities === 'number' ? Math.max(n ?? 0, e.fatalities) : n),
    null,
  );
  return {
    title: text(body.headline) ?? '',
    types: [
      ...new Set(events.map((e) => e.type).filter((t): t is string => typeof t === 'string')),
    ],
    date: text(first.date) ?? text(body.published),
    place: text(loc.name),
    country: text(loc.country),
    lat: typeof loc.lat === 'number' ? loc.lat : null,
    lon: typeof loc.lon === 'number' ? loc.lon : null,
    accused: null,
    fatalities: fat,
    terms: [],
    evidence: 0,
    search: [
      body.headline,
      body.outlet,
      loc.name,
      ...events.map((e) => (isRec(e.evidence) ? e.evidence.sentence : '')),
    ].filter((x) => typeof x === 'string'),
  };
}

const words = (q: string) => q.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export async function deskQueue(
  ctx: AppContext,
  slug: string,
  q: DeskQueueQuery,
): Promise<{ items: DeskItem[]; truncated: boolean }> {
  const db = workflowFor(ctx).db;
  // The desk's own entries: incident entries that name no incident (dismiss, duplicate).
  const triaged = new Map<string, Triage>();
  for (const r of await db
    .selectFrom('wf_records')
    .select(['id', 'body'])
    .where('mission', '=', slug)
    .where('kind', '=', 'incident')
    .where('incident', 'is', null)
    .where('refused', 'is', null)
    .where('superseded_by', 'is', null)
    .orderBy('idx')
    .execute()) {
    const b = JSON.parse(r.body) as Rec;
    if (b.action !== 'dismiss' && b.action !== 'duplicate') continue;
    for (const id of strings(b.records))
      triaged.set(id, { entry: r.id, action: b.action, reason: text(b.reason), of: text(b.of) });
  }

  let rows = db
    .selectFrom('wf_records')
    .select(['id', 'idx', 'kind', 'author', 'org', 'role', 'at', 'body', 'sealed_by'])
    .where('mission', '=', slug)
    .where('kind', 'in', q.kind?.length ? q.kind : ['report', 'article'])
    .where('incident', 'is', null)
    .where('refused', 'is', null)
    .where('superseded_by', 'is', null);
  if (q.org?.length) rows = rows.where('org', 'in', q.org);
  if (q.role?.length) rows = rows.where('role', 'in', q.role);
  const wanted = q.q ? words(q.q) : [];
  const items: DeskItem[] = [];
  let truncated = false;
  for (const r of await rows.orderBy('idx', 'desc').execute()) {
    const t = triaged.get(r.id);
    const state = t ? (t.action === 'dismiss' ? 'dismissed' : 'duplicate') : 'open';
    if (q.state !== 'all' && q.state !== state) continue;
    const kind = r.kind as 'report' | 'article';
    const s = summaryOf(kind, JSON.parse(r.body) as Rec);
    if (q.type?.length && !s.types.some((x) => (q.type as string[]).includes(x))) continue;
    if (q.from && (s.date === null || s.date < q.from)) continue;
    if (q.to && (s.date === null || s.date > q.to)) continue;
    if (wanted.length) {
      const have = new Set(words(s.search.join(' ')));
      if (!wanted.every((w) => have.has(w))) continue;
    }
    if (items.length === q.limit) {
      truncated = true;
      break;
    }
    const { search: _search, ...shown } = s;
    items.push({
      id: r.id,
      index: Number(r.idx),
      kind,
      author: r.author,
      org: r.org,
      role: r.role,
      at: r.at,
      ...shown,
      sealed: r.sealed_by !== null,
      state,
      triage: t ? { entry: t.entry, reason: t.reason, of: t.of } : null,
      body: JSON.parse(r.body) as unknown,
    });
  }
  return { items, truncated };
}

export function registerDeskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const readable = async (
    request: Parameters<typeof auth.require>[0],
    slugParam: string,
    what: string,
  ) => {
    const caller = await auth.require(request, DESK_READERS, what);
    const slug = await requireMission(ctx, slugParam);
    if (caller.mission !== slug)
      throw new HttpError(
        403,
        'forbidden',
        `couldn't ${what}: your account belongs to another mission`,
      );
    return slug;
  };

  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/desk/queue',
    async (request, reply) => {
      const what = "read the desk's review queue";
      const slug = await readable(request, request.params.slug, what);
      const q = parseInput(DeskQueueQuerySchema, request.query ?? {}, what);
      void reply.header('cache-control', 'private, no-store');
      return deskQueue(ctx, slug, q);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/desk/monitors',
    async (request, reply) => {
      const slug = await readable(request, request.params.slug, 'list the monitors');
      const rows = await workflowFor(ctx)
        .db.selectFrom('wf_authors')
        .select(['user', 'org'])
        .distinct()
        .where('mission', '=', slug)
        .where('role', '=', 'monitor')
        .where('revoked', '=', 0)
        .orderBy('user')
        .execute();
      void reply.header('cache-control', 'private, no-store');
      return { items: rows };
    },
  );
}
