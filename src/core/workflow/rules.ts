// The rules of each record kind (issue 4, item 2), as one pure function: given the facts an entry
// refers to (loaded by the store), `decide` accepts the entry with the state changes it makes, or
// refuses it naming the rule. The server calls it before appending (403: who may author; 422: an
// impossible step or a missing reference); the read model calls it again when it applies entries in
// log order, so an entry that raced past the first check is recorded as refused and changes nothing.
// The checks every kind shares are here; each kind's own rules are its module in ./kinds/ (who may
// author it, the records it names, its decision), gathered in KIND_RULES.
import type { Envelope } from '../envelope.js';
import type { EntryKind } from '../records/kinds.js';
import type { MissionDoc, Role } from '../records/mission.js';
import type { IncidentStatus } from '../records/workflow.js';
import type { KeyRegistry, KeyUserFact } from '../keys/registry.js';
import { CONFIDENTIAL_KINDS } from './confidential.js';
import { refuse, type Decision } from './decision.js';
import { KIND_RULES } from './kinds/index.js';
import type { KindRules } from './kinds/context.js';
import type { PenaltyFacts } from './penalties.js';
import { DEFAULT_MAX_BACKDATE_HOURS, FUTURE_SKEW_MS } from './signed-time.js';
import type { FindingStatus } from './state-machine.js';

export {
  RULES,
  refuse,
  type Accepted,
  type Decision,
  type Refused,
  type RuleName,
} from './decision.js';

export interface AuthorFact {
  author: string;
  user: string;
  org: string;
  role: Role;
}
export interface ReportFact {
  id: string;
  org: string;
  accused: string | null;
  incident: string | null;
}
export interface IncidentFact {
  id: string;
  status: IncidentStatus;
  /** The incident's drafted or endorsed finding, if any. */
  finding: string | null;
}
export interface TaskFact {
  id: string;
  incident: string;
  assignee: string;
  open: boolean;
}
export interface FindingFact {
  id: string;
  incident: string;
  status: FindingStatus;
  /** Organisations that endorsed it. */
  endorsers: string[];
}
export interface CommitmentFact {
  id: string;
  digest: string;
  side: string;
  revealed: boolean;
}
export interface EntryFact {
  id: string;
  idx: number;
  kind: string;
  org: string | null;
  superseded: boolean;
}
export interface UserFact {
  user: string;
  org: string;
  role: Role;
}

/** How the entry arrives: POST …/entries, POST …/confidential (the inner record), or log replay. */
export type Channel = 'public' | 'confidential' | 'replay';

export interface Facts {
  mission: MissionDoc;
  channel: Channel;
  author: AuthorFact | undefined;
  /** The authenticated user (not known on replay). */
  caller?: { user: string } | undefined;
  /** The server's clock (not used on replay: signed times were checked on arrival). */
  now?: string | undefined;
  reports: Map<string, ReportFact>;
  incidents: Map<string, IncidentFact>;
  tasks: Map<string, TaskFact>;
  findings: Map<string, FindingFact>;
  commitments: Map<string, CommitmentFact>;
  /** Entries referred to by a correction, by id. */
  entries: Map<string, EntryFact>;
  /** Users by name (task assignees). */
  users: Map<string, UserFact>;
  /** For a `key` entry: the keys the log registered before it (src/core/keys/registry.ts). */
  keys?: KeyRegistry;
  /** For a `key` register: the server's account of its user (null: none; unknown on replay). */
  keyUser?: KeyUserFact | null;
  /** For a `penalty` entry: the mission's released findings and penalties (penalties.ts). */
  penalties?: PenaltyFacts;
}

export interface References {
  reports: string[];
  incidents: string[];
  tasks: string[];
  findings: string[];
  commitments: string[];
  entries: string[];
  users: string[];
}

export { DEFAULT_MAX_BACKDATE_HOURS } from './signed-time.js';

export function maxBackdateHours(m: MissionDoc): number {
  return m.workflow.maxBackdateHours ?? DEFAULT_MAX_BACKDATE_HOURS;
}

/** What an entry refers to, so the store can load exactly those facts. */
export function referencesOf(env: Pick<Envelope, 'kind' | 'body'>): References {
  const r: References = {
    reports: [],
    incidents: [],
    tasks: [],
    findings: [],
    commitments: [],
    entries: [],
    users: [],
  };
  KIND_RULES[env.kind].references?.(env.body as Record<string, unknown>, r);
  return r;
}

/** "an admin", "an article", "a report": messages read as English. */
const an = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** Decides whether an entry (already schema-checked and signature-verified) may join the workflow. */
export function decide(facts: Facts, env: Envelope): Decision {
  const kind = KIND_RULES[env.kind] as KindRules<EntryKind>;
  if (kind.decideWhole) return kind.decideWhole(facts, env as never);
  const a = facts.author;
  if (!a) return refuse(403, 'known_author', `${env.author} is not a registered key`);
  if (facts.caller && facts.caller.user !== a.user)
    return refuse(
      403,
      'signer_is_caller',
      `the entry is signed by ${a.user} of ${a.org}, the request comes from ${facts.caller.user}`,
    );
  if (facts.now && Date.parse(env.at) > Date.parse(facts.now) + FUTURE_SKEW_MS)
    return refuse(422, 'signed_time', `"at" is ${env.at}, the server's clock ${facts.now}`);
  // `at` is the author's claim, shown as claimed; deadlines run on log time (witness-attested),
  // so the past bound only keeps claims plausible: an offline field report needs hours, not months.
  const backdateHours = maxBackdateHours(facts.mission);
  if (facts.now && Date.parse(env.at) < Date.parse(facts.now) - backdateHours * 3_600_000)
    return refuse(
      422,
      'signed_time_past',
      `"at" is ${env.at}, more than ${backdateHours} hours before the server's clock ${facts.now}; sign with the time of filing, and give when the event happened in the body`,
    );
  const allowed = kind.authors;
  if (!allowed.includes(a.role))
    return refuse(
      403,
      kind.authorRule ?? 'kind_author',
      `${an(a.role)} of ${a.org} may not author ${an(env.kind)}; it is for: ${allowed.join(', ')}`,
    );
  if (
    facts.channel === 'confidential' &&
    env.kind !== 'commitment' &&
    !(CONFIDENTIAL_KINDS as readonly string[]).includes(env.kind)
  )
    return refuse(422, 'confidential_kind', `a ${env.kind} cannot be confidential`);
  const m = facts.mission;
  const parties = new Set(m.organisations.filter((o) => o.kind === 'party').map((o) => o.code));
  const terms = new Set(m.terms.map((t) => t.id));
  const unknownTerms = (ts: string[]) => ts.filter((t) => !terms.has(t));
  const missing = (what: string, id: string) =>
    refuse(422, 'ref_exists', `no ${what} ${id} in this mission`);

  return kind.decide({
    facts,
    env: env as never,
    body: env.body as never,
    author: a,
    mission: m,
    parties,
    unknownTerms,
    missing,
  });
}
