// The state of a mission a read reflects, cheaply: the read model's applied index (how much of the
// log the projection has applied, wf_state.applied) and the latest published checkpoint (which
// gives entries their log time, hence deadlines and `loggedAt` in the views). Every view of the
// read API is a function of these, the caller, the URL and — for the few that read the clock —
// the time; so they name a representation and an entity tag can be made of them before any view
// is built.
//
// Asking the database on every request would cost a query per conditional GET. Instead the last
// applied index read is kept, and trusted without a query while it equals the sequencer's
// integrated size: the projection only applies integrated entries and its index never goes back,
// so when the kept value has reached the integrated size it is exactly the current value. Only
// while the projection is behind the log (just after a batch) does a request read wf_state; and it
// is read again at least every REREAD_MS whatever the sizes, in case the index moved by a way this
// process's sequencer does not see (it lost its lock to another process, a rebuild).
//
// An index read BEFORE the view is built may be older than the view (the projection may move in
// between) but never newer; a later request that presents it then matches only if the index has
// not moved, in which case the view it holds was built at that very index. So an early read is
// safe: it can cost a full answer, never a wrong 304.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app.js';
import type { PublishedCheckpoint } from '../../log/sequencer.js';
import { workflowFor } from '../workflow/context.js';

export interface ReadVersion {
  /** Log entries the read model has applied. */
  applied: number;
  /** The latest published checkpoint's size and a digest of its note ("-" before the first). */
  checkpoint: string;
}

/** The longest a kept applied index is trusted without reading it again. */
export const REREAD_MS = 1000;

export class ReadVersions {
  private readonly applied = new Map<string, { index: number; readAt: number }>();
  private readonly notes = new WeakMap<PublishedCheckpoint, string>();

  constructor(private readonly ctx: AppContext) {}

  async of(slug: string): Promise<ReadVersion> {
    const seq = this.ctx.logs?.get(slug)?.sequencer;
    const checkpoint = this.checkpointPart(seq?.latest());
    const kept = this.applied.get(slug);
    const now = Date.now();
    // Without a running log here (another process sequences it) there is no bound to trust.
    if (kept && seq && kept.index === seq.size && now - kept.readAt < REREAD_MS)
      return { applied: kept.index, checkpoint };
    const applied = await workflowFor(this.ctx).applied(slug);
    this.applied.set(slug, { index: applied, readAt: now });
    return { applied, checkpoint };
  }

  /** A checkpoint is a new object each time one is published (a retry for witnesses too). */
  private checkpointPart(cp: PublishedCheckpoint | undefined): string {
    if (!cp) return '-';
    let part = this.notes.get(cp);
    if (part === undefined) {
      const digest = createHash('sha256').update(cp.note).digest('base64url').slice(0, 8);
      part = `${cp.size}.${digest}`;
      this.notes.set(cp, part);
    }
    return part;
  }
}
