// User management over real HTTP against the demo server (SQLite): only admins may call it; a
// created user gets the role of its organisation, an scrypt password hash and a working token; bad
// input is a 400/404/409/422 JSON error naming what is wrong; a password reset signs the user's
// sessions out and the old password stops working; revoked tokens are refused at once. The
// `truceline users` command does the same through the API (run from source in a child process).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveConfig } from '../config.js';
import type { Credentials } from '../provision.js';
import { startServer, type RunningServer } from '../serve.js';
import { verifyPassword } from './passwords.js';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let server: RunningServer;
let creds: Credentials;
let credsFile: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-users-'));
  server = await startServer(
    resolveConfig(
      { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true, logBatchIntervalMs: 5 },
      {},
    ),
  );
  credsFile = join(dir, 'data', 'demo-credentials.json');
  creds = JSON.parse(readFileSync(credsFile, 'utf8')) as Credentials;
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The JSON answers these tests read (user views, tokens, errors). */
interface Answer {
  role?: string;
  via?: string;
  user: { name: string; role: string; [k: string]: unknown };
  error: { message: string };
  token?: string;
  password?: string;
  revoked?: number;
  sessionsEnded?: number;
}

async function api(
  method: string,
  path: string,
  opts: { as?: string; token?: string; body?: unknown; cookie?: string } = {},
) {
  const token = opts.token ?? (opts.as ? creds.users[opts.as]!.token : undefined);
  const res = await fetch(`${server.url}/api/v1/${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Answer };
}

const login = (name: string, password: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });

test('only admins manage users: anonymous 401, every other role 403, nothing created', async () => {
  const body = { name: 'intruder', displayName: 'X', org: 'PK' };
  assert.equal((await api('POST', 'admin/users', { body })).status, 401);
  for (const as of ['pk-liaison', 'analyst', 'qa-mediator', 'monitor']) {
    const r = await api('POST', 'admin/users', { as, body });
    assert.equal(r.status, 403, as);
    assert.match(r.json.error.message, /the \w+ role may not/);
  }
  assert.equal(await server.store.userByName('intruder'), undefined);
});

test('create: role from the organisation, scrypt hash, a working token, a generated password', async () => {
  const r = await api('POST', 'admin/users', {
    as: 'admin',
    body: { name: 'pk-deputy', displayName: 'Pakistan deputy liaison', org: 'PK' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.deepEqual(r.json.user, {
    name: 'pk-deputy',
    displayName: 'Pakistan deputy liaison',
    org: 'PK',
    role: 'party',
    mission: 'pak-afg',
  });
  const stored = await server.store.userByName('pk-deputy');
  assert.match(stored!.password_hash!, /^scrypt\$16384\$8\$1\$/);
  assert.ok(!stored!.password_hash!.includes(r.json.password as string));
  assert.ok(await verifyPassword(r.json.password as string, stored!.password_hash!));
  const me = await api('GET', 'auth/me', { token: r.json.token as string });
  assert.deepEqual([me.json.role, me.json.user.name, me.json.via], ['party', 'pk-deputy', 'token']);
  assert.equal((await login('pk-deputy', r.json.password as string)).status, 200);
});

test('create: bad input is a clear 4xx naming what is wrong', async () => {
  const post = (body: unknown) => api('POST', 'admin/users', { as: 'admin', body });
  const taken = await post({ name: 'analyst', displayName: 'Again', org: 'AD' });
  assert.equal(taken.status, 409);
  const org = await post({ name: 'someone', displayName: 'S', org: 'XX' });
  assert.equal(org.status, 422);
  assert.match(org.json.error.message, /XX is not an organisation of pak-afg/);
  const short = await post({ name: 'someone', displayName: 'S', org: 'PK', password: 'short' });
  assert.equal(short.status, 400);
  assert.match(short.json.error.message, /password/);
  const extra = await post({ name: 'someone', displayName: 'S', org: 'PK', role: 'admin' });
  assert.equal(extra.status, 400, 'the role is not chosen by the caller');
  assert.equal(await server.store.userByName('someone'), undefined);
  assert.equal(
    (await api('POST', 'admin/users/nobody/password', { as: 'admin', body: {} })).status,
    404,
  );
});

test('reset password: the new one works, the old one and the old sessions stop', async () => {
  const created = await api('POST', 'admin/users', {
    as: 'admin',
    body: {
      name: 'af-deputy',
      displayName: 'Afghan deputy',
      org: 'AF',
      password: 'first password 1',
    },
  });
  assert.equal(created.status, 201);
  assert.equal(created.json.password, undefined, 'a chosen password is not echoed');
  const session = await login('af-deputy', 'first password 1');
  assert.equal(session.status, 200);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
  assert.equal((await api('GET', 'auth/me', { cookie })).json.role, 'party');

  const reset = await api('POST', 'admin/users/af-deputy/password', {
    as: 'admin',
    body: { password: 'second password 2' },
  });
  assert.equal(reset.status, 200, JSON.stringify(reset.json));
  assert.equal(reset.json.sessionsEnded, 1);
  assert.equal((await api('GET', 'auth/me', { cookie })).json.role, 'public', 'signed out');
  assert.equal((await login('af-deputy', 'first password 1')).status, 401);
  assert.equal((await login('af-deputy', 'second password 2')).status, 200);
  const generated = await api('POST', 'admin/users/af-deputy/password', { as: 'admin', body: {} });
  assert.equal((await login('af-deputy', generated.json.password as string)).status, 200);
});

test('tokens: issue another, revoke them all; revoked tokens are refused at once', async () => {
  const created = await api('POST', 'admin/users', {
    as: 'admin',
    body: { name: 'monitor-2', displayName: 'Second monitor', org: 'MT' },
  });
  const first = created.json.token as string;
  assert.equal((await api('GET', 'auth/me', { token: first })).json.role, 'monitor');
  const issued = await api('POST', 'admin/users/monitor-2/tokens', {
    as: 'admin',
    body: { label: 'field tablet' },
  });
  assert.equal(issued.status, 201);
  const second = issued.json.token as string;
  assert.notEqual(second, first);
  assert.equal((await api('GET', 'auth/me', { token: second })).json.user.name, 'monitor-2');
  const revoked = await api('DELETE', 'admin/users/monitor-2/tokens', { as: 'admin' });
  assert.deepEqual([revoked.status, revoked.json.revoked], [200, 2]);
  for (const t of [first, second])
    assert.equal((await api('GET', 'auth/me', { token: t })).status, 401);
  // Other users' tokens are untouched.
  assert.equal((await api('GET', 'auth/me', { as: 'monitor' })).json.user.name, 'monitor');
});

/** `truceline …` from source, as the bin runs it. */
function truceline(args: string[], input = '') {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});
    try { process.exitCode = await main(process.argv.slice(1)); }
    catch (err) { console.error('truceline: ' + (err instanceof Error ? err.message : String(err))); process.exitCode = 1; }`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, ...args],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TRUCELINE_TOKEN: '' },
    },
  );
  child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((r) =>
    child.on('close', (code) => r({ code, stdout, stderr })),
  );
}

test('truceline users: create, reset-password, issue-token, revoke-tokens through the API', async () => {
  const auth = ['--server', server.url, '--credentials', credsFile, '--as', 'admin', '--json'];
  const c = await truceline(
    [
      'users',
      'create',
      'tr-observer',
      '--org',
      'TR',
      '--display-name',
      'Turkish observer',
      '--password-stdin',
      ...auth,
    ],
    'a long enough password\n',
  );
  assert.equal(c.code, 0, c.stderr);
  const created = JSON.parse(c.stdout) as {
    user: { role: string };
    token: string;
    password?: string;
  };
  assert.equal(created.user.role, 'mediator');
  assert.equal(created.password, undefined);
  assert.equal((await login('tr-observer', 'a long enough password')).status, 200);

  const r = await truceline(['users', 'reset-password', 'tr-observer', ...auth]);
  assert.equal(r.code, 0, r.stderr);
  const password = (JSON.parse(r.stdout) as { password: string }).password;
  assert.equal((await login('tr-observer', password)).status, 200);

  const t = await truceline(['users', 'issue-token', 'tr-observer', '--label', 'laptop', ...auth]);
  assert.equal(t.code, 0, t.stderr);
  const token = (JSON.parse(t.stdout) as { token: string }).token;
  assert.equal((await api('GET', 'auth/me', { token })).json.user.name, 'tr-observer');

  const v = await truceline(['users', 'revoke-tokens', 'tr-observer', ...auth.slice(0, -1)]);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /^2 tokens of tr-observer revoked/);
  assert.equal((await api('GET', 'auth/me', { token })).status, 401);

  // A non-admin is refused with the server's reason on one line; a missing user is named.
  const denied = await truceline([
    'users',
    'revoke-tokens',
    'analyst',
    '--server',
    server.url,
    '--credentials',
    credsFile,
    '--as',
    'pk-liaison',
  ]);
  assert.equal(denied.code, 1);
  assert.match(
    denied.stderr.trim(),
    /^truceline: couldn't revoke the tokens: the party role may not$/,
  );
  const missing = await truceline(['users', 'issue-token', 'nobody', ...auth]);
  assert.match(
    missing.stderr.trim(),
    /^truceline: couldn't issue a token: no user nobody in pak-afg$/,
  );
});
