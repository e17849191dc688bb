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
