// What the exports format: one row of the incident list, i.e. the workflow read model's IncidentRow
// (src/store/workflow-store.ts), plus extras a caller may add (actors and accused parties from the
// incident's reports, sources, notes). Every text field is attacker-controlled.
import type { IncidentRow } from '../../store/workflow-store.js';
import type { ExportActor, ExportParty } from './actors.js';

export type { ExportActor, ExportParty } from './actors.js';

export type ExportRow = IncidentRow & {
  /** Actors named by the incident's reports the caller may see, in filing order. */
  actors?: ExportActor[];
  /** Parties the incident's allegations accuse. */
  accused?: string[];
  sources?: string[];
  notes?: string;
};

export interface ExportOptions {
  /** The mission slug (names the default source). */
  mission: string;
  /** ACLED's `timestamp` column (Unix seconds): the log time of the checkpoint the export reflects (routes/exports.ts). */
  generatedAt: Date;
  /** The mission's parties: recognise and name their forces in the actor columns. */
  parties?: readonly ExportParty[];
}
