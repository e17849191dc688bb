// What projecting one entry kind into the read model needs (issue 12, item 3: entry kinds as
// modules): the accepted entry with its parsed body, the facts the rules judged it on, where it is
// in the log, and the few shared operations of the read model. Each kind has its module in this
// folder; index.ts gathers them in a table the compiler checks for completeness. The shared steps
// (the wf_records row, the state machine's moves) stay in WorkflowStore.applyDecided.
import type { Transaction } from 'kysely';
import type { EnvelopeOf } from '../../core/envelope.js';
import type { BodyOf, EntryKind } from '../../core/records/kinds.js';
import type { Facts } from '../../core/workflow/rules.js';
import type { Database } from '../schema.js';
import type { WorkflowTables } from '../workflow-schema.js';

export type Tx = Transaction<Database & WorkflowTables>;

/** Read-model operations several kinds share (WorkflowStore's own). */
export interface ProjectionOps {
  /** Puts reports into an incident and refreshes what the incident shows of them. */
  linkReports(tx: Tx, mission: string, incident: string, reports: string[]): Promise<void>;
  /** Adds organisations to an incident's involved organisations. */
  addOrgs(tx: Tx, mission: string, incident: string, add: string[]): Promise<void>;
  /** The mission's number in SQLite list keys. */
  missionNo(mission: string): Promise<number>;
  /** SQLite list key of an incident (FTS5 rowid, R*Tree id). */
  listKey(missionNo: number, date: string, idx: number): number;
  /** Applies a correction to the rows its target derived. */
  applyCorrection(tx: Tx, mission: string, env: EnvelopeOf<'correction'>): Promise<void>;
}

export interface ProjectionContext<K extends EntryKind> {
  tx: Tx;
  mission: string;
  env: EnvelopeOf<K>;
  /** `env.body` (the same object). */
  body: BodyOf<K>;
  facts: Facts;
  meta: { idx: number; receivedAt: string };
  /** The author's organisation. */
  org: string;
  /** The incident the entry belongs to (null: none). */
  incident: string | null;
  dialect: 'sqlite' | 'postgres';
  ops: ProjectionOps;
}

export interface KindProjection<K extends EntryKind> {
  /** The rows an accepted entry of this kind adds or changes (none: only its wf_records row). */
  apply?(c: ProjectionContext<K>): Promise<void>;
}
