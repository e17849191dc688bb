// Read your own writes, said explicitly (issue 12, item 2): an entry may be acknowledged before the
// read model has applied it (`POST …/entries?ack=integrated`), so a read that must see it sends
// `Truceline-Read-After: <log index>` and is answered once the mission's read model has applied
// that entry (or 503 with Retry-After if it has not within READ_AFTER_WAIT_MS). An onRequest hook
// registered before the HTTP cache's, so an ETag is computed on the state the read waited for.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';
import { caughtUp } from './read-your-writes.js';

export const READ_AFTER_HEADER = 'truceline-read-after';
const READ_AFTER_WAIT_MS = 10_000;
const MISSION_PATH = /^\/api\/v1\/missions\/([a-z0-9][a-z0-9-]{1,62})(?:\/|$|\?)/;

export function registerReadAfter(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    const h = request.headers[READ_AFTER_HEADER];
    if (h === undefined || request.method !== 'GET') return;
    if (typeof h !== 'string' || !/^\d{1,15}$/.test(h))
      throw new HttpError(400, 'schema', `couldn't read: ${READ_AFTER_HEADER} is not a log index`, {
        issues: [{ path: READ_AFTER_HEADER, message: 'not a log index' }],
      });
    const slug = MISSION_PATH.exec(request.url)?.[1];
    const log = slug === undefined ? undefined : ctx.logs?.get(slug);
    if (!log) return;
    const index = Number(h);
    if (index >= log.sequencer.size)
      throw new HttpError(
        404,
        'not_found',
        `couldn't read after entry ${index}: the log has ${log.sequencer.size} entries`,
      );
    const wf = workflowFor(ctx);
    const until = Date.now() + READ_AFTER_WAIT_MS;
    while ((await wf.applied(log.slug)) <= index) {
      if (Date.now() > until)
        throw new HttpError(
          503,
          'overloaded',
          `couldn't read after entry ${index}: the read model is behind, retry shortly`,
        );
      await caughtUp(wf, log.slug);
    }
  });
}
