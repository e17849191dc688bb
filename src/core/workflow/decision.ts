// What the workflow rules answer (src/core/workflow/rules.ts `decide`): accepted with the state
// changes an entry makes, or refused naming the rule it breaks. Every rule is listed here with what it
// says; a refusal's message is "rule <name>: <what it says> (<why>)".
import { KEY_RULES } from '../keys/registry.js';
import type { IncidentStatus } from '../records/workflow.js';
import type { FindingStatus } from './state-machine.js';

/** Every rule, with what it says; a refusal's message is "rule <name>: <what it says> (<why>)". */
export const RULES = {
  commitment_sealed_by_log:
    'a commitment naming a sealed entry is signed by the log\u2019s own key, never by a user',
  mission_once:
    'the mission document is the log\u2019s first entry; a later mission entry would be accepted and ignored',
  signer_is_caller: 'an entry must be signed with a key of the user who submits it',
  known_author: 'the signing key must be registered in this mission',
  signed_time: 'an entry may not be dated in the future',
  signed_time_past:
    'an entry may not be dated further in the past than the mission allows (workflow.maxBackdateHours)',
  kind_author: 'this role may not author this kind of record',
  article_by_analyst:
    'only the news coder or an analyst files news articles (docs/architecture.md "Who uses it": the analyst desk ingests news)',
  party_own_side: 'a party may only report for its own side',
  allegation_by_party: 'only a party files allegations',
  allegation_other_side: 'a party may only accuse the other side',
  accused_is_party: 'the accused must be a party of the mission',
  terms_known: 'terms must be agreement terms of the mission',
  ref_exists: 'a record must refer to records that exist',
  report_free: 'a report belongs to one incident only',
  desk_triage:
    'the desk dismisses or marks as duplicate only reports and news articles, each not yet in an incident',
  duplicate_of: 'a duplicate names another record of the mission (report, article or incident)',
  incident_open: 'the incident is released or closed',
  status_move: 'the incident cannot make this move',
  response_own_side: 'a party may only respond to allegations against its own side',
  response_names_allegation: 'a response names an allegation of the incident it answers',
  task_state: 'monitors are tasked only before a finding is drafted',
  task_assignee_monitor: 'a task is assigned to a registered monitor',
  task_assignee_only: 'only the assigned monitor or an analyst may update or close a task',
  task_open: 'the task is already closed',
  denied_by_party: 'access_denied names the party that refused access',
  finding_state: 'a finding is drafted on an incident under review or investigation',
  attribution_party: 'a finding attributes to a party of the mission or "undetermined"',
  endorse_by_mediator: 'only a mediator may endorse a finding',
  endorse_open: 'only a drafted finding may be endorsed',
  endorse_distinct_org: 'each mediator organisation endorses a finding once',
  release_by_mediator: 'only a mediator may release a finding',
  release_endorsed: 'a finding is released only after the endorsements the mission requires',
  release_incident: 'a release names the incident of its finding',
  crossing_known: 'the crossing must be one of the mission',
  correction_own: 'only the organisation that filed a record may correct it',
  correction_target:
    'a correction supersedes an existing, not yet superseded record by index and id',
  correction_replacement: 'the replacement must be a valid body of the corrected kind',
  commitment_private: 'a commitment is filed together with its confidential record',
  commitment_own_side: 'a commitment is filed for its author’s own side',
  confidential_kind: 'only reports and responses may be confidential',
  reveal_by_side: 'only the committing side, an analyst or a mediator may reveal',
  reveal_once: 'a commitment is revealed once',
  reveal_matches: 'the revealed salt and entry must hash to the commitment',
  penalty_by_mediator: 'only a mediator may propose or endorse a penalty',
  penalty_agreement_mediator:
    'a penalty is proposed and endorsed by the mediators of its agreement',
  penalty_schedule:
    'a penalty names an agreement with a penalty schedule and a party its terms bind',
  penalty_due: 'a penalty names the step of the ladder that is due next for the party',
  penalty_findings:
    'a penalty rests on as many released, counting findings within the window as the schedule requires, none behind an imposed step',
  penalty_proposed_once: 'a party has one open penalty proposal per agreement at a time',
  penalty_open: 'only a proposed penalty, not yet imposed, may be endorsed',
  penalty_distinct_org: 'each mediator organisation endorses a penalty once',
  ...KEY_RULES,
} as const;
export type RuleName = keyof typeof RULES;

export interface Accepted {
  ok: true;
  incident?: { id: string; to: IncidentStatus };
  finding?: { id: string; to: FindingStatus };
  /** A finding that a move back to investigating withdraws. */
  withdrawn?: string;
}
export interface Refused {
  ok: false;
  status: 403 | 422;
  rule: RuleName;
  message: string;
}
export type Decision = Accepted | Refused;

export function refuse(status: 403 | 422, rule: RuleName, why: string): Refused {
  return { ok: false, status, rule, message: `rule ${rule}: ${RULES[rule]} (${why})` };
}
