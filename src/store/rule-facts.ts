// The facts the workflow rules read for one entry (src/core/workflow/rules.ts `decide`): its author
// and the records it names (referencesOf), read from the read model's wf_* tables, at submission
// (WorkflowStore.judge, against the current read model) and in the projection (applyEntry, inside
// its transaction, so a replay decides on exactly what was logged before the entry).
import type { Kysely, Transaction } from 'kysely';
import type { Envelope } from '../core/envelope.js';
import type { MissionDoc, Role } from '../core/records/mission.js';
import type { IncidentStatus } from '../core/records/workflow.js';
import { referencesOf, type Channel, type Facts } from '../core/workflow/rules.js';
import type { FindingStatus } from '../core/workflow/state-machine.js';
import type { AuthorFacts } from './projection/author-facts.js';
import { penaltyFacts } from './projection/penalty-facts.js';
import type { Database } from './schema.js';
import type { WorkflowTables } from './workflow-schema.js';

type WDb = Database & WorkflowTables;
type Q = Kysely<WDb> | Transaction<WDb>;

const json = <T>(text: string): T => JSON.parse(text) as T;

/** The facts `decide` needs for `env`, read through `q` (the database, or the projection's tx). */
export async function ruleFacts(
  q: Q,
  mission: string,
  doc: MissionDoc,
  env: Envelope,
  channel: Channel,
  /** The wf_authors rows, cached in memory (one query per author, not per entry). */
  authors: AuthorFacts,
): Promise<Facts> {
  const refs = referencesOf(env);
  const author = await authors.get(mission, env.author, () =>
    q
      .selectFrom('wf_authors')
      .select(['author', 'user', 'org', 'role'])
      .where('mission', '=', mission)
      .where('author', '=', env.author)
      .where('revoked', '=', 0)
      .executeTakeFirst(),
  );
  const facts: Facts = {
    mission: doc,
    channel,
    author: author && { ...author, role: author.role as Role },
    reports: new Map(),
    incidents: new Map(),
    tasks: new Map(),
    findings: new Map(),
    commitments: new Map(),
    entries: new Map(),
    users: new Map(),
  };
  // A correction may withdraw a penalty proposal (kinds/correction.ts): it reads their states too.
  if (env.kind === 'penalty' || env.kind === 'correction')
    facts.penalties = await penaltyFacts(q, mission);
  if (refs.reports.length)
    for (const r of await q
      .selectFrom('wf_reports')
      .select(['id', 'org', 'accused', 'incident'])
      .where('mission', '=', mission)
      .where('id', 'in', refs.reports)
      .execute())
      facts.reports.set(r.id, r);
  const taskRows = refs.tasks.length
    ? await q
        .selectFrom('wf_tasks')
        .select(['id', 'incident', 'assignee', 'open'])
        .where('mission', '=', mission)
        .where('id', 'in', refs.tasks)
        .execute()
    : [];
  for (const t of taskRows) facts.tasks.set(t.id, { ...t, open: t.open === 1 });
  if (refs.incidents.length)
    for (const i of await q
      .selectFrom('wf_incidents')
      .select(['id', 'status', 'finding'])
      .where('mission', '=', mission)
      .where('id', 'in', refs.incidents)
      .execute())
      facts.incidents.set(i.id, { ...i, status: i.status as IncidentStatus });
  if (refs.findings.length)
    for (const f of await q
      .selectFrom('wf_findings')
      .select(['id', 'incident', 'status', 'endorsers'])
      .where('mission', '=', mission)
      .where('id', 'in', refs.findings)
      .execute())
      facts.findings.set(f.id, {
        id: f.id,
        incident: f.incident,
        status: f.status as FindingStatus,
        endorsers: json<string[]>(f.endorsers),
      });
  if (refs.commitments.length)
    for (const c of await q
      .selectFrom('wf_commitments')
      .select(['id', 'digest', 'side', 'revealed_idx'])
      .where('mission', '=', mission)
      .where('id', 'in', refs.commitments)
      .execute())
      facts.commitments.set(c.id, { ...c, revealed: c.revealed_idx !== null });
  if (refs.entries.length)
    for (const e of await q
      .selectFrom('wf_records')
      .select(['id', 'idx', 'kind', 'org', 'superseded_by', 'refused'])
      .where('mission', '=', mission)
      .where('id', 'in', refs.entries)
      .execute())
      if (e.refused === null)
        facts.entries.set(e.id, {
          id: e.id,
          idx: e.idx,
          kind: e.kind,
          org: e.org,
          superseded: e.superseded_by !== null,
        });
  if (refs.users.length)
    for (const u of await q
      .selectFrom('wf_authors')
      .select(['user', 'org', 'role'])
      .where('mission', '=', mission)
      .where('user', 'in', refs.users)
      .where('revoked', '=', 0)
      .execute())
      facts.users.set(u.user, { ...u, role: u.role as Role });
  return facts;
}
