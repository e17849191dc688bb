// The verification workflow's records: reports and allegations, incidents, responses,
// investigation tasks, findings, endorsements and releases (docs/architecture.md "Entries").
import { z } from 'zod';
import {
  ActorSchema,
  AdmiraltyGradeSchema,
  EventTypeSchema,
  LocationSchema,
  VerdictSchema,
} from '../taxonomy.js';
import {
  EvidenceRefSchema,
  FatalitiesSchema,
  OccurredSchema,
  RefSchema,
  TermIdsSchema,
  TextSchema,
} from './common.js';
import { OrgCodeSchema } from './mission.js';

/** A party's, monitor's or analyst's account of an event; with `accused` it is an allegation. */
export const ReportBodySchema = z.strictObject({
  type: EventTypeSchema,
  title: TextSchema(200),
  description: TextSchema(20000),
  occurred: OccurredSchema,
  location: LocationSchema,
  actors: z.array(ActorSchema).max(20).default([]),
  fatalities: FatalitiesSchema.optional(),
  injuries: z.number().int().min(0).max(100000).optional(),
  /** The party this report accuses; present only on allegations. */
  accused: OrgCodeSchema.optional(),
  /** The agreement terms the author says were violated. */
  terms: TermIdsSchema.default([]),
  evidence: z.array(EvidenceRefSchema).max(50).default([]),
  /** Sources the author relies on (e.g. news article entry ids or URLs). */
  sources: z.array(z.string().min(1).max(2000)).max(50).default([]),
});

export const INCIDENT_STATUSES = [
  'reported',
  'under_review',
  'investigating',
  'finding_drafted',
  'endorsed',
  'released',
  'closed',
] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** An analyst groups reports into an incident (open), then moves it along the workflow. */
export const IncidentBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('open'),
    title: TextSchema(200),
    type: EventTypeSchema,
    occurred: OccurredSchema,
    location: LocationSchema,
    reports: z.array(RefSchema).min(1).max(200),
    summary: TextSchema(20000).optional(),
  }),
  z.strictObject({
    action: z.literal('add_reports'),
    incident: RefSchema,
    reports: z.array(RefSchema).min(1).max(200),
  }),
  z.strictObject({
    action: z.literal('status'),
    incident: RefSchema,
    status: IncidentStatusSchema,
    reason: TextSchema(2000).optional(),
  }),
  // The analysts' desk (issue 11 item 6) takes records out of its review queue without opening an
  // incident: dismissed with a reason (out of scope, not an event), or marked as a duplicate of
  // another record. Reports and coded news (`article`) only; a report already in an incident is
  // not the desk's to dismiss. Nothing is deleted: the record stays in the log and the read API.
  z.strictObject({
    action: z.literal('dismiss'),
    records: z.array(RefSchema).min(1).max(200),
    reason: TextSchema(2000),
  }),
  z.strictObject({
    action: z.literal('duplicate'),
    records: z.array(RefSchema).min(1).max(200),
    /** The record (report, article or incident) they repeat. */
    of: RefSchema,
    reason: TextSchema(2000).optional(),
  }),
]);

export const RESPONSE_STANCES = [
  'denial',
  'acknowledgement',
  'counter_claim',
  'joint_investigation_request',
] as const;

/** The accused party's answer to an allegation. */
export const ResponseBodySchema = z.strictObject({
  incident: RefSchema,
  allegation: RefSchema,
  stance: z.enum(RESPONSE_STANCES),
  statement: TextSchema(20000),
  evidence: z.array(EvidenceRefSchema).max(50).default([]),
});

export const TASK_KINDS = [
  'site_visit',
  'interviews',
  'imagery_review',
  'document_review',
  'other',
] as const;
export const TASK_OUTCOMES = ['completed', 'access_denied', 'cancelled'] as const;

/** Investigation steps: an analyst assigns, the monitor updates and closes (access denied included). */
export const TaskBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('assign'),
    incident: RefSchema,
    kind: z.enum(TASK_KINDS),
    assignee: z.string().min(2).max(63),
    instructions: TextSchema(5000),
    due: z.iso.date().optional(),
  }),
  z.strictObject({
    action: z.literal('update'),
    task: RefSchema,
    notes: TextSchema(20000),
    evidence: z.array(EvidenceRefSchema).max(50).default([]),
  }),
  z.strictObject({
    action: z.literal('close'),
    task: RefSchema,
    outcome: z.enum(TASK_OUTCOMES),
    notes: TextSchema(20000),
    /** For access_denied: who refused access (JBVMM practice: denial is recorded as such). */
    deniedBy: OrgCodeSchema.optional(),
    evidence: z.array(EvidenceRefSchema).max(50).default([]),
  }),
]);

/** An analyst's draft conclusion on an incident; released only after k-of-n mediator endorsements. */
export const FindingBodySchema = z.strictObject({
  incident: RefSchema,
  verdict: VerdictSchema,
  /** A party code, or "undetermined". */
  attribution: z.union([OrgCodeSchema, z.literal('undetermined')]),
  termsViolated: TermIdsSchema,
  grade: AdmiraltyGradeSchema,
  rationale: TextSchema(20000),
  fatalities: FatalitiesSchema.optional(),
});

export const EndorsementBodySchema = z.strictObject({
  finding: RefSchema,
  statement: TextSchema(5000).optional(),
});

export const ReleaseBodySchema = z.strictObject({
  finding: RefSchema,
  incident: RefSchema,
  note: TextSchema(5000).optional(),
});

/** Nothing is edited or deleted: a correction supersedes an earlier entry, with a reason. */
export const CorrectionBodySchema = z.strictObject({
  supersedes: z.strictObject({ index: z.number().int().min(0), id: RefSchema }),
  reason: TextSchema(5000),
  /** The corrected body, of the same kind as the superseded entry (validated against that kind). */
  replacement: z.record(z.string(), z.unknown()).optional(),
});
