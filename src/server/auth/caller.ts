// Who is calling: the one place every route asks. A request is authenticated by an API token
// (`Authorization: Bearer tl_…`, for programs) or by a session cookie from password login (for the
// browser); without either it is anonymous and has the public role. Cookie-authenticated requests
// with an unsafe method must also pass the CSRF checks (same Origin, and the session's CSRF token
// in the X-CSRF-Token header), since a browser sends cookies with cross-site requests too.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AuthStore } from '../../store/auth-store.js';
import type { User } from '../../store/store.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { hashToken, TOKEN_PREFIX } from '../tokens.js';

export const ROLES = [
  'public',
  'party',
  'monitor',
  'analyst',
  'mediator',
  'admin',
  'news_coder',
] as const;
export type Role = (typeof ROLES)[number];
/** Every role a signed-in user may have. */
export const USER_ROLES = [
  'party',
  'monitor',
  'analyst',
  'mediator',
  'admin',
  'news_coder',
] as const satisfies readonly Role[];

export interface Caller {
  role: Role;
  via: 'token' | 'session' | 'anonymous';
  user?: User;
  /** The user's organisation code (e.g. "PK"). */
  org?: string;
  /** The mission the user belongs to. */
  mission?: string;
}
export type SignedInCaller = Caller & { user: User; org: string; mission: string };

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const CSRF_HEADER = 'x-csrf-token';
const TOKEN_CACHE_MS = 5000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Cookie name: with https the __Host- prefix pins it to this host, path / and Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-tl_session' : 'tl_session';
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The CSRF token of a session: derived from its secret token, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`truceline/csrf/v1\n${sessionToken}`).digest('base64url');
}

/** Reads one cookie from a Cookie header (attacker-controlled text: parsed, never echoed). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function roleOf(user: User): Role {
  return (USER_ROLES as readonly string[]).includes(user.role) ? (user.role as Role) : 'public';
}

export class Auth {
  readonly store: AuthStore;
  private readonly tokens = new Map<string, { user: User; at: number }>();
  private readonly callers = new WeakMap<FastifyRequest, Promise<Caller>>();

  constructor(private readonly ctx: AppContext) {
    this.store = new AuthStore(ctx.store);
  }

  get secure(): boolean {
    return this.ctx.publicUrl.startsWith('https:');
  }

  get cookieName(): string {
    return sessionCookieName(this.secure);
  }

  /** The origins a browser may send unsafe cookie-authenticated requests from. */
  allowedOrigin(request: FastifyRequest, origin: string): boolean {
    const allowed = new Set<string>();
    try {
      allowed.add(new URL(this.ctx.publicUrl).origin);
    } catch {
      /* a bad public URL allows only the Host origin */
    }
    const host = request.headers.host;
    if (host) allowed.add(`${this.secure ? 'https' : request.protocol}://${host}`);
    return allowed.has(origin);
  }

  /** The caller of a request (memoised per request). Throws 401 for a bad token, 403 for CSRF. */
  caller(request: FastifyRequest): Promise<Caller> {
    let p = this.callers.get(request);
    if (!p) {
      p = this.resolve(request);
      this.callers.set(request, p);
    }
    return p;
  }

  /**
   * Drops a user's tokens from this process's cache, so a revocation takes effect at once here
   * (other API processes sharing the database notice within TOKEN_CACHE_MS).
   */
  forgetUser(userId: string): void {
    for (const [hash, t] of this.tokens) if (t.user.id === userId) this.tokens.delete(hash);
  }

  /** The signed-in caller, refusing anonymous (401) and roles outside `roles` (403). */
  async require(
    request: FastifyRequest,
    roles?: readonly Role[],
    what = 'do this',
  ): Promise<SignedInCaller> {
    const c = await this.caller(request);
    if (!c.user)
      throw new HttpError(
        401,
        'unauthorized',
        `couldn't ${what}: sign in, or send Authorization: Bearer tl_…`,
      );
    if (roles && !roles.includes(c.role))
      throw new HttpError(403, 'forbidden', `couldn't ${what}: the ${c.role} role may not`, {
        role: c.role,
        allowed: roles,
      });
    return c as SignedInCaller;
  }

  private async resolve(request: FastifyRequest): Promise<Caller> {
    const header = request.headers.authorization;
    if (header !== undefined) return this.byToken(header);
    const session = readCookie(request.headers.cookie, this.cookieName);
    if (session !== undefined) {
      const c = await this.bySession(session);
      if (c && !SAFE_METHODS.has(request.method)) this.checkCsrf(request, session);
      if (c) return c;
    }
    return { role: 'public', via: 'anonymous' };
  }

  private async byToken(header: string): Promise<Caller> {
    const m = /^Bearer (tl_[A-Za-z0-9_-]{10,200})$/.exec(header);
    if (!m || !m[1]!.startsWith(TOKEN_PREFIX))
      throw new HttpError(
        401,
        'unauthorized',
        "couldn't authenticate: send Authorization: Bearer tl_…",
      );
    const hash = hashToken(m[1]!);
    const cached = this.tokens.get(hash);
    let user = cached && Date.now() - cached.at < TOKEN_CACHE_MS ? cached.user : undefined;
    if (!user) {
      user = await this.ctx.store.userByTokenHash(hash);
      if (!user)
        throw new HttpError(401, 'unauthorized', "couldn't authenticate: unknown API token");
      if (this.tokens.size > 10_000) this.tokens.clear();
      this.tokens.set(hash, { user, at: Date.now() });
    }
    return { role: roleOf(user), via: 'token', user, org: user.org, mission: user.mission };
  }

  private async bySession(token: string): Promise<Caller | undefined> {
    if (!SESSION_TOKEN.test(token)) return undefined;
    const user = await this.store.sessionUser(hashToken(token), new Date().toISOString());
    if (!user) return undefined;
    return { role: roleOf(user), via: 'session', user, org: user.org, mission: user.mission };
  }

  private checkCsrf(request: FastifyRequest, session: string): void {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !this.allowedOrigin(request, origin))
      throw new HttpError(
        403,
        'csrf',
        "couldn't accept a cookie-authenticated request: its Origin is missing or not this site",
      );
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !equalText(sent, csrfTokenFor(session)))
      throw new HttpError(
        403,
        'csrf',
        `couldn't accept a cookie-authenticated request: send the session's CSRF token in ${CSRF_HEADER}`,
      );
  }
}

const instances = new WeakMap<AppContext, Auth>();
/** The Auth of an app (one per AppContext, so the token cache is shared by every route). */
export function authFor(ctx: AppContext): Auth {
  let a = instances.get(ctx);
  if (!a) {
    a = new Auth(ctx);
    instances.set(ctx, a);
  }
  return a;
}
