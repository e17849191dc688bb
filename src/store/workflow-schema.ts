// Kysely types of the workflow read model's tables (migration 0003_workflow).
export interface WfStateTable {
  mission: string;
  applied: number;
}
export interface WfAuthorsTable {
  mission: string;
  author: string;
  user: string;
  org: string;
  role: string;
  revoked: number;
}
export interface WfRecordsTable {
  mission: string;
  id: string;
  idx: number;
  kind: string;
  author: string;
  org: string | null;
  role: string | null;
  at: string;
  incident: string | null;
  visibility: string;
  commitment: string | null;
  refused: string | null;
  superseded_by: string | null;
  body: string;
  /** Sealed at filing (issue 9, finding 2): the id of the log-signed commitment in its place. */
  sealed_by: string | null;
  /** The log index of the log-signed reveal that opened it (null while sealed). */
  reveal_idx: number | null;
}
export interface WfReportsTable {
  mission: string;
  id: string;
  org: string;
  accused: string | null;
  incident: string | null;
  terms: string;
  at: string;
  received_at: string;
  response: string | null;
  response_at: string | null;
  response_received_at: string | null;
}
export interface WfIncidentsTable {
  mission: string;
  id: string;
  idx: number;
  title: string;
  type: string;
  status: string;
  date: string;
  time_precision: number;
  location: string;
  lat: number;
  lon: number;
  fatalities: number | null;
  finding: string | null;
  verdict: string | null;
  attribution: string | null;
  released_idx: number | null;
  search: string;
  /** Involved organisations, space-separated with spaces around: " AF PK ". */
  orgs: string;
}
export interface WfIncidentOrgsTable {
  mission: string;
  org: string;
  incident: string;
}
export interface WfIncidentsFtsTable {
  rowid: number;
  search: string;
  mission: string;
  id: string;
}
export interface WfTasksTable {
  mission: string;
  id: string;
  incident: string;
  assignee: string;
  kind: string;
  open: number;
  outcome: string | null;
  denied_by: string | null;
}
export interface WfFindingsTable {
  mission: string;
  id: string;
  incident: string;
  status: string;
  verdict: string;
  attribution: string;
  terms: string;
  fatalities: number | null;
  endorsers: string;
}
export interface WfCrossingsTable {
  mission: string;
  id: string;
  idx: number;
  crossing: string;
  status: string;
  effective_at: string;
  org: string;
  body: string;
}
export interface WfCommitmentsTable {
  mission: string;
  id: string;
  idx: number;
  digest: string;
  side: string;
  revealed_idx: number | null;
}
export interface WfConfidentialTable {
  mission: string;
  commitment: string;
  side: string;
  salt: string;
  entry: string;
  created_at: string;
}

/** Penalties (migration 0013_penalties; src/store/projection/penalty.ts). */
export interface WfPenaltiesTable {
  mission: string;
  /** The proposal's entry id. */
  id: string;
  /** The proposal's log index. */
  idx: number;
  agreement: string;
  party: string;
  step: string;
  step_no: number;
  /** JSON array of the finding ids it rests on. */
  findings: string;
  /** JSON array of the organisations that endorsed it, the proposer's first. */
  endorsers: string;
  status: string;
  proposed_at: string;
  /** The log index of the entry that imposed it (null while proposed). */
  imposed_idx: number | null;
  imposed_at: string | null;
}

export type WorkflowTables = {
  wf_state: WfStateTable;
  wf_authors: WfAuthorsTable;
  wf_records: WfRecordsTable;
  wf_reports: WfReportsTable;
  wf_incidents: WfIncidentsTable;
  wf_incident_orgs: WfIncidentOrgsTable;
  wf_incidents_fts: WfIncidentsFtsTable;
  wf_tasks: WfTasksTable;
  wf_findings: WfFindingsTable;
  wf_crossings: WfCrossingsTable;
  wf_commitments: WfCommitmentsTable;
  wf_confidential: WfConfidentialTable;
  wf_penalties: WfPenaltiesTable;
};

/** The derived tables (rebuilt from the log); wf_confidential is not among them. */
export const DERIVED_TABLES = [
  'wf_state',
  'wf_authors',
  'wf_records',
  'wf_reports',
  'wf_incidents',
  'wf_incident_orgs',
  'wf_tasks',
  'wf_findings',
  'wf_crossings',
  'wf_commitments',
  'wf_penalties',
] as const;
