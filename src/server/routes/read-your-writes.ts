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
