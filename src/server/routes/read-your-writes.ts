// Read your writes on the POST entries paths: once its entry is integrated, a request waits until
// the read model has applied it. Hundreds of requests in flight each asking the read model to catch
// up would run hundreds of catch-ups one after another (each costs queries even with nothing to
// apply); a catch-up that starts after a request's entry was integrated covers that entry, so each
// request joins the one catch-up queued behind the running one, or starts one if none runs.
import type { WorkflowStore } from '../../store/workflow-store.js';

interface Lane {
  running: Promise<void> | undefined;
  queued: Promise<void> | undefined;
}
const lanes = new WeakMap<WorkflowStore, Map<string, Lane>>();

/** Resolves once a catch-up that started after this call has finished. */
export function caughtUp(wf: WorkflowStore, slug: string): Promise<void> {
  let bySlug = lanes.get(wf);
  if (!bySlug) lanes.set(wf, (bySlug = new Map()));
  let lane = bySlug.get(slug);
  if (!lane) bySlug.set(slug, (lane = { running: undefined, queued: undefined }));
  const l = lane;
  if (l.queued) return l.queued; // not started yet: it will start after this call
  const start = (): Promise<void> => {
    const run = wf.catchUp(slug).finally(() => {
      if (l.running === run) l.running = undefined;
    });
    l.running = run;
    return run;
  };
  if (!l.running) return start();
  const queued = l.running
    .catch(() => {})
    .then(() => {
      l.queued = undefined;
      return start();
    });
  l.queued = queued;
  return queued;
}

// Read your writes without asking (issue 12, item 2): the default acknowledgement no longer waits
// for the read model, so the server remembers, per mission and signed-in user (any of the user's
// tokens or sessions), the highest log index it acknowledged to them; that user's later reads of
// the mission wait until the read model has applied it (read-after.ts). Others read what the read
// model has applied so far, and are told how much that is (the Truceline-Applied header).

/** Past this many remembered users per mission, the oldest are forgotten (their writes are old). */
const MAX_WRITERS = 10_000;

const acked = new WeakMap<object, Map<string, Map<string, number>>>();

function writersOf(owner: object, slug: string): Map<string, number> {
  let bySlug = acked.get(owner);
  if (!bySlug) acked.set(owner, (bySlug = new Map()));
  let w = bySlug.get(slug);
  if (!w) bySlug.set(slug, (w = new Map()));
  return w;
}

/** The entry at `index` was acknowledged to `user` (kept per `owner`, the app's read model). */
export function rememberAck(owner: object, slug: string, user: string, index: number): void {
  const w = writersOf(owner, slug);
  const prev = w.get(user);
  if (prev !== undefined && prev >= index) return;
  w.delete(user); // re-inserted last: the map's order is the order of latest writes
  w.set(user, index);
  if (w.size > MAX_WRITERS) w.delete(w.keys().next().value!);
}

/** The highest index acknowledged to `user` that the read model may not have applied yet. */
export function ackedTo(owner: object, slug: string, user: string): number | undefined {
  return acked.get(owner)?.get(slug)?.get(user);
}

/** The read model has applied `user`'s acknowledged writes up to `applied` (exclusive). */
export function ackSeen(owner: object, slug: string, user: string, applied: number): void {
  const w = acked.get(owner)?.get(slug);
  const index = w?.get(user);
  if (w && index !== undefined && index < applied) w.delete(user);
}
