// The report's shape, as GET …/reports/daily|weekly|period answers it in JSON (and the HTML and PDF
// render it).
import type { PeriodComparison, PeriodCounts, DayRange } from './period.js';
import type { ReportSections } from './sections.js';

export const REPORT_KINDS = ['daily', 'weekly', 'period'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The log checkpoint the figures were read at: a reader can later check them against that log. */
export interface ReportCheckpoint {
  origin: string;
  size: number;
  /** The tree's root hash, base64, as the checkpoint's third line (c2sp.org/tlog-checkpoint). */
  rootHash: string;
  cosigners: string[];
}

export interface PeriodReport {
  kind: ReportKind;
  mission: string;
  missionName: string;
  period: DayRange & { days: number };
  previous: DayRange & { counts: PeriodCounts };
  /** When the figures were read ("as of"): everything the log held then, for this caller. */
  cutOff: string;
  /** The log's latest checkpoint when they were read (null: the log has none yet). */
  checkpoint: ReportCheckpoint | null;
  /** How many log entries the read model had applied when they were read. */
  entriesApplied: number;
  /** Whose view this is: 'public' sees released incidents only. */
  readAs: string;
  counts: PeriodCounts;
  change: PeriodComparison;
  sections: ReportSections;
  note: string | null;
}
