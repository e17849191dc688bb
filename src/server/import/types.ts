// What an importer makes of one source row: the report an analyst files for it (labelled with its
// source) and the incident that groups it, or the reasons the row cannot be imported. A bad row
// never stops the good ones: each row is judged alone.
import type { BodyOf } from '../../core/records/kinds.js';

export interface RowError {
  /** The row's line in the file (1 = the header); for GeoJSON, the feature's position from 1. */
  line: number;
  /** The source column (or property) that is wrong; '' for the row as a whole. */
  field: string;
  reason: string;
}

export interface ImportedEvent {
  line: number;
  /** The source's own event id ("acled:PAK1234", "ucdp-ged:59553"): the basis of idempotence. */
  sourceKey: string;
  report: BodyOf<'report'>;
}

export type RowResult = { ok: true; event: ImportedEvent } | { ok: false; errors: RowError[] };

/** A mission party, to recognise its forces among the source's actors. */
export interface ImportParty {
  code: string;
  name: string;
}

export interface ImportContext {
  /** Names the file in every report's sources ("ACLED CSV conflict.csv"). */
  label: string;
  parties: readonly ImportParty[];
}
