// The incident state machine (issue 4, item 2):
//   reported → under_review → investigating → finding_drafted → endorsed → released
// plus `closed` (no finding: withdrawn, duplicate, out of scope). Analysts move an incident by hand
// only between the first three steps and to closed; finding, endorsement and release entries move
// it through the rest, so a release can never happen without k-of-n endorsements.
import type { IncidentStatus } from '../records/workflow.js';

/** The moves an analyst may make with an `incident` entry of action "status". */
export const MANUAL_MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['under_review', 'investigating', 'closed'],
  under_review: ['investigating', 'closed'],
  investigating: ['under_review', 'closed'],
  finding_drafted: ['investigating'],
  endorsed: [],
  released: [],
  closed: [],
};

/** Incident states in which a monitor may be tasked. */
export const TASKABLE: readonly IncidentStatus[] = ['reported', 'under_review', 'investigating'];
/** Incident states in which an analyst may draft a finding. */
export const FINDABLE: readonly IncidentStatus[] = ['under_review', 'investigating'];
/** Incident states in which reports may still be added and allegations answered. */
export const OPEN_STATES: readonly IncidentStatus[] = [
  'reported',
  'under_review',
  'investigating',
  'finding_drafted',
  'endorsed',
];

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return MANUAL_MOVES[from].includes(to);
}

export const FINDING_STATUSES = ['draft', 'endorsed', 'released', 'superseded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
