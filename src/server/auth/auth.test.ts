// Sign-in over real HTTP against the demo server: password login, the cookie's flags, /me, CSRF
// checks on cookie-authenticated POSTs, logout, API tokens through the same resolver, rate limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../config.js';
import type { Credentials } from '../provision.js';
import { startServer } from '../serve.js';
import {
  LOGIN_FAILURES_PER_USER,
  LOGIN_SLOWDOWN_AFTER,
  LOGIN_SLOWDOWN_MAX_MS,
  slowdownMs,
} from './routes.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { RateLimiter } from './rate-limit.js';

test('passwords: scrypt round trip, wrong and malformed hashes are false', async () => {
  const h = await hashPassword('correct horse');
  assert.match(h, /^scrypt\$16384\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse', h), true);
  assert.equal(await verifyPassword('correct hors', h), false);
  assert.equal(await verifyPassword('x', 'scrypt$3$8$1$AA==$AA=='), false);
  assert.equal(await verifyPassword('x', 'plain'), false);
  assert.notEqual(await hashPassword('correct horse'), h, 'salted');
});

test('rate limiter: fixed window per key', () => {
  let t = 0;
  const rl = new RateLimiter(2, 1000, () => t);
  rl.hit('a');
  assert.equal(rl.retryAfter('a'), 0);
  rl.hit('a');
  assert.equal(rl.retryAfter('a'), 1);
  assert.equal(rl.retryAfter('b'), 0);
  t = 1000;
  assert.equal(rl.retryAfter('a'), 0);
});

test('auth over HTTP: login, cookie, me, CSRF, logout, tokens, rate limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-auth-'));
  const server = await startServer(
    resolveConfig({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true }, {}),
  );
  try {
    const credsPath = join(dir, 'data', 'demo-credentials.json');
    assert.equal(statSync(credsPath).mode & 0o777, 0o600);
    const creds = JSON.parse(readFileSync(credsPath, 'utf8')) as Credentials;
    const pk = creds.users['pk-liaison']!;
    assert.match(pk.password, /^[A-Za-z0-9_-]{20}$/);
    const api = `${server.url}/api/v1`;
    const origin = server.url;
    const json = { 'content-type': 'application/json' };

    // Anonymous.
    const anon = await fetch(`${api}/auth/me`);
    assert.deepEqual(await anon.json(), { role: 'public', via: 'anonymous', user: null });

    // Wrong password, unknown user: the same 401.
    for (const body of [
      { name: 'pk-liaison', password: 'nope' },
      { name: 'nobody', password: 'nope' },
    ]) {
      const r = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(body),
      });
      assert.equal(r.status, 401);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'bad_credentials');
    }
    // Malformed bodies are 4xx JSON errors.
    for (const body of [
      '{',
      '[]',
      '{"name":1}',
      JSON.stringify({ name: 'a', password: 'b', x: 1 }),
    ]) {
      const r = await fetch(`${api}/auth/login`, { method: 'POST', headers: json, body });
      assert.equal(r.status, 400, body);
      assert.ok(((await r.json()) as { error: unknown }).error);
    }
    // A cross-site login is refused.
    const cross = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'pk-liaison', password: pk.password }),
    });
    assert.equal(cross.status, 403);

    // Login.
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify({ name: 'pk-liaison', password: pk.password }),
    });
    assert.equal(login.status, 200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    assert.match(
      setCookie,
      /^tl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    assert.doesNotMatch(setCookie, /Secure/, 'plain http public URL');
    const session = setCookie.split(';')[0]!;
    const me = (await login.json()) as { role: string; user: { org: string }; csrfToken: string };
    assert.equal(me.role, 'party');
    assert.equal(me.user.org, 'PK');
    assert.match(me.csrfToken, /^[A-Za-z0-9_-]{43}$/);

    const meAgain = (await (
      await fetch(`${api}/auth/me`, { headers: { cookie: session } })
    ).json()) as {
      via: string;
      csrfToken: string;
    };
    assert.equal(meAgain.via, 'session');
    assert.equal(meAgain.csrfToken, me.csrfToken);

    // Cookie-authenticated POST: without Origin or CSRF token refused (403), with both it reaches
    // the route (400: empty entry).
    const entries = `${api}/missions/pak-afg/entries`;
    const noCsrf = await fetch(entries, {
      method: 'POST',
      headers: { cookie: session, origin },
      body: '',
    });
    assert.equal(noCsrf.status, 403);
    assert.equal(((await noCsrf.json()) as { error: { code: string } }).error.code, 'csrf');
    const badOrigin = await fetch(entries, {
      method: 'POST',
      headers: { cookie: session, origin: 'http://evil.example', 'x-csrf-token': me.csrfToken },
      body: '',
    });
    assert.equal(badOrigin.status, 403);
    const good = await fetch(entries, {
      method: 'POST',
      headers: { cookie: session, origin, 'x-csrf-token': me.csrfToken },
      body: '',
    });
    assert.equal(good.status, 400);
    // Without the cookie the same request is anonymous: 401.
    const none = await fetch(entries, { method: 'POST', headers: { origin }, body: 'x' });
    assert.equal(none.status, 401);

    // API tokens go through the same resolver.
    const byToken = (await (
      await fetch(`${api}/auth/me`, {
        headers: { authorization: `Bearer ${creds.users.analyst!.token}` },
      })
    ).json()) as { role: string; via: string };
    assert.deepEqual([byToken.role, byToken.via], ['analyst', 'token']);
    const badToken = await fetch(`${api}/auth/me`, {
      headers: { authorization: 'Bearer tl_' + 'x'.repeat(43) },
    });
    assert.equal(badToken.status, 401);

    // Logout needs the CSRF token too, then the session is gone.
    assert.equal(
      (await fetch(`${api}/auth/logout`, { method: 'POST', headers: { cookie: session, origin } }))
        .status,
      403,
    );
    const out = await fetch(`${api}/auth/logout`, {
      method: 'POST',
      headers: { cookie: session, origin, 'x-csrf-token': me.csrfToken },
    });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^tl_session=; .*Max-Age=0/);
    const after = (await (
      await fetch(`${api}/auth/me`, { headers: { cookie: session } })
    ).json()) as { role: string };
    assert.equal(after.role, 'public');

    // Rate limit: after LOGIN_FAILURES_PER_USER failures from one address the user is refused from
    // that address for the window, even with the right password; other users are not.
    for (let i = 0; i < LOGIN_FAILURES_PER_USER; i++)
      await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'af-liaison', password: `wrong${i}` }),
      });
    const locked = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'af-liaison', password: creds.users['af-liaison']!.password }),
    });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    // The same user from another address is slowed, not locked out (issue 9: anyone could lock a
    // mediator out by failing five times on their name).
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.8.7',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'af-liaison',
        password: creds.users['af-liaison']!.password,
      }),
    });
    assert.equal(elsewhere.statusCode, 200, elsewhere.body);
    assert.ok(slowdownMs(LOGIN_FAILURES_PER_USER) > 0, 'failures on a name slow later attempts');
    assert.equal(slowdownMs(LOGIN_SLOWDOWN_AFTER - 1), 0);
    assert.equal(slowdownMs(1000), LOGIN_SLOWDOWN_MAX_MS, 'bounded');
    const other = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'monitor', password: creds.users.monitor!.password }),
    });
    assert.equal(other.status, 200);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('auth behind https: __Host- cookie with Secure, Origin checked against the public URL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-auth-https-'));
  const publicUrl = 'https://truceline.example';
  const server = await startServer(
    resolveConfig(
      { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true, publicUrl },
      {},
    ),
  );
  try {
    const creds = JSON.parse(
      readFileSync(join(dir, 'data', 'demo-credentials.json'), 'utf8'),
    ) as Credentials;
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ name: 'analyst', password: creds.users.analyst!.password }),
    });
    assert.equal(login.status, 200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    assert.match(
      setCookie,
      /^__Host-tl_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const post = (origin: string) =>
      fetch(`${server.url}/api/v1/blobs`, {
        method: 'POST',
        headers: { cookie, origin, 'x-csrf-token': csrfToken, 'content-type': 'text/plain' },
        body: 'x',
      });
    assert.equal((await post('http://truceline.example')).status, 403, 'scheme differs');
    assert.equal((await post(publicUrl)).status, 201);
    // A plain tl_session cookie is not read behind https.
    const plain = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { cookie: cookie.replace('__Host-', '') },
    });
    assert.equal(((await plain.json()) as { role: string }).role, 'public');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
