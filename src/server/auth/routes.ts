// Password sign-in for the web: POST /api/v1/auth/login sets an HttpOnly, SameSite=Strict session
// cookie (Secure behind https) and answers the session's CSRF token; POST /api/v1/auth/logout ends
// it; GET /api/v1/auth/me says who the caller is (anonymous callers have the public role).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { hashToken } from '../tokens.js';
import {
  authFor,
  csrfTokenFor,
  newSessionToken,
  readCookie,
  roleOf,
  ROLES,
  SESSION_TTL_MS,
  type Auth,
  type Caller,
} from './caller.js';
import { burnPasswordCheck, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { RateLimiter } from './rate-limit.js';

export const LoginBodySchema = z
  .object({
    name: z.string().min(1).max(63),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .strict();

export const MeSchema = z.object({
  role: z.enum(ROLES),
  via: z.enum(['token', 'session', 'anonymous']),
  user: z
    .object({
      name: z.string(),
      displayName: z.string(),
      org: z.string(),
      role: z.string(),
      mission: z.string(),
    })
    .nullable(),
  /** Present for cookie sessions: send it as X-CSRF-Token on POST requests. */
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
});
export type Me = z.infer<typeof MeSchema>;

/** Attempts per client address, and failed attempts per user name, in LOGIN_WINDOW_MS. */
export const LOGIN_ATTEMPTS_PER_ADDRESS = 30;
export const LOGIN_FAILURES_PER_USER = 5;
export const LOGIN_WINDOW_MS = 5 * 60 * 1000;
/**
 * Failures for one user name from all addresses before each further attempt on that name is slowed
 * (never refused): a lock-out keyed on the name alone would let anyone lock a mediator out.
 */
export const LOGIN_SLOWDOWN_AFTER = 5;
/** The slow-down doubles per failure past the threshold, up to this many milliseconds. */
export const LOGIN_SLOWDOWN_MAX_MS = 4000;

function me(c: Caller, csrf?: string, expiresAt?: string): Me {
  return {
    role: c.role,
    via: c.via,
    user: c.user
      ? {
          name: c.user.name,
          displayName: c.user.display_name,
          org: c.user.org,
          role: c.user.role,
          mission: c.user.mission,
        }
      : null,
    ...(csrf ? { csrfToken: csrf } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

function cookie(auth: Auth, value: string, maxAgeS: number): string {
  return [
    `${auth.cookieName}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeS}`,
    ...(auth.secure ? ['Secure'] : []),
  ].join('; ');
}

function tooMany(reply: FastifyReply, seconds: number): HttpError {
  void reply.header('retry-after', String(seconds));
  return new HttpError(
    429,
    'rate_limited',
    `couldn't sign in: too many attempts, retry in ${seconds} s`,
    {
      retryAfter: seconds,
    },
  );
}

/** The delay before answering an attempt on a name that failed `failures` times in the window. */
export function slowdownMs(failures: number): number {
  if (failures < LOGIN_SLOWDOWN_AFTER) return 0;
  return Math.min(LOGIN_SLOWDOWN_MAX_MS, 250 * 2 ** (failures - LOGIN_SLOWDOWN_AFTER));
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const byAddress = new RateLimiter(LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW_MS);
  // 429 for one name from one address only; from elsewhere the name is slowed, not refused.
  const byUserAndAddress = new RateLimiter(LOGIN_FAILURES_PER_USER, LOGIN_WINDOW_MS);
  const failuresByUser = new RateLimiter(Number.MAX_SAFE_INTEGER, LOGIN_WINDOW_MS);

  app.post(
    '/api/v1/auth/login',
    { bodyLimit: 16 * 1024 },
    async (request: FastifyRequest, reply) => {
      // A cross-site page must not sign a browser in either (login CSRF).
      const origin = request.headers.origin;
      if (typeof origin === 'string' && !auth.allowedOrigin(request, origin))
        throw new HttpError(403, 'csrf', "couldn't sign in: the request's Origin is not this site");
      const body = parseInput(LoginBodySchema, request.body, 'sign in');
      const ipKey = `ip:${request.ip}`;
      const nameKey = `user:${body.name.toLowerCase()}`;
      const userKey = `${nameKey}|${ipKey}`;
      const wait = Math.max(byAddress.retryAfter(ipKey), byUserAndAddress.retryAfter(userKey));
      if (wait > 0) throw tooMany(reply, wait);
      byAddress.hit(ipKey);
      const slow = slowdownMs(failuresByUser.count(nameKey));
      if (slow > 0) await new Promise((r) => setTimeout(r, slow));

      const user = await ctx.store.userByName(body.name);
      const ok = user?.password_hash
        ? await verifyPassword(body.password, user.password_hash)
        : (await burnPasswordCheck(body.password), false);
      if (!user || !ok) {
        byUserAndAddress.hit(userKey);
        failuresByUser.hit(nameKey);
        throw new HttpError(401, 'bad_credentials', "couldn't sign in: wrong name or password");
      }
      byUserAndAddress.reset(userKey);

      const token = newSessionToken();
      const now = Date.now();
      const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
      await auth.store.createSession({
        session_hash: hashToken(token),
        user_id: user.id,
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt,
      });
      void auth.store.deleteExpiredSessions(new Date(now).toISOString()).catch(() => {});
      void reply
        .header('set-cookie', cookie(auth, token, Math.floor(SESSION_TTL_MS / 1000)))
        .header('cache-control', 'no-store');
      return me(
        { role: roleOf(user), via: 'session', user, org: user.org, mission: user.mission },
        csrfTokenFor(token),
        expiresAt,
      );
    },
  );

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const c = await auth.caller(request); // checks CSRF for a live cookie session
    const token = readCookie(request.headers.cookie, auth.cookieName);
    if (c.via === 'session' && token) await auth.store.deleteSession(hashToken(token));
    void reply.header('set-cookie', cookie(auth, '', 0)).header('cache-control', 'no-store');
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', async (request, reply) => {
    const c = await auth.caller(request);
    const token = readCookie(request.headers.cookie, auth.cookieName);
    void reply.header('cache-control', 'no-store');
    return me(c, c.via === 'session' && token ? csrfTokenFor(token) : undefined);
  });
}
