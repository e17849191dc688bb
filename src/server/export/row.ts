// What the exports format: one row of the incident list, i.e. the workflow read model's IncidentRow
// (src/store/workflow-store.ts), plus extras a caller may add (actors, sources, notes). Every text
// field is attacker-controlled.
import type { IncidentRow } from '../../store/workflow-store.js';

export interface ExportActor {
  name: string;
  /** ACLED inter code 1–8. */
  inter: number;
}

export type ExportRow = IncidentRow & {
  actors?: ExportActor[];
  sources?: string[];
  notes?: string;
};

export interface ExportOptions {
  /** The mission slug (names the default source). */
  mission: string;
  /** When the export was made: ACLED's `timestamp` column (Unix seconds). */
  generatedAt: Date;
}
