// HTTP caching of the read API (issue 12 item 5): a route opts in with its options
// (`app.get(path, cacheByLog, handler)`), and its GET and HEAD answers then carry
//   ETag           W/"<applied>.<checkpoint>-<digest of version, URL, viewer[, minute]>"
//   Cache-Control  public, no-cache (anonymous) · private, no-cache (signed in; cacheByLog)
//   Vary           Authorization, Cookie
// and a request whose If-None-Match holds that tag is answered 304 with no body (RFC 9110
// §13.1.2, weak comparison; §15.4.5: the 304 carries the ETag, Cache-Control and Vary a 200
// would). For `cacheByLog` the tag is made BEFORE the handler runs, from the mission's read
// version (read-version.ts: in memory while the projection is up to date), so a conditional GET
// costs the caller lookup and a digest, not a query and a view; and the public's views just built
// are kept by tag (representations.ts), so a crowd on one URL is answered without either. The
// viewer (role, organisation, user) is in the digest: a 304 never tells one viewer that another's
// view is current. The URL is too, so a tag from one URL never validates another. Routes that read the clock (deadlines,
// "days since") use `cacheByLogAndClock`: their tag also names the UTC minute, so a deadline that
// passes shows within a minute. `cacheByBody` is for small answers with no log behind them (the
// mission list): the tag is a digest of the body built, as @fastify/etag makes it.
//
// "no-cache" rather than a max-age: the views change with every entry the projection applies, and
// the web app refetches on the entry stream's events; revalidation is a 304, which is nearly free.
// Full tiles and hashed web assets are immutable (routes/log.ts, web/serve-web.ts): not here.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  onSendAsyncHookHandler,
} from 'fastify';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { requireMission, viewerOf } from '../workflow/context.js';
import { clientHolds, parseIfNoneMatch, weakTag } from './entity-tags.js';
import { ReadVersions } from './read-version.js';
import { Representations } from './representations.js';

export interface HttpCachePolicy {
  /** 'log': made before the handler from the mission's read version (the route has :slug). 'body': a digest of the built body. */
  tag: 'log' | 'body';
  /** The view reads the clock: the tag also names the UTC minute. */
  clock?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    httpCache?: HttpCachePolicy;
  }
}

/** Route options: a view of the log (changes only as the projection applies entries). */
export const cacheByLog = { config: { httpCache: { tag: 'log' } as HttpCachePolicy } };
/** Route options: a view of the log that also reads the clock. */
export const cacheByLogAndClock = {
  config: { httpCache: { tag: 'log', clock: true } as HttpCachePolicy },
};
/** Route options: an answer with no log behind it and the same for every caller, tagged by a digest of its body. */
export const cacheByBody = { config: { httpCache: { tag: 'body' } as HttpCachePolicy } };

export const VARY = ['Authorization', 'Cookie'];
export const PUBLIC_CACHE = 'public, no-cache';
export const PRIVATE_CACHE = 'private, no-cache';
const MINUTE_MS = 60_000;

interface Pending {
  /** Made before the handler (log), or once the body is built (body). */
  tag: string | undefined;
  byBody: boolean;
  /** The public's view (kept in, and served from, the representations). */
  publicView: boolean;
  /** Answered from the representations. */
  served: boolean;
  anonymous: boolean;
}

const digest = (text: string | Buffer) =>
  createHash('sha256').update(text).digest('base64url').slice(0, 22);

function addVary(reply: FastifyReply, names: readonly string[]): void {
  const had = reply.getHeader('vary');
  const list = (Array.isArray(had) ? had.join(',') : String(had ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.includes('*')) return;
  const lower = new Set(list.map((s) => s.toLowerCase()));
  for (const n of names) if (!lower.has(n.toLowerCase())) list.push(n);
  void reply.header('vary', list.join(', '));
}

function cacheHeaders(reply: FastifyReply, p: Pending, tag: string): void {
  void reply
    .header('etag', tag)
    .header('cache-control', p.anonymous ? PUBLIC_CACHE : PRIVATE_CACHE);
  addVary(reply, VARY);
}

/** Registers the conditional-GET hooks on every route that opts in; call once in buildApp. */
export function registerHttpCache(app: FastifyInstance, ctx: AppContext): void {
  const versions = new ReadVersions(ctx);
  const representations = new Representations();
  const auth = authFor(ctx);
  const pending = new WeakMap<FastifyRequest, Pending>();

  const viewerKey = async (request: FastifyRequest, slug: string) => {
    const v = await viewerOf(ctx, request, slug);
    return v.role === 'public' ? 'public' : `${v.role}\n${v.org}\n${v.user}`;
  };

  const before: onRequestAsyncHookHandler = async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const policy = request.routeOptions.config.httpCache!;
    if (policy.tag === 'body') {
      // The same answer for every caller: public, and the caller is not looked up.
      const p = { tag: undefined, byBody: true, anonymous: true, publicView: false, served: false };
      pending.set(request, p);
      return;
    }
    // A bad token is a 401 here as in the handler.
    const caller = await auth.caller(request);
    const p: Pending = {
      tag: undefined,
      byBody: false,
      anonymous: caller.via === 'anonymous',
      publicView: false,
      served: false,
    };
    pending.set(request, p);
    const slug = (request.params as { slug?: unknown }).slug;
    if (typeof slug !== 'string')
      throw new Error(`${request.routeOptions.url}: cacheByLog needs :slug`);
    try {
      await requireMission(ctx, slug);
    } catch {
      pending.delete(request); // the handler answers the 400 or 404
      return;
    }
    const v = await versions.of(slug);
    const viewer = await viewerKey(request, slug);
    p.publicView = viewer === 'public';
    const parts = [ctx.version, request.url, viewer];
    if (policy.clock) parts.push(String(Math.floor(Date.now() / MINUTE_MS)));
    p.tag = weakTag(`${v.applied}.${v.checkpoint}-${digest(parts.join('\n'))}`);
    const asked = parseIfNoneMatch(request.headers['if-none-match']);
    // A read that waits for the projection to pass an index (`after`) is built later than this
    // tag names: neither a 304 nor a kept body answers it.
    if ((request.query as { after?: unknown }).after !== undefined) return;
    // "*" asks whether a representation exists: only the handler knows (decided in onSend).
    if (asked && !asked.any && clientHolds(asked, p.tag)) {
      cacheHeaders(reply, p, p.tag);
      return reply.code(304).send();
    }
    // A request's no-cache or no-store asks that no stored answer be used (RFC 9111 §5.2.1.4):
    // the kept representations are one, so it is built afresh (a hard reload; the bench's query mixes).
    const fresh = /\bno-(?:cache|store)\b/i.test(String(request.headers['cache-control'] ?? ''));
    const kept = p.publicView && !fresh ? representations.get(p.tag) : undefined;
    if (kept) {
      p.served = true;
      cacheHeaders(reply, p, p.tag);
      return reply.code(200).header('content-type', kept.contentType).send(kept.body);
    }
  };

  // cacheByBody: the tag is a digest of the serialized body, taken first of the route's onSend
  // hooks (a HEAD route's own hook, which drops the body, comes after it).
  const tagBody: onSendAsyncHookHandler<unknown> = async (request, reply, payload) => {
    const p = pending.get(request);
    // A streamed body is not hashed (no cacheByBody route streams): it goes untagged.
    if (p && p.tag === undefined && reply.statusCode === 200)
      if (typeof payload === 'string' || Buffer.isBuffer(payload)) p.tag = weakTag(digest(payload));
    return payload;
  };

  const finish: onSendAsyncHookHandler<unknown> = async (request, reply, payload) => {
    const p = pending.get(request);
    if (!p) return payload;
    // The 304 sent above: for HEAD, fastify's own onSend hook (before this one) gave it a length.
    if (reply.statusCode === 304) void reply.removeHeader('content-length');
    if (reply.statusCode !== 200 || p.tag === undefined) return payload;
    cacheHeaders(reply, p, p.tag);
    const type = reply.getHeader('content-type');
    if (p.publicView && !p.served && typeof type === 'string')
      if (typeof payload === 'string' || Buffer.isBuffer(payload))
        // Kept as bytes: a string would be encoded again for every answer.
        representations.put(p.tag, { body: Buffer.from(payload), contentType: type });
    const asked = parseIfNoneMatch(request.headers['if-none-match']);
    // cacheByLog compared its tag before the handler ran (above); here only "*" is left to it, as
    // the body may have been built at a later index than the tag names.
    const holds = p.byBody ? clientHolds(asked, p.tag) : asked?.any === true;
    if (!holds) return payload;
    void reply.code(304).removeHeader('content-type').removeHeader('content-length');
    if (payload && typeof (payload as Readable).destroy === 'function')
      (payload as Readable).destroy();
    return null;
  };

  app.addHook('onRoute', (route) => {
    if (!route.config?.httpCache) return;
    route.onRequest = [...(route.onRequest === undefined ? [] : [route.onRequest].flat()), before];
    const own = route.onSend === undefined ? [] : [route.onSend].flat();
    route.onSend = [tagBody, ...own, finish];
  });
}
