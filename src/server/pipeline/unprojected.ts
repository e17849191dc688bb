// Entries the log has integrated and acknowledged but the read model may not have applied yet
// (issue 12, item 2: an acknowledgement sent before the projection). The rules judge every entry
// against everything logged before it, so an entry that could read what such an entry changes
// (the dependency rule of ../routes/batch-dependencies.ts: key and mission entries change authors;
// entries naming records, and commitments, reveals and corrections, change named records; and an
// entry naming one of them depends on it) waits for the read model to pass them before it is judged.
// Entries that depend on none are judged at once. One tracker per log, shared by every request.
import type { Envelope } from '../../core/envelope.js';
import type { MissionLog } from '../../log/service.js';
import type { WorkflowStore } from '../../store/workflow-store.js';
import type { Accepted } from '../../core/workflow/decision.js';
import { effectsOf, namedIds, type Effects } from '../routes/batch-dependencies.js';

interface Item {
  index: number;
  effects: Effects;
}

/** Past this many tracked entries, the tracker asks the read model where it stands. */
const SETTLE_AT = 4096;

export class UnprojectedEntries {
  private items: Item[] = [];
  private ids = new Set<string>();
  /** How many tracked entries change authors / reach any record: mustWait is O(named), not O(items). */
  private changingAuthors = 0;
  private reachingAnyRecord = 0;
  private settling: Promise<void> | undefined;

  constructor(
    private readonly wf: WorkflowStore,
    private readonly slug: string,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /**
   * An entry (for a sealed one, the entry it hides) is integrated at `index`; with its decision,
   * its effects are exact (../routes/batch-dependencies.ts effectsOf).
   */
  add(env: Envelope, index: number, accepted?: Accepted): void {
    const effects = effectsOf(env, accepted);
    this.items.push({ index, effects });
    for (const id of effects.ids) this.ids.add(id);
    if (effects.changesAuthors) this.changingAuthors++;
    if (effects.reachesAnyRecord) this.reachingAnyRecord++;
    if (this.items.length >= SETTLE_AT && !this.settling)
      this.settling = this.settle().finally(() => (this.settling = undefined));
  }

  /** Whether `env` may read something an unapplied entry changes. */
  mustWait(env: Envelope): boolean {
    if (this.items.length === 0) return false;
    if (this.changingAuthors > 0) return true;
    const named = namedIds(env);
    if (named.length === 0) return false;
    return this.reachingAnyRecord > 0 || named.some((id) => this.ids.has(id));
  }

  /** Forgets the entries the read model has applied. */
  async settle(): Promise<void> {
    const applied = await this.wf.applied(this.slug);
    this.items = this.items.filter((i) => i.index >= applied);
    this.ids = new Set(this.items.flatMap((i) => i.effects.ids));
    this.changingAuthors = this.items.filter((i) => i.effects.changesAuthors).length;
    this.reachingAnyRecord = this.items.filter((i) => i.effects.reachesAnyRecord).length;
  }
}

const trackers = new WeakMap<MissionLog, UnprojectedEntries>();

export function unprojectedOf(wf: WorkflowStore, log: MissionLog): UnprojectedEntries {
  let t = trackers.get(log);
  if (!t) trackers.set(log, (t = new UnprojectedEntries(wf, log.slug)));
  return t;
}
