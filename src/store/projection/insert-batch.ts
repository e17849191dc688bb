// The projection's inserts gathered into multi-row statements (issue 12: the read model follows the
// log in large transactions). A flood of reports made two single-row kysely inserts per entry
// (its wf_records row and its wf_reports row), each compiled, prepared and run on its own: about
// 90 µs of the server's CPU per entry. An entry that only adds rows (see `appendOnly` in
// workflow-store.ts's caller) may leave its rows here; they go out as one statement per table
// before anything reads the read model again: `beginEntry(false)` for an entry that may read or
// update rows flushes first, and the transaction flushes before it commits. Rows keep their order
// within each table, so the read model is exactly what per-entry inserts made (the rebuild tests
// compare them).
import type { Insertable } from 'kysely';
import type { Tx } from './context.js';
import type { Database } from '../schema.js';
import type { WorkflowTables } from '../workflow-schema.js';

type Tables = Database & WorkflowTables;
type BatchedTable = 'wf_records' | 'wf_reports';

interface Pending<T extends BatchedTable> {
  rows: Insertable<Tables[T]>[];
  /** Columns of a unique key whose conflicts are ignored (ON CONFLICT DO NOTHING), if any. */
  ignoreConflictOn?: readonly string[];
}

// SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay well under both.
const MAX_VALUES_PER_STATEMENT = 16_000;

const batches = new WeakMap<Tx, InsertBatch>();

export class InsertBatch {
  private readonly pending = new Map<BatchedTable, Pending<BatchedTable>>();
  private deferring = false;

  private constructor(private readonly tx: Tx) {}

  /** The batch of a projection transaction (created by `open`), if it has one. */
  static of(tx: Tx): InsertBatch | undefined {
    return batches.get(tx);
  }

  /** Gives `tx` a batch; call `close` before the transaction commits. */
  static open(tx: Tx): InsertBatch {
    const b = new InsertBatch(tx);
    batches.set(tx, b);
    return b;
  }

  /**
   * Called before each entry is applied. An entry that only adds rows (`appendOnly`) may leave them
   * pending; any other entry first sees every earlier entry's rows written, and writes its own at
   * once.
   */
  async beginEntry(appendOnly: boolean): Promise<void> {
    if (!appendOnly) await this.flush();
    this.deferring = appendOnly;
  }

  /** Inserts a row now, or later in one statement with its neighbours (see beginEntry). */
  async insert<T extends BatchedTable>(
    table: T,
    row: Insertable<Tables[T]>,
    ignoreConflictOn?: readonly string[],
  ): Promise<void> {
    if (!this.deferring) return insertRows(this.tx, table, [row], ignoreConflictOn);
    let p = this.pending.get(table) as Pending<T> | undefined;
    if (p && String(p.ignoreConflictOn) !== String(ignoreConflictOn)) {
      await this.flush(); // another conflict rule: keep statement order, never merge the two
      p = undefined;
    }
    if (!p) {
      p = { rows: [], ignoreConflictOn };
      this.pending.set(table, p as unknown as Pending<BatchedTable>);
    }
    p.rows.push(row);
  }

  /** Writes every pending row, a table at a time in the order the tables were first used. */
  async flush(): Promise<void> {
    for (const [table, p] of this.pending) {
      this.pending.delete(table);
      await insertRows(this.tx, table, p.rows, p.ignoreConflictOn);
    }
  }

  /** Flushes and detaches the batch from its transaction. */
  async close(): Promise<void> {
    await this.flush();
    this.deferring = false;
    batches.delete(this.tx);
  }
}

/** One multi-row INSERT per chunk of rows (all rows of a table have the same columns). */
async function insertRows<T extends BatchedTable>(
  tx: Tx,
  table: T,
  rows: Insertable<Tables[T]>[],
  ignoreConflictOn?: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length || 1;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    // kysely's types cannot follow a table chosen at run time; the row types above are checked.
    const q = tx
      .insertInto(table as 'wf_records')
      .values(chunk as Insertable<Tables['wf_records']>[]);
    await (
      ignoreConflictOn ? q.onConflict((oc) => oc.columns(ignoreConflictOn as never).doNothing()) : q
    ).execute();
  }
}

/** Inserts one row through the transaction's batch when it has one, else at once. */
export async function insertProjected<T extends BatchedTable>(
  tx: Tx,
  table: T,
  row: Insertable<Tables[T]>,
  ignoreConflictOn?: readonly string[],
): Promise<void> {
  const batch = InsertBatch.of(tx);
  if (batch) return batch.insert(table, row, ignoreConflictOn);
  return insertRows(tx, table, [row], ignoreConflictOn);
}
