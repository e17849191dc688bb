// Builds the OpenAPI 3.1 document from the route docs (zod schemas through z.toJSONSchema, JSON
// Schema 2020-12 as OpenAPI 3.1 uses) and the app's route table: a route with no doc still appears,
// marked undocumented, so the document never hides a route.
import { z } from 'zod';
import { BODY_SCHEMAS } from '../../core/records/kinds.js';
import type { RouteEntry } from './route-table.js';
import { openApiPath } from './route-table.js';
import type { RouteDoc } from './route-docs.js';

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete s.$schema;
  return s;
}

function parameters(doc: RouteDoc): unknown[] {
  const out: unknown[] = [];
  for (const [where, obj] of [
    ['path', doc.params],
    ['query', doc.query],
  ] as const) {
    if (!obj) continue;
    for (const [name, s] of Object.entries(obj.shape)) {
      const schema = s as z.ZodType;
      out.push({
        name,
        in: where,
        required: where === 'path' || !schema.safeParse(undefined).success,
        schema: jsonSchema(schema),
        ...(schema.description ? { description: schema.description } : {}),
      });
    }
  }
  return out;
}

function accessText(access: RouteDoc['access']): string {
  if (access === 'public') return 'Anyone, signed in or not.';
  if (access === 'signed-in') return 'Any signed-in user (API token or session cookie).';
  return `Roles: ${access.join(', ')}.`;
}

function operation(doc: RouteDoc): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(doc.responses)) {
    const type = r.contentType ?? 'application/json';
    responses[status] = {
      description: r.description,
      ...(status === '204'
        ? {}
        : { content: { [type]: r.schema ? { schema: jsonSchema(r.schema) } : {} } }),
    };
  }
  for (const [status, description] of [
    ['400', 'malformed input (the message names the field)'],
    ...(doc.access !== 'public'
      ? [
          ['401', 'not signed in'],
          ['403', 'signed in, but this role or organisation may not (or a CSRF check failed)'],
        ]
      : []),
    ['404', 'not found'],
  ] as const) {
    responses[status] ??= {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const op: Record<string, unknown> = {
    operationId: `${doc.method.toLowerCase()}${openApiPath(doc.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    description: [doc.description, `Who may call it: ${accessText(doc.access)}`]
      .filter(Boolean)
      .join('\n\n'),
    tags: [doc.tag],
    'x-access': doc.access,
    parameters: parameters(doc),
    responses,
  };
  if (doc.access !== 'public') op.security = [{ bearerToken: [] }, { sessionCookie: [] }];
  if (doc.body)
    op.requestBody = {
      required: true,
      ...(doc.body.description ? { description: doc.body.description } : {}),
      content: Object.fromEntries(
        [doc.body, ...(doc.otherBodies ?? [])].map((b) => [
          b.contentType,
          b.schema ? { schema: jsonSchema(b.schema) } : {},
        ]),
      ),
    };
  return op;
}

export interface OpenApiInfo {
  version: string;
  serverUrl: string;
}

export function buildOpenApi(
  docs: readonly RouteDoc[],
  routes: readonly RouteEntry[],
  info: OpenApiInfo,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const described = new Set<string>();
  for (const doc of docs) {
    if (!routes.some((r) => r.method === doc.method && r.url === doc.path)) continue;
    described.add(`${doc.method} ${doc.path}`);
    (paths[openApiPath(doc.path)] ??= {})[doc.method.toLowerCase()] = operation(doc);
  }
  for (const r of routes) {
    if (r.method === 'HEAD' || r.method === 'OPTIONS' || described.has(`${r.method} ${r.url}`))
      continue;
    if (!r.url.startsWith('/api/') && !r.url.startsWith('/log/')) continue;
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = {
      summary: 'Undocumented route',
      'x-undocumented': true,
      responses: { default: { description: 'see the source' } },
    };
  }
  const schemas: Record<string, unknown> = { Error: jsonSchema(ErrorSchema) };
  for (const [kind, schema] of Object.entries(BODY_SCHEMAS))
    schemas[`${kind[0]!.toUpperCase()}${kind.slice(1)}Body`] = jsonSchema(schema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truceline API',
      version: info.version,
      description:
        'Verifiable ceasefire monitoring: signed records in a witnessed C2SP transparency log. ' +
        'Errors are JSON {"error":{"code","message","details"}}. Entry bodies by kind are under ' +
        'components.schemas (<Kind>Body).',
    },
    servers: [{ url: info.serverUrl }],
    tags: [...new Set(docs.map((d) => d.tag))].map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'an API token tl_…' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'tl_session',
          description: '__Host-tl_session behind https; POSTs also need X-CSRF-Token',
        },
      },
    },
  };
}
