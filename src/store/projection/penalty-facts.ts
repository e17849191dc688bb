// What the penalty rules read (src/core/workflow/penalties.ts): the mission's released findings,
// each with its incident's date, and its penalties. Loaded whole for each penalty entry: a ladder
// depends on every released finding of the party, and penalty entries are few.
import type { Kysely, Transaction } from 'kysely';
import type {
  PenaltyFacts,
  PenaltyStatus,
  ReleasedFinding,
} from '../../core/workflow/penalties.js';
import type { Verdict } from '../../core/taxonomy.js';
import type { Database } from '../schema.js';
import type { WorkflowTables } from '../workflow-schema.js';

type Q = Kysely<Database & WorkflowTables> | Transaction<Database & WorkflowTables>;

const json = <T>(s: string): T => JSON.parse(s) as T;

export async function releasedFindings(q: Q, mission: string): Promise<ReleasedFinding[]> {
  const rows = await q
    .selectFrom('wf_findings as f')
    .innerJoin('wf_incidents as i', (j) =>
      j.onRef('i.mission', '=', 'f.mission').onRef('i.id', '=', 'f.incident'),
    )
    .select(['f.id', 'f.incident', 'i.date', 'f.verdict', 'f.attribution', 'f.terms'])
    .where('f.mission', '=', mission)
    .where('f.status', '=', 'released')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    incident: r.incident,
    date: r.date.slice(0, 10),
    verdict: r.verdict as Verdict,
    attribution: r.attribution,
    terms: json<string[]>(r.terms),
  }));
}

export async function penaltyFacts(q: Q, mission: string): Promise<PenaltyFacts> {
  const penalties = await q
    .selectFrom('wf_penalties')
    .select(['id', 'agreement', 'party', 'step', 'findings', 'endorsers', 'status'])
    .where('mission', '=', mission)
    .orderBy('idx')
    .execute();
  return {
    findings: await releasedFindings(q, mission),
    penalties: penalties.map((p) => ({
      id: p.id,
      agreement: p.agreement,
      party: p.party,
      step: p.step,
      findings: json<string[]>(p.findings),
      endorsers: json<string[]>(p.endorsers),
      status: p.status as PenaltyStatus,
    })),
  };
}

/** A penalty as the read API shows it (src/server/routes/penalties.ts). */
export interface PenaltyRow {
  id: string;
  idx: number;
  agreement: string;
  party: string;
  step: string;
  stepNo: number;
  findings: string[];
  endorsers: string[];
  status: PenaltyStatus;
  statement: string;
  proposedAt: string;
  imposedIdx: number | null;
  imposedAt: string | null;
}

/** The mission's penalties in log order, with the proposal's statement (from its signed body). */
export async function penaltyRows(q: Q, mission: string): Promise<PenaltyRow[]> {
  const rows = await q
    .selectFrom('wf_penalties as p')
    .innerJoin('wf_records as r', (j) =>
      j.onRef('r.mission', '=', 'p.mission').onRef('r.id', '=', 'p.id'),
    )
    .selectAll('p')
    .select('r.body')
    .where('p.mission', '=', mission)
    .orderBy('p.idx')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    idx: Number(p.idx),
    agreement: p.agreement,
    party: p.party,
    step: p.step,
    stepNo: p.step_no,
    findings: json<string[]>(p.findings),
    endorsers: json<string[]>(p.endorsers),
    status: p.status as PenaltyStatus,
    statement: json<{ statement?: string }>(p.body).statement ?? '',
    proposedAt: p.proposed_at,
    imposedIdx: p.imposed_idx === null ? null : Number(p.imposed_idx),
    imposedAt: p.imposed_at,
  }));
}
