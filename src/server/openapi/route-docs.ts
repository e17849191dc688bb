// What each route does, who may call it and what it takes and answers: the source of the OpenAPI
// document (document.ts). Request and response shapes are the zod schemas the code validates with.
// A route without a description here fails test/route-matrix.suite.ts and openapi.test.ts.
import { z } from 'zod';
import { EnvelopeSchema } from '../../core/envelope.js';
import { USER_ADMIN_ROUTE_DOCS } from '../auth/admin-routes.js';
import { LoginBodySchema, MeSchema } from '../auth/routes.js';
import { BlobAnswerSchema } from '../routes/blobs.js';
import { IncidentQuerySchema } from '../routes/incidents.js';
import { StreamQuerySchema } from '../routes/stream.js';
import { EntriesQuerySchema } from '../routes/entries.js';
import { KEYS_INDEX_ROUTE_DOC } from '../routes/keys-index.js';
import { KEY_REQUEST_ROUTE_DOCS } from '../routes/console-key-requests.js';
import { DESK_ROUTE_DOCS } from '../routes/desk.js';
import { PENALTY_ROUTE_DOCS } from '../routes/penalties.js';
import { WORKFLOW_ROUTE_DOCS } from '../routes/workflow-docs.js';
import { WEBHOOK_ROUTE_DOCS } from '../webhooks/route-docs.js';

export type Access = 'public' | 'signed-in' | readonly string[];

export interface ResponseDoc {
  description: string;
  contentType?: string;
  schema?: z.ZodType;
}

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify-style path, exactly as registered. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it: everyone, any signed-in user, or these roles. */
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { contentType: string; schema?: z.ZodType; description?: string };
  /** Other content types the same operation accepts (e.g. a batch of what `body` takes). */
  otherBodies?: Array<{ contentType: string; schema?: z.ZodType; description?: string }>;
  responses: Record<number, ResponseDoc>;
}

const Slug = z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') });
const SlugIndex = Slug.extend({ index: z.string().regex(/^\d+$/).describe('log index') });
const Text = (description: string): ResponseDoc => ({
  description,
  contentType: 'text/plain; charset=utf-8',
  schema: z.string(),
});

export const EntryAnswerSchema = z.object({
  index: z.number().int().min(0),
  id: z.string(),
  checkpoint: z.string().describe('the signed checkpoint note covering the entry'),
  proof: z.string().describe('a c2sp.org/tlog-proof@v1 bundle for the entry'),
});
/** One line of a batch answer, per input line in order (src/server/routes/entries-batch.ts). */
export const BatchLineSchema = z.union([
  z.object({ index: z.number().int().min(0), id: z.string() }),
  z.object({
    error: z.object({
      status: z.number().int().describe('the status a single POST of this entry would get'),
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  }),
  z.object({
    checkpoint: z
      .string()
      .nullable()
      .describe('last line: the signed checkpoint note covering every logged entry (null: none)'),
    proof: z
      .string()
      .optional()
      .describe('last line: URL template of each entry’s tlog-proof bundle ({index})'),
  }),
]);
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  logs: z.record(
    z.string(),
    z.object({
      size: z.number(),
      checkpointSize: z.number().nullable(),
      quorumMet: z.boolean(),
      shortfall: z.array(z.string()),
    }),
  ),
});

export const ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/v1/health',
    tag: 'service',
    summary: 'Liveness, version, store, and each log’s size and witness shortfall',
    access: 'public',
    responses: { 200: { description: 'healthy', schema: HealthSchema } },
  },
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    tag: 'service',
    summary: 'This OpenAPI 3.1 document',
    access: 'public',
    responses: { 200: { description: 'the document', schema: z.object({ openapi: z.string() }) } },
  },
  {
    method: 'GET',
    path: '/api/docs',
    tag: 'service',
    summary: 'Human-readable API documentation (HTML, rendered from the OpenAPI document)',
    access: 'public',
    responses: { 200: { description: 'the page', contentType: 'text/html; charset=utf-8' } },
  },
  {
    method: 'GET',
    path: '/api/docs/docs.js',
    tag: 'service',
    summary: 'The documentation page’s script',
    access: 'public',
    responses: {
      200: { description: 'JavaScript', contentType: 'text/javascript; charset=utf-8' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions',
    tag: 'missions',
    summary: 'The missions served here',
    access: 'public',
    responses: {
      200: {
        description: 'missions',
        schema: z.object({
          missions: z.array(
            z.object({ slug: z.string(), name: z.string(), description: z.string().optional() }),
          ),
        }),
      },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug',
    tag: 'missions',
    summary:
      'A mission: parties, crossings, terms, boundaries (GeoJSON) and its log (origin, prefix, vkey)',
    access: 'public',
    params: Slug,
    responses: {
      200: { description: 'the mission document', schema: z.record(z.string(), z.unknown()) },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/log',
    tag: 'log',
    summary: 'Log status: size, published checkpoint, cosigners, witness shortfall',
    access: 'public',
    params: Slug,
    responses: { 200: { description: 'status', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/entries',
    tag: 'entries',
    summary: 'Add a signed entry (or a batch of them) to the mission’s log',
    description:
      'The body is the RFC 8785 canonical JSON of a signed envelope (sent byte for byte as hashed ' +
      'into the log). Answers once the entry is durable, integrated and covered by a published ' +
      'checkpoint. Cookie sessions must also send X-CSRF-Token and a same-site Origin.\n\n' +
      'Batch: with Content-Type application/jsonl (or application/x-ndjson) the body is up to ' +
      '4,096 such entries, one per line, 8 MiB at most (413 above, naming the limit). Each line ' +
      'gets every check of a single POST, in line order, and log order is line order; an entry ' +
      'that names a record filed earlier in the same batch (or follows one that changes named ' +
      'records) is judged once those are in the read model. The answer, 200 in JSON lines once ' +
      'every logged entry is durable, integrated and covered by a published checkpoint: one line ' +
      'per input line, {"index","id"} or {"error":{status,code,message,details}} (a bad line is ' +
      'refused alone, the others are logged), then one last line {"checkpoint","proof"}: the ' +
      'signed note covering them and the URL template of each entry’s proof bundle.\n\n' +
      'Sealed by default: an entry the public may not read yet enters the log as a commitment the ' +
      'log key signs; `index` is the commitment’s and `sealed` {commitment, salt} lets the author ' +
      'check it. `?ack=integrated` answers once the entries are durable and integrated, without ' +
      'waiting for the read model or a checkpoint (the proof comes by URL later; reads that must ' +
      'see the write wait for it themselves).',
    access: 'signed-in',
    params: Slug,
    query: EntriesQuerySchema,
    body: { contentType: 'application/json', schema: EnvelopeSchema },
    otherBodies: [
      {
        contentType: 'application/jsonl',
        schema: z.string(),
        description: 'a batch: canonical entries, one per line',
      },
      {
        contentType: 'application/x-ndjson',
        schema: z.string(),
        description: 'the same as application/jsonl',
      },
    ],
    responses: {
      200: {
        description: 'a batch was processed: one JSON line per entry, then the checkpoint line',
        contentType: 'application/jsonl',
        schema: BatchLineSchema,
      },
      201: { description: 'logged', schema: EntryAnswerSchema },
      409: { description: 'an entry with this id exists' },
      413: { description: 'over 65,535 bytes (a batch: over 4,096 entries or 8 MiB)' },
      422: { description: 'bad signature, unknown key, or a workflow rule refused it' },
      503: { description: 'the log pushes back (Retry-After)' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/entries/:index',
    tag: 'entries',
    summary: 'An entry’s exact bytes (its canonical JSON)',
    access: 'public',
    params: SlugIndex,
    responses: { 200: { description: 'the entry', schema: EnvelopeSchema } },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/entries/:index/proof',
    tag: 'entries',
    summary: 'A c2sp.org/tlog-proof@v1 bundle for the entry against the latest checkpoint',
    access: 'public',
    params: SlugIndex,
    responses: { 200: Text('the proof bundle') },
  },
  {
    method: 'GET',
    path: '/log/:slug/checkpoint',
    tag: 'log',
    summary: 'The latest cosigned checkpoint (c2sp.org/tlog-checkpoint, signed note)',
    access: 'public',
    params: Slug,
    responses: { 200: Text('the checkpoint note') },
  },
  {
    method: 'GET',
    path: '/log/:slug/policy',
    tag: 'log',
    summary: 'The log’s c2sp.org/tlog-policy (log key, witnesses, quorum)',
    access: 'public',
    params: Slug,
    responses: { 200: Text('the policy') },
  },
  {
    method: 'GET',
    path: '/log/:slug/tile/*',
    tag: 'log',
    summary:
      'c2sp.org/tlog-tiles hash tiles (tile/<L>/<N>[.p/<W>]) and entry bundles (tile/entries/<N>[.p/<W>])',
    access: 'public',
    params: Slug.extend({ path: z.string().describe('the rest of the tile path') }),
    responses: { 200: { description: 'tile bytes', contentType: 'application/octet-stream' } },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    tag: 'auth',
    summary: 'Sign in with name and password; sets an HttpOnly, SameSite=Strict session cookie',
    description:
      'Answers the session’s CSRF token: send it as X-CSRF-Token on every POST. Rate-limited per address and per user (429 with Retry-After).',
    access: 'public',
    body: { contentType: 'application/json', schema: LoginBodySchema },
    responses: {
      200: { description: 'signed in', schema: MeSchema },
      401: { description: 'wrong name or password' },
      429: { description: 'too many attempts' },
    },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    tag: 'auth',
    summary: 'End the cookie session',
    access: 'public',
    responses: { 204: { description: 'signed out' } },
  },
  {
    method: 'GET',
    path: '/api/v1/auth/me',
    tag: 'auth',
    summary: 'Who the caller is (anonymous callers have the public role)',
    access: 'public',
    responses: { 200: { description: 'the caller', schema: MeSchema } },
  },
  {
    method: 'POST',
    path: '/api/v1/blobs',
    tag: 'evidence',
    summary: 'Store an evidence blob (content-addressed by SHA-256)',
    description:
      'The body is the raw bytes; Content-Type is its media type. Entries refer to it by hash; the blob stays private.',
    access: 'signed-in',
    body: { contentType: '*/*', description: 'the bytes (size limit: 413 above it)' },
    responses: {
      200: {
        description: 'already stored (the caller’s organisation is now an owner)',
        schema: BlobAnswerSchema,
      },
      201: { description: 'stored', schema: BlobAnswerSchema },
      413: { description: 'over the size limit' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/blobs/:sha256',
    tag: 'evidence',
    summary: 'A blob’s bytes: for its uploaders’ organisations, analysts, mediators and admins',
    access: 'signed-in',
    params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    responses: {
      200: { description: 'the bytes (as an attachment)', contentType: 'application/octet-stream' },
      403: { description: 'not the caller’s to read' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/stream',
    tag: 'stream',
    summary: 'Server-sent events of new log entries (id = log index; resume with Last-Event-ID)',
    access: 'public',
    query: StreamQuerySchema,
    responses: { 200: { description: 'event stream', contentType: 'text/event-stream' } },
  },
  ...WORKFLOW_ROUTE_DOCS,
  ...PENALTY_ROUTE_DOCS,
  ...USER_ADMIN_ROUTE_DOCS,
  ...WEBHOOK_ROUTE_DOCS,
  ...(
    [
      [
        'geojson',
        'a GeoJSON FeatureCollection (RFC 7946), one Point per incident',
        'application/geo+json',
      ],
      [
        'csv',
        'CSV with ACLED’s columns (RFC 4180; cells that would start a formula get a leading apostrophe)',
        'text/csv; charset=utf-8',
      ],
      [
        'hxl.csv',
        'HXL CSV: a header row, then the HXL hashtag row (#event+id, #date, #geo+lat, …), then the data',
        'text/csv; charset=utf-8',
      ],
      [
        'jsonl',
        'JSON lines, one incident per line; with ?since=<index>, the incremental feed of changes after that log index (corrections and withdrawals as their own rows)',
        'application/jsonl',
      ],
    ] as const
  ).map(([ext, what, contentType]): RouteDoc => ({
    method: 'GET',
    path: `/api/v1/missions/:slug/incidents.${ext}`,
    tag: 'exports',
    summary: `The incident list as ${what}`,
    description:
      'The same filters and visibility as GET …/incidents (limit and cursor aside): every matching incident, streamed page by page.',
    access: 'public',
    params: Slug,
    query: IncidentQuerySchema,
    responses: { 200: { description: 'the file (as an attachment)', contentType } },
  })),
  KEYS_INDEX_ROUTE_DOC,
  ...KEY_REQUEST_ROUTE_DOCS,
  ...DESK_ROUTE_DOCS,
];
