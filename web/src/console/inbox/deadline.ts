// A response deadline as the inbox shows it (issue 11 item 3): the log's verdict (AllegationView
// `deadline`, judged by log time on the server) and, while it is pending, the time left until
// `responseDue` as a countdown. The countdown is this browser's clock against the log's due time;
// the mark (late, missed) is the server's word, which a wrong local clock cannot change.
import type { DeadlineStatus } from '../../../../src/core/views/read-model.js';

export type DeadlineMark = 'due' | 'overdue' | 'answered' | 'answered_late' | 'missed' | 'unknown';

export interface Countdown {
  mark: DeadlineMark;
  /** Milliseconds until due (negative when past); null without a due time. */
  leftMs: number | null;
}

export function countdown(
  deadline: DeadlineStatus,
  responseDue: string | null,
  nowMs: number,
): Countdown {
  const due = responseDue === null ? NaN : Date.parse(responseDue);
  const leftMs = Number.isNaN(due) ? null : due - nowMs;
  if (deadline === 'answered' || deadline === 'answered_late' || deadline === 'missed')
    return { mark: deadline, leftMs };
  if (leftMs === null) return { mark: 'unknown', leftMs };
  // Pending by the server's last word, but past due by this clock: overdue until it says missed.
  return { mark: leftMs < 0 ? 'overdue' : 'due', leftMs };
}

/** "2 d 3 h", "5 h 12 min", "4 min": the two largest units of a duration. */
export function formatLeft(ms: number, units: { d: string; h: string; min: string }): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const min = total % 60;
  if (d > 0) return `${d} ${units.d} ${h} ${units.h}`;
  if (h > 0) return `${h} ${units.h} ${min} ${units.min}`;
  return `${min} ${units.min}`;
}
