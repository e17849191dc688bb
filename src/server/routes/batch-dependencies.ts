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
// creates only rows under its own id, which a Y that does not name it never reads.
import type { Envelope } from '../../core/envelope.js';
import { referencesOf } from '../../core/workflow/rules.js';

export const CHANGES_AUTHORS = new Set(['key', 'mission']);
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

/** The batch's entries appended but not yet applied to the read model. */
export class PendingEntries {
  private readonly ids = new Set<string>();
  private changesAuthors = false;
  private changesNamedRecords = false;

  get size(): number {
    return this.ids.size;
  }

  add(env: Envelope): void {
    this.ids.add(env.id);
    if (CHANGES_AUTHORS.has(env.kind)) this.changesAuthors = true;
    if (REACHES_BEYOND_REFS.has(env.kind) || namedIds(env).length > 0)
      this.changesNamedRecords = true;
  }

  /** Whether `env` must wait for the pending entries to be applied before it is judged. */
  mustWait(env: Envelope): boolean {
    if (this.ids.size === 0) return false;
    if (this.changesAuthors) return true;
    const named = namedIds(env);
    if (named.length === 0) return false;
    return this.changesNamedRecords || named.some((id) => this.ids.has(id));
  }

  /** The pending entries are now in the read model. */
  clear(): void {
    this.ids.clear();
    this.changesAuthors = false;
    this.changesNamedRecords = false;
  }
}
