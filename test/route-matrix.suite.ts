// Every route × every role (anonymous, party PK, party AF, monitor, analyst, mediator, admin), over
// real HTTP against the demo server, on SQLite and on the real PostgreSQL (skipped with a reason
// outside CI when it does not answer):
//  - the route table is read from fastify itself, and a route with no expectation below fails the
//    test (so routes added later must say who may call them);
//  - an allowed caller is never refused (401/403); a refused one gets 401 (anonymous) or 403;
//  - no answer is a 5xx, every error is the JSON {error:{code,message}} shape;
//  - a refused request changes nothing: every table's row count is the same before and after.
// Then property-based tests (fast-check) send random and malformed bodies to every POST route:
// always a 4xx JSON error (or, for blob uploads that accept any bytes, a 2xx), never a 5xx.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import type { EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey } from '../src/core/signing.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { resolveConfig } from '../src/server/config.js';
import { routeTable, type RouteEntry } from '../src/server/openapi/route-table.js';
import type { Credentials } from '../src/server/provision.js';
import { startServer, type RunningServer } from '../src/server/serve.js';

const ROLES = ['anonymous', 'pk', 'af', 'monitor', 'analyst', 'mediator', 'admin'] as const;
type MatrixRole = (typeof ROLES)[number];
const USERS: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
  pk: 'pk-liaison',
  af: 'af-liaison',
  monitor: 'monitor',
  analyst: 'analyst',
  mediator: 'qa-mediator',
  admin: 'admin',
};
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');

interface Expectation {
  /** Roles the route lets through (others: 401 when anonymous, 403 when signed in). */
  allow: readonly MatrixRole[];
  /** The request to send, beyond the filled-in path. */
  body?: () => { contentType: string; data: string | Uint8Array };
  /** Query string to add. */
  query?: string;
}

const PUBLIC: Expectation = { allow: ROLES };
const json = (v: unknown) => () => ({ contentType: 'application/json', data: JSON.stringify(v) });

/**
 * Expectations by METHOD and path with parameters blanked (`:slug` → `:`), so a later route only
 * needs a line here. Read routes of the workflow are public at the route level: what each role
 * sees in them is filtered by the data (tested with the workflow).
 */
export const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/docs.js': PUBLIC,
  'GET /api/v1/missions': PUBLIC,
  'GET /api/v1/missions/:': PUBLIC,
  'GET /api/v1/missions/:/log': PUBLIC,
  'POST /api/v1/missions/:/entries': { allow: SIGNED_IN, body: json({}) },
  'GET /api/v1/missions/:/entries/:': PUBLIC,
  'GET /api/v1/missions/:/entries/:/proof': PUBLIC,
  'GET /log/:/checkpoint': PUBLIC,
  'GET /log/:/policy': PUBLIC,
  'GET /log/:/tile/*': PUBLIC,
  // Anyone may sign in (with the right password; a wrong one is a 401 by design, tested elsewhere).
  'POST /api/v1/auth/login': {
    allow: ROLES,
    body: () => json({ name: 'monitor', password: creds.users.monitor!.password })(),
  },
  'POST /api/v1/auth/logout': PUBLIC,
  'GET /api/v1/auth/me': PUBLIC,
  'POST /api/v1/blobs': {
    allow: SIGNED_IN,
    body: () => ({ contentType: 'text/plain', data: `matrix ${Math.random()}` }),
  },
  // The blob was uploaded by PK: its organisation and the mission-wide readers may read it.
  'GET /api/v1/blobs/:': { allow: ['pk', 'analyst', 'mediator', 'admin'] },
  'GET /api/v1/stream': PUBLIC,
  // The workflow's read routes and exports (docs/architecture.md "HTTP contract").
  'GET /api/v1/missions/:/incidents': PUBLIC,
  'GET /api/v1/missions/:/incidents.geojson': PUBLIC,
  'GET /api/v1/missions/:/incidents.csv': PUBLIC,
  'GET /api/v1/missions/:/incidents.hxl.csv': PUBLIC,
  'GET /api/v1/missions/:/incidents.jsonl': PUBLIC,
  'GET /api/v1/missions/:/incidents/:': PUBLIC,
  'GET /api/v1/missions/:/crossings': PUBLIC,
  'GET /api/v1/missions/:/compliance': PUBLIC,
  // Penalties (src/server/routes/penalties.ts): imposed ones are public; due steps are in the answer
  // for the mission's mediators only (tested in test/penalties.test.ts).
  'GET /api/v1/missions/:/penalties': PUBLIC,
  'GET /api/v1/missions/:/stats/daily': PUBLIC,
  'GET /api/v1/missions/:/stats/incidents-per-day': PUBLIC,
  'GET /api/v1/missions/:/reports/daily': { allow: ROLES, query: 'date=2025-10-20' },
  'GET /api/v1/missions/:/reports/weekly': { allow: ROLES, query: 'date=2025-10-20' },
  'GET /api/v1/missions/:/reports/period': { allow: ROLES, query: 'from=2025-10-01&to=2025-10-20' },
  'GET /api/v1/missions/:/records/:': PUBLIC,
  'GET /api/v1/missions/:/commitments': PUBLIC,
  // The key entries' log indexes and fields (src/server/routes/keys-index.ts): key entries are public.
  'GET /api/v1/missions/:/keys': PUBLIC,
  // Key requests (src/server/routes/console-key-requests.ts): any user of the mission asks for their
  // own key and reads their own (a steward: their organisation's); {} is a 400 that stores nothing.
  'POST /api/v1/missions/:/key-requests': { allow: SIGNED_IN, body: json({}) },
  'GET /api/v1/missions/:/key-requests': { allow: SIGNED_IN },
  // The analysts' desk (src/server/routes/desk.ts): the roles that read every record anyway.
  'GET /api/v1/missions/:/desk/queue': { allow: ['analyst', 'mediator', 'admin'] },
  'GET /api/v1/missions/:/desk/monitors': { allow: ['analyst', 'mediator', 'admin'] },
  'POST /api/v1/missions/:/confidential': { allow: SIGNED_IN, body: json({}) },
  'GET /api/v1/missions/:/confidential': { allow: ['pk', 'af', 'analyst', 'mediator', 'admin'] },
  'GET /api/v1/missions/:/confidential/:': { allow: ['pk', 'af', 'analyst', 'mediator', 'admin'] },
  // User management (docs/architecture.md: the admin creates users); the matrix's :name is no user, so the
  // admin's calls are 404s and 400s that change nothing, while the others are refused first.
  'POST /api/v1/admin/users': { allow: ['admin'], body: json({}) },
  'POST /api/v1/admin/users/:/password': { allow: ['admin'], body: json({}) },
  'POST /api/v1/admin/users/:/tokens': { allow: ['admin'], body: json({}) },
  'DELETE /api/v1/admin/users/:/tokens': { allow: ['admin'] },
  // Mission webhooks (src/server/webhooks/routes.ts): the mission's admin only; the matrix's :id is
  // no webhook, so the admin's calls are 404s and 400s that change nothing.
  'POST /api/v1/missions/:/webhooks': { allow: ['admin'], body: json({}) },
  'GET /api/v1/missions/:/webhooks': { allow: ['admin'] },
  'GET /api/v1/missions/:/webhooks/public-key': PUBLIC,
  'DELETE /api/v1/missions/:/webhooks/:': { allow: ['admin'] },
  'GET /api/v1/missions/:/webhooks/:/deliveries': { allow: ['admin'] },
  'POST /api/v1/missions/:/webhooks/:/test': { allow: ['admin'], body: json({}) },
  'POST /api/v1/missions/:/webhooks/:/deliveries/:/redeliver': { allow: ['admin'], body: json({}) },
  // The web portal (fastify-static).
  'GET /': PUBLIC,
  'GET /*': PUBLIC,
  // The portal's page routes answer with the app (src/server/web/serve-web.ts).
  'GET /missions/:': PUBLIC,
  'GET /missions/:/incidents/:': PUBLIC,
  'GET /missions/:/reports/:': PUBLIC,
  'GET /missions/:/verify': PUBLIC,
  // The console (issue 11): the same app; its data comes through the API routes above.
  'GET /console': PUBLIC,
  'GET /console/*': PUBLIC,
};

/**
 * Who may author an entry of a kind on `POST …/entries`, by the role table of docs/architecture.md (the rule that
 * refuses the others in brackets). `article`: "analyst … ingests news" — no other role does.
 */
export const ENTRY_AUTHORS: Partial<
  Record<EntryKind, { allow: readonly MatrixRole[]; rule: string }>
> = {
  article: { allow: ['analyst'], rule: 'article_by_analyst' },
};

export function expectationKey(r: RouteEntry): string {
  return `${r.method} ${r.url.replace(/:[A-Za-z0-9_]+/g, ':')}`;
}

let server: RunningServer;
let dir: string;
let creds: Credentials;
let blobSha = '';

function headersFor(role: MatrixRole): Record<string, string> {
  if (role === 'anonymous') return {};
  return { authorization: `Bearer ${creds.users[USERS[role]]!.token}` };
}

function fill(url: string): string {
  return url
    .replace(':slug', 'pak-afg')
    .replace(':index', '0')
    .replace(':sha256', blobSha)
    .replace(/:[A-Za-z0-9_]+/g, '0190a0b0-0000-7000-8000-000000000000')
    .replace(/\*$/, url.startsWith('/log/') ? 'entries/000.p/1' : 'index.html');
}

/** Row counts of every table: a refused request must leave them all as they were. */
async function fingerprint(): Promise<string> {
  const { rows } = await (
    server.store.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`
  ).execute(server.store.db);
  const counts: string[] = [];
  for (const { name } of rows) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(
      server.store.db,
    );
    counts.push(`${name}=${r.rows[0]?.n}`);
  }
  return counts.join(' ');
}

async function quiet(): Promise<void> {
  // Background work (checkpoints at most once a second, projections) settles before the matrix
  // compares states: the published checkpoint must cover the whole log, and the row counts must
  // hold still for longer than the checkpoint interval.
  let last = '';
  for (let i = 0; i < 60; i++) {
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as {
      logs?: Record<string, { size: number; checkpointSize: number | null }>;
    };
    const settled = Object.values(health.logs ?? {}).every((l) => l.checkpointSize === l.size);
    const now = await fingerprint();
    if (settled && now === last) return;
    last = settled ? now : '';
    await new Promise((r) => setTimeout(r, 1200));
  }
}

async function call(
  method: string,
  path: string,
  role: MatrixRole,
  exp: Expectation,
): Promise<{ status: number; body: string; type: string }> {
  const b = method === 'POST' ? exp.body?.() : undefined;
  const controller = new AbortController();
  const res = await fetch(`${server.url}${path}${exp.query ? `?${exp.query}` : ''}`, {
    method,
    headers: {
      ...headersFor(role),
      ...(b ? { 'content-type': b.contentType } : {}),
    },
    ...(b ? { body: typeof b.data === 'string' ? b.data : new Uint8Array(b.data) } : {}),
    signal: controller.signal,
  });
  const type = res.headers.get('content-type') ?? '';
  // An event stream never ends: its status and headers are the answer.
  const body = type.startsWith('text/event-stream') ? '' : await res.text();
  controller.abort();
  return { status: res.status, body, type };
}

function assertJsonError(r: { status: number; body: string; type: string }, what: string): void {
  assert.match(r.type, /^application\/json/, `${what}: an error is JSON`);
  const e = JSON.parse(r.body) as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof e.error?.code, 'string', `${what}: error.code`);
  assert.equal(typeof e.error?.message, 'string', `${what}: error.message`);
}

/** Random bodies: JSON values, JSON-ish text, raw bytes, and envelope-shaped objects. */
const bodies = fc.oneof(
  fc.json().map((t) => ({ contentType: 'application/json', data: t as string | Uint8Array })),
  fc
    .string({ unit: 'binary', maxLength: 300 })
    .map((t) => ({ contentType: 'application/json', data: t })),
  fc
    .uint8Array({ maxLength: 600 })
    .map((b) => ({ contentType: 'application/octet-stream', data: b })),
  fc.string({ maxLength: 200 }).map((t) => ({ contentType: 'text/plain', data: t })),
  fc
    .record({
      v: fc.oneof(fc.constant(1), fc.anything()),
      mission: fc.oneof(fc.constant('pak-afg'), fc.string()),
      kind: fc.constantFrom('report', 'incident', 'finding', 'release', 'nope', ''),
      id: fc.oneof(fc.uuid({ version: 7 }), fc.string()),
      at: fc.oneof(fc.constant('2025-10-20T10:00:00.000Z'), fc.string()),
      author: fc.oneof(fc.constant('pk-liaison.pak-afg+0123abcd'), fc.string()),
      body: fc.dictionary(fc.string(), fc.anything()),
      sig: fc.oneof(fc.base64String({ minLength: 88, maxLength: 88 }), fc.string()),
    })
    .map((e) => ({ contentType: 'application/json', data: JSON.stringify(e) })),
  fc.record({ name: fc.string(), password: fc.string() }).map((b) => ({
    contentType: 'application/json',
    data: JSON.stringify(b),
  })),
);

/** The store a suite runs on: the embedded SQLite, a fresh PostgreSQL database, or a skip reason. */
type DbChoice = 'sqlite' | { url: string; drop(): Promise<void> } | { skip: string };

function suite(name: string, db: () => Promise<DbChoice>): void {
  describe(`route matrix: ${name}`, () => {
    let skip: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      const choice = await db();
      if (typeof choice === 'object' && 'skip' in choice) {
        skip = choice.skip;
        return;
      }
      if (typeof choice === 'object') drop = () => choice.drop();
      dir = mkdtempSync(join(tmpdir(), 'truceline-matrix-'));
      server = await startServer(
        resolveConfig(
          {
            port: 0,
            host: '127.0.0.1',
            dataDir: join(dir, 'data'),
            demo: true,
            logBatchIntervalMs: 5,
            ...(typeof choice === 'object' ? { db: choice.url } : {}),
          },
          {},
        ),
      );
      creds = JSON.parse(
        readFileSync(join(dir, 'data', 'demo-credentials.json'), 'utf8'),
      ) as Credentials;
      const up = await fetch(`${server.url}/api/v1/blobs`, {
        method: 'POST',
        headers: { ...headersFor('pk'), 'content-type': 'image/png' },
        body: 'pk evidence',
      });
      assert.equal(up.status, 201);
      blobSha = ((await up.json()) as { sha256: string }).sha256;
      await quiet();
    });

    after(async () => {
      if (skip) return;
      await server?.close();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    test('route matrix: every route has an expectation', (t) => {
      if (skip) return t.skip(skip);
      const missing = routeTable(server.app)
        .filter((r) => r.method !== 'HEAD' && !EXPECTATIONS[expectationKey(r)])
        .map(expectationKey);
      assert.deepEqual(
        missing,
        [],
        'add these routes to EXPECTATIONS in test/route-matrix.suite.ts',
      );
    });

    test('route matrix: every route × every role', async (t) => {
      if (skip) return t.skip(skip);
      const routes = routeTable(server.app).filter((r) => r.method !== 'HEAD');
      assert.ok(routes.length >= 15);
      let checked = 0;
      for (const r of routes) {
        const exp = EXPECTATIONS[expectationKey(r)];
        if (!exp) continue;
        const path = fill(r.url);
        // Refused callers first, each with the state compared around it; then the allowed ones.
        const order = [...ROLES].sort(
          (a, b) => Number(exp.allow.includes(a)) - Number(exp.allow.includes(b)),
        );
        for (const role of order) {
          const what = `${r.method} ${r.url} as ${role}`;
          const allowed: boolean = exp.allow.includes(role);
          const beforeState: string = allowed ? '' : await fingerprint();
          const res = await call(r.method, path, role, exp);
          assert.ok(res.status < 500, `${what}: ${res.status} ${res.body.slice(0, 200)}`);
          if (res.status >= 400) assertJsonError(res, what);
          if (allowed) {
            assert.ok(
              res.status !== 401 && res.status !== 403,
              `${what}: refused (${res.status}) ${res.body.slice(0, 200)}`,
            );
          } else {
            assert.equal(
              res.status,
              role === 'anonymous' ? 401 : 403,
              `${what}: ${res.body.slice(0, 200)}`,
            );
            assert.equal(
              await fingerprint(),
              beforeState,
              `${what}: a refused request changed the store`,
            );
          }
          checked++;
        }
      }
      t.diagnostic(`${routes.length} routes × ${ROLES.length} roles: ${checked} requests`);
      assert.ok(checked >= routes.length * ROLES.length - ROLES.length * 2);
    });

    test('route matrix: entry kinds × roles, signed with the role’s own key (docs/architecture.md role table)', async (t) => {
      if (skip) return t.skip(skip);
      for (const [kind, exp] of Object.entries(ENTRY_AUTHORS)) {
        const order = [...ROLES].sort(
          (a, b) => Number(exp.allow.includes(a)) - Number(exp.allow.includes(b)),
        );
        for (const role of order) {
          const what = `POST entries kind ${kind} as ${role}`;
          // Anonymous callers sign with the analyst's key: the missing token alone must refuse them.
          const user = USERS[role === 'anonymous' ? 'analyst' : role];
          const signer = await signerFromNoteKey(
            readFileSync(creds.users[user]!.keyFile, 'utf8').trim(),
          );
          const { bytes } = await signEnvelope(
            {
              mission: 'pak-afg',
              kind: kind as EntryKind,
              body: exampleBody(kind as EntryKind) as Record<string, unknown>,
            },
            signer,
          );
          const allowed = exp.allow.includes(role);
          const beforeState = allowed ? '' : await fingerprint();
          const res = await fetch(`${server.url}/api/v1/missions/pak-afg/entries`, {
            method: 'POST',
            headers: { ...headersFor(role), 'content-type': 'application/json' },
            body: new Uint8Array(bytes),
          });
          const text = await res.text();
          if (allowed) {
            assert.equal(res.status, 201, `${what}: ${text.slice(0, 300)}`);
            continue;
          }
          assert.equal(res.status, role === 'anonymous' ? 401 : 403, `${what}: ${text}`);
          const e = JSON.parse(text) as { error: { message: string; details?: { rule?: string } } };
          if (role !== 'anonymous') {
            assert.equal(e.error.details?.rule, exp.rule, what);
            assert.match(e.error.message, new RegExp(`^rule ${exp.rule}: `), what);
          }
          assert.equal(
            await fingerprint(),
            beforeState,
            `${what}: a refused entry changed the store`,
          );
        }
      }
    });

    test('route matrix: cookie sessions get the same answers as tokens, and need CSRF to POST', async (t) => {
      if (skip) return t.skip(skip);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'af-liaison', password: creds.users['af-liaison']!.password }),
      });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      // AF may not read PK's blob, with a cookie either.
      const blob = await fetch(`${server.url}/api/v1/blobs/${blobSha}`, { headers: { cookie } });
      assert.equal(blob.status, 403);
      const before = await fingerprint();
      const noCsrf = await fetch(`${server.url}/api/v1/blobs`, {
        method: 'POST',
        headers: { cookie, origin: server.url, 'content-type': 'text/plain' },
        body: 'forged',
      });
      assert.equal(noCsrf.status, 403);
      assert.equal(await fingerprint(), before);
      const ok = await fetch(`${server.url}/api/v1/blobs`, {
        method: 'POST',
        headers: { cookie, origin: server.url, 'x-csrf-token': csrf, 'content-type': 'text/plain' },
        body: 'af evidence',
      });
      assert.equal(ok.status, 201);
    });

    test('property: random and malformed bodies to every POST route are 4xx JSON errors, never 5xx', async (t) => {
      if (skip) return t.skip(skip);
      const posts = routeTable(server.app).filter((r) => r.method === 'POST');
      assert.ok(posts.length >= 4);
      for (const r of posts) {
        const path = fill(r.url);
        // Uploads accept any non-empty bytes by design; every other POST refuses random input.
        const acceptsAnything = r.url === '/api/v1/blobs';
        const beforeState = await fingerprint();
        await fc.assert(
          fc.asyncProperty(
            bodies,
            fc.constantFrom<MatrixRole>('anonymous', 'pk', 'analyst'),
            async (b, role) => {
              const res = await fetch(`${server.url}${path}`, {
                method: 'POST',
                headers: { ...headersFor(role), 'content-type': b.contentType },
                body: typeof b.data === 'string' ? b.data : new Uint8Array(b.data),
              });
              const text = await res.text();
              const what = `POST ${r.url} as ${role}: ${res.status} ${text.slice(0, 200)}`;
              assert.ok(res.status < 500, what);
              if (res.status >= 400)
                assertJsonError(
                  { status: res.status, body: text, type: res.headers.get('content-type') ?? '' },
                  what,
                );
              else assert.ok(acceptsAnything || r.url === '/api/v1/auth/logout', what);
            },
          ),
          { numRuns: 60 },
        );
        if (!acceptsAnything)
          assert.equal(
            await fingerprint(),
            beforeState,
            `POST ${r.url}: refused bodies changed the store`,
          );
      }
    });
  });
}

/** The matrix on the embedded SQLite store (run by route-matrix-sqlite.test.ts). */
export function sqliteMatrix(): void {
  suite('sqlite', async () => 'sqlite');
}

/** The matrix on a fresh PostgreSQL database (run by route-matrix-postgres.test.ts). */
export function postgresMatrix(): void {
  suite('postgres', async () => {
    const fresh = await withFreshDatabase();
    return typeof fresh === 'string' ? { skip: fresh } : fresh;
  });
}
