// What each route does, who may call it and what it takes and answers: the source of the OpenAPI
// document (document.ts). Request and response shapes are the zod schemas the code validates with.
// A route without a description here fails test/route-matrix.suite.ts and openapi.test.ts.
import { z } from 'zod';
import { EnvelopeSchema } from '../../core/envelope.js';
import { LoginBodySchema, MeSchema } from '../auth/routes.js';
import { BlobAnswerSchema } from '../routes/blobs.js';
import { IncidentQuerySchema } from '../routes/incidents.js';
import { StreamQuerySchema } from '../routes/stream.js';
import { WORKFLOW_ROUTE_DOCS } from '../routes/workflow-docs.js';

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
    summary: 'Add a signed entry to the mission’s log',
    description:
      'The body is the RFC 8785 canonical JSON of a signed envelope (sent byte for byte as hashed ' +
      'into the log). Answers once the entry is durable, integrated and covered by a published ' +
      'checkpoint. Cookie sessions must also send X-CSRF-Token and a same-site Origin.',
    access: 'signed-in',
    params: Slug,
    body: { contentType: 'application/json', schema: EnvelopeSchema },
    responses: {
      201: { description: 'logged', schema: EntryAnswerSchema },
      409: { description: 'an entry with this id exists' },
      413: { description: 'over 65,535 bytes' },
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
    ] as const
  ).map(([ext, what, contentType]): RouteDoc => ({
    method: 'GET',
    path: `/api/v1/missions/:slug/incidents.${ext}`,
    tag: 'exports',
    summary: `The incident list as ${what}`,
    description:
      'The same filters and visibility as GET …/incidents (limit and cursor aside): every matching incident, up to 100,000 (X-Truncated says when cut).',
    access: 'public',
    params: Slug,
    query: IncidentQuerySchema,
    responses: { 200: { description: 'the file (as an attachment)', contentType } },
  })),
];
