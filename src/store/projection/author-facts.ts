// The facts the workflow rules read for every entry, kept in memory (issue 12, item 2): an entry's
// author's row of wf_authors (user, organisation, role; none when unknown or revoked). Only `key`
// and `mission` entries change wf_authors (admission-keys.ts), so a row read once stays right until
// the projection applies one of those: while a chunk holding one is being applied, reads bypass the
// cache (the transaction's view and the committed one differ), and the cache is emptied when it
// ends, committed or not. Another process applying the log, or a rebuild, empties it too.
import type { Role } from '../../core/records/mission.js';

export interface AuthorRow {
  author: string;
  user: string;
  org: string;
  role: string;
}

/** Most authors remembered per mission (a mission has a few hundred keys; a bound, not a goal). */
const MAX_AUTHORS = 10_000;

export class AuthorFacts {
  private readonly rows = new Map<string, Map<string, AuthorRow | null>>();
  private readonly suspended = new Map<string, number>();

  /** The author's row, read with `load` only when not remembered. */
  async get(
    mission: string,
    author: string,
    load: () => Promise<AuthorRow | undefined>,
  ): Promise<(AuthorRow & { role: Role | string }) | undefined> {
    if (this.suspended.get(mission)) return load();
    let byAuthor = this.rows.get(mission);
    const known = byAuthor?.get(author);
    if (known !== undefined) return known ?? undefined;
    const row = await load();
    // Suspended or forgotten while the query ran: the answer may predate the change.
    if (this.suspended.get(mission) || this.rows.get(mission) !== byAuthor) return row;
    if (!byAuthor) this.rows.set(mission, (byAuthor = new Map()));
    if (byAuthor.size >= MAX_AUTHORS) byAuthor.clear();
    byAuthor.set(author, row ?? null);
    return row;
  }

  /** Runs `apply` (a projection step that may change authors) with the cache bypassed, then empties it. */
  async changing<T>(mission: string, apply: () => Promise<T>): Promise<T> {
    this.suspended.set(mission, (this.suspended.get(mission) ?? 0) + 1);
    this.forget(mission);
    try {
      return await apply();
    } finally {
      const n = (this.suspended.get(mission) ?? 1) - 1;
      if (n === 0) this.suspended.delete(mission);
      else this.suspended.set(mission, n);
      this.forget(mission);
    }
  }

  /** Forgets every remembered row of the mission. */
  forget(mission: string): void {
    this.rows.delete(mission);
  }
}
