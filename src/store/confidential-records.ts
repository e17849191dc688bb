// Confidential records (issue 4, item 6): the private half of a commitment a party filed through
// POST …/confidential (src/server/pipeline/confidential.ts), its exact signed entry text and salt
// in wf_confidential. Not derived from the log — the read model's only input besides it — so a
// rebuild keeps these rows and projects each commitment's record from them (WorkflowStore.applyEntry).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './store.js';
import type { WorkflowTables } from './workflow-schema.js';

export class ConfidentialRecords {
  constructor(
    private readonly db: Kysely<Database & WorkflowTables>,
    private readonly store: Store,
  ) {}

  /** Stores a confidential record (its exact signed entry text and salt) under its commitment id. */
  async put(
    mission: string,
    row: { commitment: string; side: string; salt: string; entry: string; createdAt: string },
  ): Promise<void> {
    await this.db
      .insertInto('wf_confidential')
      .values({
        mission,
        commitment: row.commitment,
        side: row.side,
        salt: row.salt,
        entry: row.entry,
        created_at: row.createdAt,
      })
      .execute();
  }

  /** Removes a private record whose commitment never reached the log. */
  async delete(mission: string, commitment: string): Promise<void> {
    const logged = await this.store.getEntryById(mission, commitment);
    if (logged) return;
    await this.db
      .deleteFrom('wf_confidential')
      .where('mission', '=', mission)
      .where('commitment', '=', commitment)
      .execute();
  }

  /**
   * The confidential filings of one side (or of every side: `side` null), newest first, with
   * their commitment's log index and reveal: the console's list of "my side's confidential
   * records" in one query (it read each public commitment entry to tell a filing from the log's
   * own seals, which are not in this table). A commitment not yet projected is left out.
   */
  async list(
    mission: string,
    side: string | null,
    limit = 1000,
  ): Promise<
    {
      commitment: string;
      index: number;
      side: string;
      createdAt: string;
      revealedIndex: number | null;
      /** The record's exact signed entry text (what GET …/confidential/<id> gives, less the salt). */
      entry: string;
    }[]
  > {
    let q = this.db
      .selectFrom('wf_confidential as c')
      .innerJoin('wf_commitments as m', (j) =>
        j.onRef('m.mission', '=', 'c.mission').onRef('m.id', '=', 'c.commitment'),
      )
      .select(['c.commitment', 'm.idx', 'c.side', 'c.created_at', 'm.revealed_idx', 'c.entry'])
      .where('c.mission', '=', mission);
    if (side !== null) q = q.where('c.side', '=', side);
    const rows = await q.orderBy('m.idx', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      commitment: r.commitment,
      index: r.idx,
      side: r.side,
      createdAt: r.created_at,
      revealedIndex: r.revealed_idx,
      entry: r.entry,
    }));
  }

  /** The private record behind a commitment, for its side, analysts and mediators. */
  async get(
    mission: string,
    commitment: string,
  ): Promise<{ side: string; salt: string; entry: string } | undefined> {
    return this.db
      .selectFrom('wf_confidential')
      .select(['side', 'salt', 'entry'])
      .where('mission', '=', mission)
      .where('commitment', '=', commitment)
      .executeTakeFirst();
  }
}
