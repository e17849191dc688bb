// Read your own writes (issue 12, item 2): an entry is acknowledged before the read model has
// applied it, so a read may have to wait for the projection. Two ways a GET under
// /api/v1/missions/<slug>/ waits, until the mission's read model has applied the entry (or 503
// with Retry-After if it has not within READ_AFTER_WAIT_MS):
//  - said explicitly, by anyone: `Truceline-Read-After: <log index>`;
//  - implicitly, for a signed-in caller: the highest index the server acknowledged to that user
//    (read-your-writes.ts rememberAck), so one's own writes are always in one's reads.
// Every such GET is answered with `Truceline-Applied: <n>`: the read reflects at least the log's
// first n entries (reads by others are eventually consistent, and say how far they are). An
// onRequest hook registered before the HTTP cache's, so an ETag is computed on the state the read
// waited for.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';
import { ackSeen, ackedTo, caughtUp } from './read-your-writes.js';

export const READ_AFTER_HEADER = 'truceline-read-after';
/** How much of the log the read reflects (at least): the read model's applied entry count. */
export const APPLIED_HEADER = 'truceline-applied';
const READ_AFTER_WAIT_MS = 10_000;
const MISSION_PATH = /^\/api\/v1\/missions\/([a-z0-9][a-z0-9-]{1,62})(?:\/|$|\?)/;

/** The index named by Truceline-Read-After, checked (400 when it is not a log index). */
function explicitIndex(request: FastifyRequest): number | undefined {
  const h = request.headers[READ_AFTER_HEADER];
  if (h === undefined) return undefined;
  if (typeof h !== 'string' || !/^\d{1,15}$/.test(h))
    throw new HttpError(400, 'schema', `couldn't read: ${READ_AFTER_HEADER} is not a log index`, {
      issues: [{ path: READ_AFTER_HEADER, message: 'not a log index' }],
    });
  return Number(h);
}

export function registerReadAfter(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const slug = MISSION_PATH.exec(request.url)?.[1];
    const log = slug === undefined ? undefined : ctx.logs?.get(slug);
    if (!log) return;
    const explicit = request.method === 'GET' ? explicitIndex(request) : undefined;
    if (explicit !== undefined && explicit >= log.sequencer.size)
      throw new HttpError(
        404,
        'not_found',
        `couldn't read after entry ${explicit}: the log has ${log.sequencer.size} entries`,
      );
    const wf = workflowFor(ctx);
    // The caller's own acknowledged writes; a bad credential is the route's to refuse.
    let user: string | undefined;
    try {
      const c = await auth.caller(request);
      user = c.user?.id;
    } catch {
      user = undefined;
    }
    const own = user === undefined ? undefined : ackedTo(wf, log.slug, user);
    const index = Math.max(explicit ?? -1, own ?? -1);
    let applied = wf.appliedAtLeast(log.slug);
    if (index >= applied) {
      const until = Date.now() + READ_AFTER_WAIT_MS;
      while ((applied = await wf.applied(log.slug)) <= index) {
        if (Date.now() > until)
          throw new HttpError(
            503,
            'overloaded',
            `couldn't read after entry ${index}: the read model is behind, retry shortly`,
          );
        await caughtUp(wf, log.slug);
      }
    }
    if (user !== undefined) ackSeen(wf, log.slug, user, applied);
    void reply.header(APPLIED_HEADER, String(applied));
  });
}
