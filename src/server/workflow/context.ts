// The workflow read model of a running server: one WorkflowStore per app, kept up to date with every
// mission's log (brought up to date at start, then after each integrated batch, each time followed
// by the reveals a release calls for), and the viewer a caller reads as.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC_VIEWER, WorkflowStore, type Viewer } from '../../store/workflow-store.js';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { HttpError } from '../http-errors.js';
import { SlugSchema } from '../../core/records/mission.js';
import { revealReleased } from '../pipeline/reveal-released.js';

const instances = new WeakMap<AppContext, WorkflowStore>();
/** Missions are never deleted: once found, a slug stays valid. */
const known = new Set<string>();

/** The app's workflow store (one per AppContext, shared by every route). */
export function workflowFor(ctx: AppContext): WorkflowStore {
  let w = instances.get(ctx);
  if (!w) {
    w = new WorkflowStore(ctx.store);
    instances.set(ctx, w);
  }
  return w;
}

/**
 * Keeps the read model following the logs: catches up when the server is ready and after every
 * integrated batch; stops following when the server closes (what is left is applied at the next
 * start, since wf_state.applied says where the projection stands).
 */
export function followLogs(app: FastifyInstance, ctx: AppContext): void {
  const wf = workflowFor(ctx);
  const unsubscribe: (() => void)[] = [];
  const pending = new Set<Promise<void>>();
  /** After a batch; `reveal`: it holds a release or a sealed entry, so reveals may be due. */
  const run = (slug: string, reveal: boolean) => {
    const log = ctx.logs?.get(slug);
    const p = wf
      .catchUp(slug)
      .then(() => (reveal && log ? revealReleased(wf, log) : undefined))
      .then(
        () => {},
        (err: unknown) => {
          app.log.error({ err }, `couldn't update the read model of ${slug}`);
        },
      );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  app.addHook('onReady', async () => {
    for (const [slug, log] of ctx.logs ?? []) {
      await wf.catchUp(slug);
      // Repair: reveals a crash cut off between a release and the reveals it calls for.
      await revealReleased(wf, log);
      // Reveals are due only after a release, or a sealed record joining a released incident:
      // other batches skip the reveal query.
      unsubscribe.push(
        log.sequencer.onIntegrated((_m, batch) =>
          run(
            slug,
            batch.some((e) => e.entry.kind === 'release' || e.entry.sealed !== undefined),
          ),
        ),
      );
    }
  });
  app.addHook('onClose', async () => {
    for (const u of unsubscribe) u();
    await Promise.all([...pending]);
  });
}

/** What a request may read of a mission: its caller's role and side, or the public's. */
export async function viewerOf(
  ctx: AppContext,
  request: FastifyRequest,
  slug: string,
): Promise<Viewer> {
  const c = await authFor(ctx).caller(request);
  if (!c.user || c.role === 'public' || c.mission !== slug) return PUBLIC_VIEWER;
  return { role: c.role, org: c.org ?? c.user.org, user: c.user.name };
}

/** The mission's slug, checked: 400 when malformed, 404 when there is no such mission. */
export async function requireMission(ctx: AppContext, slug: string): Promise<string> {
  if (!SlugSchema.safeParse(slug).success)
    throw new HttpError(400, 'schema', `couldn't read mission: "slug" is not a mission slug`, {
      issues: [{ path: 'slug', message: 'not a mission slug' }],
    });
  if (known.has(slug)) return slug;
  if (!(await ctx.store.getMission(slug)))
    throw new HttpError(404, 'not_found', `couldn't find mission ${slug}`);
  known.add(slug);
  return slug;
}
