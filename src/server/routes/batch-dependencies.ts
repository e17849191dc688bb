// When an entry of a batch may be judged by the workflow rules before the batch's earlier entries
// are in the read model. The rules (src/core/workflow/rules.ts `decide`) read only: the author's
// key row (wf_authors, changed by `key` and `mission` entries) and the records the entry names
// (`referencesOf`: reports, incidents, tasks, findings, commitments, superseded entries, users).
// So an entry Y must first see its batch's pending entries P applied when:
//  - some P is a `key` or `mission` entry (it may change any author's standing), or
//  - Y names records, and some P names records too or is a commitment, reveal or correction (their
//    effects reach records beyond their own id: an endorsement moves its finding's incident, a
//    closed task its incident, a commitment may apply a confidential record), or
//  - Y names a P itself (a response to an allegation earlier in the batch).
// A P that names nothing (a new report, article, crossing, an incident opened without reports)
// creates only rows under its own id, which a Y that does not name it never reads. With P's decision
// known, "names records" narrows to "names a record P changes" (effectsOf).
import type { Envelope } from '../../core/envelope.js';
import type { Accepted } from '../../core/workflow/decision.js';
import { referencesOf } from '../../core/workflow/rules.js';

export const CHANGES_AUTHORS = new Set(['key', 'mission']);
/** Kinds whose rules read the whole mission's state, not only the records they name. */
export const READS_WHOLE_MISSION = new Set(['penalty']);
export const REACHES_BEYOND_REFS = new Set([
  'key',
  'mission',
  'commitment',
  'reveal',
  'correction',
]);

export function namedIds(env: Pick<Envelope, 'kind' | 'body'>): string[] {
  const r = referencesOf(env);
  return [
    ...r.reports,
    ...r.incidents,
    ...r.tasks,
    ...r.findings,
    ...r.commitments,
    ...r.entries,
    ...r.users,
  ];
}

/** What an accepted entry may change, for the entries judged after it. */
export interface Effects {
  /** The records whose facts it changes: its own, those it names, and the rules' state moves. */
  ids: string[];
  /** A key or mission entry: any author's standing. */
  changesAuthors: boolean;
  /**
   * Its reach is not known record by record (commitments, reveals, corrections, or an entry whose
   * decision is not known): every later entry that names records waits for it.
   */
  reachesAnyRecord: boolean;
}

/**
 * The effects of an entry the rules accepted. With its decision, they are exact: the projection
 * (src/store/projection/) changes only the rows of the entry itself, of the records it names, and of
 * the incident and finding the decision moves (an endorsement moves its finding's incident, which
 * it does not name). Without the decision, any record may be reached.
 */
export function effectsOf(env: Envelope, accepted?: Accepted): Effects {
  const named = namedIds(env);
  const moved = accepted
    ? [accepted.incident?.id, accepted.finding?.id, accepted.withdrawn].filter(
        (id): id is string => id !== undefined,
      )
    : [];
  return {
    ids: [env.id, ...named, ...moved],
    changesAuthors: CHANGES_AUTHORS.has(env.kind),
    reachesAnyRecord:
      REACHES_BEYOND_REFS.has(env.kind) || (accepted === undefined && named.length > 0),
  };
}

/** The batch's entries appended but not yet applied to the read model. */
export class PendingEntries {
  private readonly ids = new Set<string>();
  private count = 0;
  private changesAuthors = false;
  private reachesAnyRecord = false;

  get size(): number {
    return this.count;
  }

  /** An accepted entry (with its decision, when known: its effects are then exact). */
  add(env: Envelope, accepted?: Accepted): void {
    const e = effectsOf(env, accepted);
    this.count++;
    for (const id of e.ids) this.ids.add(id);
    if (e.changesAuthors) this.changesAuthors = true;
    if (e.reachesAnyRecord) this.reachesAnyRecord = true;
  }

  /** Whether `env` must wait for the pending entries to be applied before it is judged. */
  mustWait(env: Envelope): boolean {
    if (this.count === 0) return false;
    if (this.changesAuthors) return true;
    // A penalty is judged on every released finding and penalty of the mission (penalties.ts).
    if (READS_WHOLE_MISSION.has(env.kind)) return true;
    const named = namedIds(env);
    if (named.length === 0) return false;
    return this.reachesAnyRecord || named.some((id) => this.ids.has(id));
  }

  /** The pending entries are now in the read model. */
  clear(): void {
    this.ids.clear();
    this.count = 0;
    this.changesAuthors = false;
    this.reachesAnyRecord = false;
  }
}
