// The period report's shape, as GET …/reports/weekly|period answers it in JSON.
import type { PeriodComparison, PeriodCounts } from './period.js';

export interface PeriodReport {
  mission: string;
  period: { from: string; to: string; days: number };
  previous: { from: string; to: string; counts: PeriodCounts };
  /** When the figures were read. */
  cutOff: string;
  /** The log's latest checkpoint when they were read (its size and cosigning witnesses). */
  checkpoint: { size: number; cosigners: string[] } | null;
  counts: PeriodCounts;
  change: PeriodComparison;
  note: string | null;
}
