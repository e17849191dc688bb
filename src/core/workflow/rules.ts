// The rules of each record kind (issue 4, item 2), as one pure function: given the facts an entry
// refers to (loaded by the store), `decide` accepts the entry with the state changes it makes, or
// refuses it naming the rule. The server calls it before appending (403: who may author; 422: an
// impossible step or a missing reference); the read model calls it again when it applies entries in
// log order, so an entry that raced past the first check is recorded as refused and changes nothing.
import type { Envelope } from '../envelope.js';
import { BODY_SCHEMAS, type BodyOf } from '../records/kinds.js';
import type { MissionDoc, Role } from '../records/mission.js';
import type { IncidentStatus } from '../records/workflow.js';
import { KEY_RULES, KeyRegistry, type KeyUserFact } from '../keys/registry.js';
import { CONFIDENTIAL_KINDS, revealMatches } from './confidential.js';
import { FINDABLE, OPEN_STATES, TASKABLE, canMove, type FindingStatus } from './state-machine.js';

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
    'only an analyst files news articles (docs/architecture.md "Who uses it": the analyst desk ingests news)',
  party_own_side: 'a party may only report for its own side',
  allegation_by_party: 'only a party files allegations',
  allegation_other_side: 'a party may only accuse the other side',
  accused_is_party: 'the accused must be a party of the mission',
  terms_known: 'terms must be agreement terms of the mission',
  ref_exists: 'a record must refer to records that exist',
  report_free: 'a report belongs to one incident only',
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
  ...KEY_RULES,
} as const;
export type RuleName = keyof typeof RULES;

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

const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** How far a signed `at` may lie in the past when the mission does not say (workflow.maxBackdateHours). */
export const DEFAULT_MAX_BACKDATE_HOURS = 72;

export function maxBackdateHours(m: MissionDoc): number {
  return m.workflow.maxBackdateHours ?? DEFAULT_MAX_BACKDATE_HOURS;
}

function refuse(status: 403 | 422, rule: RuleName, why: string): Refused {
  return { ok: false, status, rule, message: `rule ${rule}: ${RULES[rule]} (${why})` };
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
  const b = env.body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? [v] : []);
  const strs = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  switch (env.kind) {
    case 'incident':
      r.reports.push(...strs(b.reports));
      r.incidents.push(...str(b.incident));
      break;
    case 'response':
      r.incidents.push(...str(b.incident));
      r.reports.push(...str(b.allegation));
      break;
    case 'task':
      r.incidents.push(...str(b.incident));
      r.tasks.push(...str(b.task));
      r.users.push(...str(b.assignee));
      break;
    case 'finding':
      r.incidents.push(...str(b.incident));
      break;
    case 'endorsement':
      r.findings.push(...str(b.finding));
      break;
    case 'release':
      r.findings.push(...str(b.finding));
      r.incidents.push(...str(b.incident));
      break;
    case 'reveal':
      r.commitments.push(...str(b.commitment));
      break;
    case 'correction': {
      const s = b.supersedes as { id?: unknown } | undefined;
      r.entries.push(...str(s?.id));
      r.findings.push(...str(s?.id));
      break;
    }
    default:
      break;
  }
  return r;
}

const AUTHORS: Record<string, readonly Role[]> = {
  mission: ['admin'],
  report: ['party', 'monitor', 'analyst'],
  incident: ['analyst'],
  response: ['party'],
  task: ['analyst', 'monitor'],
  finding: ['analyst'],
  endorsement: ['mediator'],
  release: ['mediator'],
  crossing: ['party', 'monitor', 'analyst'],
  // the role table of docs/architecture.md gives news ingestion to analysts alone: a party filing coded news would
  // be a party asserting "independent corroboration" of its own claims; admins only configure.
  article: ['analyst'],
  correction: ['party', 'monitor', 'analyst', 'mediator', 'admin'],
  commitment: ['party', 'monitor', 'analyst'],
  reveal: ['party', 'analyst', 'mediator'],
};

/** "an admin", "an article", "a report": messages read as English. */
const an = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** Decides whether an entry (already schema-checked and signature-verified) may join the workflow. */
export function decide(facts: Facts, env: Envelope): Decision {
  if (env.kind === 'key') return decideKey(facts, env);
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
  const allowed = AUTHORS[env.kind] ?? [];
  if (!allowed.includes(a.role)) {
    const specific: Partial<Record<string, RuleName>> = {
      endorsement: 'endorse_by_mediator',
      release: 'release_by_mediator',
      article: 'article_by_analyst',
    };
    return refuse(
      403,
      specific[env.kind] ?? 'kind_author',
      `${an(a.role)} of ${a.org} may not author ${an(env.kind)}; it is for: ${allowed.join(', ')}`,
    );
  }
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

  switch (env.kind) {
    case 'mission':
      // Rule-checked mission updates are not built: refuse rather than log a document no reader
      // applies (issue 9, finding 5).
      return refuse(
        422,
        'mission_once',
        `mission ${m.slug} already has its document at log index 0; to change it, create a new mission`,
      );
    case 'report': {
      const b = env.body as BodyOf<'report'>;
      if (a.role === 'party' && b.fatalities?.claimedBy && b.fatalities.claimedBy !== a.org)
        return refuse(
          403,
          'party_own_side',
          `${a.org} files a fatality count claimed by ${b.fatalities.claimedBy}`,
        );
      if (b.accused !== undefined) {
        if (a.role !== 'party')
          return refuse(403, 'allegation_by_party', `a ${a.role} names an accused party`);
        if (b.accused === a.org)
          return refuse(403, 'allegation_other_side', `${a.org} accuses itself`);
        if (!parties.has(b.accused))
          return refuse(422, 'accused_is_party', `${b.accused} is not a party`);
      }
      const bad = unknownTerms(b.terms);
      if (bad.length) return refuse(422, 'terms_known', `unknown terms: ${bad.join(', ')}`);
      return { ok: true };
    }
    case 'incident': {
      const b = env.body as BodyOf<'incident'>;
      if (b.action === 'open' || b.action === 'add_reports') {
        const seen = new Set<string>();
        for (const id of b.reports) {
          const r = facts.reports.get(id);
          if (!r) return missing('report', id);
          if (r.incident || seen.has(id))
            return refuse(
              422,
              'report_free',
              `report ${id} is already in incident ${r.incident ?? id}`,
            );
          seen.add(id);
        }
      }
      if (b.action === 'open') return { ok: true, incident: { id: env.id, to: 'reported' } };
      const inc = facts.incidents.get(b.incident);
      if (!inc) return missing('incident', b.incident);
      if (b.action === 'add_reports') {
        if (!OPEN_STATES.includes(inc.status))
          return refuse(422, 'incident_open', `incident ${inc.id} is ${inc.status}`);
        return { ok: true };
      }
      if (!canMove(inc.status, b.status))
        return refuse(422, 'status_move', `${inc.status} → ${b.status}`);
      const d: Accepted = { ok: true, incident: { id: inc.id, to: b.status } };
      if (inc.status === 'finding_drafted' && inc.finding) d.withdrawn = inc.finding;
      return d;
    }
    case 'response': {
      const b = env.body as BodyOf<'response'>;
      const inc = facts.incidents.get(b.incident);
      if (!inc) return missing('incident', b.incident);
      const r = facts.reports.get(b.allegation);
      if (!r) return missing('allegation', b.allegation);
      if (r.accused === null || r.incident !== inc.id)
        return refuse(
          422,
          'response_names_allegation',
          r.accused === null
            ? `report ${r.id} accuses no one`
            : `allegation ${r.id} is not in incident ${inc.id}`,
        );
      if (r.accused !== a.org)
        return refuse(
          403,
          'response_own_side',
          `${a.org} answers an allegation against ${r.accused}`,
        );
      if (!OPEN_STATES.includes(inc.status) && inc.status !== 'released')
        return refuse(422, 'incident_open', `incident ${inc.id} is ${inc.status}`);
      return { ok: true };
    }
    case 'task': {
      const b = env.body as BodyOf<'task'>;
      if (b.action === 'assign') {
        if (a.role !== 'analyst')
          return refuse(403, 'kind_author', `a ${a.role} may not assign tasks; analysts do`);
        const inc = facts.incidents.get(b.incident);
        if (!inc) return missing('incident', b.incident);
        if (!TASKABLE.includes(inc.status))
          return refuse(422, 'task_state', `incident ${inc.id} is ${inc.status}`);
        const u = facts.users.get(b.assignee);
        if (!u || u.role !== 'monitor')
          return refuse(
            422,
            'task_assignee_monitor',
            u ? `${b.assignee} is a ${u.role}` : `no user ${b.assignee}`,
          );
        return inc.status === 'investigating'
          ? { ok: true }
          : { ok: true, incident: { id: inc.id, to: 'investigating' } };
      }
      const t = facts.tasks.get(b.task);
      if (!t) return missing('task', b.task);
      if (a.role !== 'analyst' && a.user !== t.assignee)
        return refuse(403, 'task_assignee_only', `task ${t.id} is assigned to ${t.assignee}`);
      if (!t.open) return refuse(422, 'task_open', `task ${t.id}`);
      if (b.action === 'close') {
        if (b.outcome === 'access_denied' && (!b.deniedBy || !parties.has(b.deniedBy)))
          return refuse(422, 'denied_by_party', `deniedBy is ${b.deniedBy ?? 'missing'}`);
        if (b.outcome !== 'access_denied' && b.deniedBy)
          return refuse(422, 'denied_by_party', `deniedBy given for outcome ${b.outcome}`);
      }
      return { ok: true };
    }
    case 'finding': {
      const b = env.body as BodyOf<'finding'>;
      const inc = facts.incidents.get(b.incident);
      if (!inc) return missing('incident', b.incident);
      if (!FINDABLE.includes(inc.status))
        return refuse(422, 'finding_state', `incident ${inc.id} is ${inc.status}`);
      if (b.attribution !== 'undetermined' && !parties.has(b.attribution))
        return refuse(422, 'attribution_party', `${b.attribution} is not a party`);
      const bad = unknownTerms(b.termsViolated);
      if (bad.length) return refuse(422, 'terms_known', `unknown terms: ${bad.join(', ')}`);
      return {
        ok: true,
        incident: { id: inc.id, to: 'finding_drafted' },
        finding: { id: env.id, to: 'draft' },
      };
    }
    case 'endorsement': {
      const b = env.body as BodyOf<'endorsement'>;
      const f = facts.findings.get(b.finding);
      if (!f) return missing('finding', b.finding);
      if (f.status !== 'draft' && f.status !== 'endorsed')
        return refuse(422, 'endorse_open', `finding ${f.id} is ${f.status}`);
      if (f.endorsers.includes(a.org))
        return refuse(422, 'endorse_distinct_org', `${a.org} already endorsed finding ${f.id}`);
      const k = m.workflow.endorsementsRequired;
      if (f.status === 'draft' && f.endorsers.length + 1 >= k)
        return {
          ok: true,
          finding: { id: f.id, to: 'endorsed' },
          incident: { id: f.incident, to: 'endorsed' },
        };
      return { ok: true };
    }
    case 'release': {
      const b = env.body as BodyOf<'release'>;
      const f = facts.findings.get(b.finding);
      if (!f) return missing('finding', b.finding);
      if (f.incident !== b.incident)
        return refuse(422, 'release_incident', `finding ${f.id} is about incident ${f.incident}`);
      if (f.status !== 'endorsed')
        return refuse(
          422,
          'release_endorsed',
          f.status === 'draft'
            ? `${f.endorsers.length} of ${m.workflow.endorsementsRequired} endorsements`
            : `finding ${f.id} is ${f.status}`,
        );
      return {
        ok: true,
        finding: { id: f.id, to: 'released' },
        incident: { id: f.incident, to: 'released' },
      };
    }
    case 'crossing': {
      const b = env.body as BodyOf<'crossing'>;
      if (!m.crossings.some((c) => c.id === b.crossing))
        return refuse(422, 'crossing_known', `no crossing ${b.crossing}`);
      return { ok: true };
    }
    case 'correction': {
      const b = env.body as BodyOf<'correction'>;
      const e = facts.entries.get(b.supersedes.id);
      if (!e || e.idx !== b.supersedes.index || e.superseded)
        return refuse(
          422,
          'correction_target',
          !e
            ? `no entry ${b.supersedes.id}`
            : e.superseded
              ? `entry ${e.idx} is already superseded`
              : `entry ${b.supersedes.id} is at index ${e.idx}, not ${b.supersedes.index}`,
        );
      if (!['report', 'response', 'finding', 'crossing', 'task', 'article'].includes(e.kind))
        return refuse(422, 'correction_target', `a ${e.kind} cannot be corrected`);
      if (e.org !== a.org)
        return refuse(403, 'correction_own', `entry ${e.idx} was filed by ${e.org ?? 'unknown'}`);
      if (b.replacement !== undefined) {
        const parsed = BODY_SCHEMAS[e.kind as 'report'].safeParse(b.replacement);
        if (!parsed.success)
          return refuse(
            422,
            'correction_replacement',
            parsed.error.issues[0]?.message ?? 'invalid',
          );
        if (e.kind === 'finding') {
          const f = facts.findings.get(e.id);
          const nb = b.replacement as { incident?: unknown; attribution?: unknown };
          if (f && nb.incident !== f.incident)
            return refuse(422, 'correction_replacement', 'a finding keeps its incident');
          if (nb.attribution !== 'undetermined' && !parties.has(String(nb.attribution)))
            return refuse(422, 'attribution_party', `${String(nb.attribution)} is not a party`);
        }
      }
      return { ok: true };
    }
    case 'commitment': {
      const b = env.body as BodyOf<'commitment'>;
      if (facts.channel === 'public')
        return refuse(
          422,
          'commitment_private',
          'POST the commitment with its record to /api/v1/missions/<slug>/confidential',
        );
      if (b.side !== a.org)
        return refuse(403, 'commitment_own_side', `${a.org} commits for ${b.side}`);
      if (b.sealed !== undefined)
        return refuse(
          422,
          'commitment_sealed_by_log',
          'drop "sealed": only the log itself seals entries, and files them under its own key',
        );
      return { ok: true };
    }
    case 'reveal': {
      const b = env.body as BodyOf<'reveal'>;
      const c = facts.commitments.get(b.commitment);
      if (!c) return missing('commitment', b.commitment);
      if (a.role === 'party' && a.org !== c.side)
        return refuse(403, 'reveal_by_side', `${a.org} reveals a commitment of ${c.side}`);
      if (c.revealed) return refuse(422, 'reveal_once', `commitment ${c.id}`);
      if (!revealMatches(c.digest, b.salt, b.entry))
        return refuse(422, 'reveal_matches', `SHA-256(salt ‖ entry) is not ${c.digest}`);
      return { ok: true };
    }
    default:
      return { ok: true };
  }
}

/**
 * `key` entries follow the key rule (src/core/keys/registry.ts) rather than a role table: the
 * author may be a key registering itself (a mission-listed steward), so it need not be registered.
 */
function decideKey(facts: Facts, env: Envelope): Decision {
  // No registry given: no key registered yet (only a mission-listed steward may register itself).
  const keys = facts.keys ?? new KeyRegistry(facts.mission);
  const b = env.body as BodyOf<'key'>;
  const self = b.action === 'register' && keys.get(env.author) === undefined;
  const signerUser = self ? b.user : keys.get(env.author)?.user;
  if (facts.caller && signerUser !== undefined && facts.caller.user !== signerUser)
    return refuse(
      403,
      'signer_is_caller',
      `the entry is signed by ${signerUser}, the request comes from ${facts.caller.user}`,
    );
  if (facts.now && Date.parse(env.at) > Date.parse(facts.now) + FUTURE_SKEW_MS)
    return refuse(422, 'signed_time', `"at" is ${env.at}, the server's clock ${facts.now}`);
  const v = keys.check(env, facts.keyUser);
  return v.ok ? { ok: true } : refuse(v.status, v.rule, v.why);
}
