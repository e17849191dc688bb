// What the read API answers (issue 12, item 3: view types in a zod-free module): the shapes of
// incidents, records, allegations and crossings as the read model builds them
// (src/store/workflow-store.ts) and the web app reads them (web/ imports src/core only), so the
// two cannot drift apart. Types only: nothing here runs.
import type { IncidentStatus } from '../records/workflow.js';

export interface IncidentRow {
  id: string;
  /** Log index of the entry that opened it. */
  index: number;
  title: string;
  type: string;
  status: IncidentStatus;
  date: string;
  timePrecision: number;
  location: {
    name: string;
    admin1?: string | null;
    admin2?: string | null;
    country: string;
    lat: number;
    lon: number;
    geo_precision: number;
  };
  fatalities: number | null;
  /** Organisations involved: reporting, accused or attributed. */
  parties: string[];
  /** The finding's verdict and attribution: released ones for everyone, drafts for analysts and mediators. */
  verdict: string | null;
  attribution: string | null;
  releasedIndex: number | null;
}

export interface RecordView {
  id: string;
  index: number;
  kind: string;
  author: string;
  org: string | null;
  role: string | null;
  /** The author's signed time: a claim, shown as claimed. */
  at: string;
  /** Log time: when the witness quorum attests the first checkpoint covering it (null: not yet). */
  loggedAt: string | null;
  body: unknown;
  /** The commitment a confidential record was filed under (its index is the commitment's). */
  commitment: string | null;
  confidential: boolean;
  refused: string | null;
  supersededBy: string | null;
  /**
   * Sealed at filing (issue 9, finding 2): the log holds the log-signed commitment at
   * `commitmentIndex` (= `index`) in its place, and, once its incident is released, the log-signed
   * reveal at `revealIndex` that opens it (null while sealed). Absent: the record itself is the leaf.
   */
  sealed?: { commitment: string; commitmentIndex: number; revealIndex: number | null };
}

export type DeadlineStatus = 'answered' | 'answered_late' | 'pending' | 'missed';

/**
 * An allegation and its response deadline. Deadlines run on log time (the witness quorum's time for
 * the first checkpoint covering the entry, src/tlog/witness-time.ts), never on the signed `at`,
 * which is the author's claim: a back-dated allegation does not start the clock early, and a
 * response signed inside the window but logged after it is late.
 */
export interface AllegationView {
  id: string;
  by: string;
  accused: string;
  terms: string[];
  /** The allegation's signed time, as claimed. */
  at: string;
  /** Its log time; the deadline starts here (null: not yet covered by a cosigned checkpoint). */
  loggedAt: string | null;
  /** loggedAt + the mission's responseDeadlineHours (null until loggedAt is known). */
  responseDue: string | null;
  response: string | null;
  /** The response's signed time, as claimed. */
  respondedAt: string | null;
  /** The response's log time (null: no response, or not yet covered by a cosigned checkpoint). */
  responseLoggedAt: string | null;
  /**
   * answered / answered_late: the response's log time is at or before / after responseDue;
   * pending: the deadline has not passed, or is not yet known, or the response is not yet logged;
   * missed: no response and the deadline has passed.
   */
  deadline: DeadlineStatus;
}

export interface IncidentDetail extends IncidentRow {
  allegations: AllegationView[];
  tasks: {
    id: string;
    assignee: string;
    kind: string;
    open: boolean;
    outcome: string | null;
    deniedBy: string | null;
  }[];
  findings: {
    id: string;
    status: string;
    verdict: string;
    attribution: string;
    termsViolated: string[];
    endorsers: string[];
  }[];
  records: RecordView[];
}

export interface CrossingView {
  crossing: string;
  name: string;
  lat: number;
  lon: number;
  /** The official status: the latest entry of the mission's crossing authorities. */
  current: CrossingStatusView | null;
  /** Official statuses, newest first. */
  history: CrossingStatusView[];
  /**
   * Other authors' crossing entries (parties' reports), newest first: claims, which set no status.
   * Shown to the claim's own organisation, analysts, mediators and administrators.
   */
  claims: CrossingStatusView[];
}
export interface CrossingStatusView {
  id: string;
  index: number;
  status: string;
  effectiveAt: string;
  org: string;
  cause: string;
  trucksPerDay?: number;
  tradeLossUsdPerDay?: number;
  peoplePerDay?: number;
}
