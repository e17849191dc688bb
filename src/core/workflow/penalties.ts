// Penalties due from released findings (issue 11, item 7: the Istanbul statement of 30 October
// 2025 agreed to "impose penalties on the violating party"). Pure: the server's rules, the read API
// and the console all ask this file, so a step is "due" in exactly one sense.
//
// For each agreement with a penalty schedule (src/core/records/mission.ts, PenaltyScheduleSchema)
// and each party its terms oblige, the ladder is:
//  - the counting findings: released findings attributed to the party, of one of the schedule's
//    verdicts, naming one of the schedule's terms (absent: the agreement's own) that obliges it,
//    and not already behind an imposed penalty of the same ladder;
//  - the next step: the first step of the ladder not yet imposed (none once all are);
//  - due: the next step, when `threshold` counting findings have incidents within `windowDays`
//    days of each other (first date to last). The trigger offered is the earliest such run, in
//    (incident date, finding id) order, so every reader offers the same findings.
// A proposal is justified by any `threshold` counting findings within the window (checkJustified),
// so a finding released between a proposal and its endorsement never invalidates it.
import type { MissionDoc, PenaltySchedule } from '../records/mission.js';
import type { Verdict } from '../taxonomy.js';

type Agreement = MissionDoc['agreements'][number];

/** A released finding as the ladder reads it (dates are incident dates, YYYY-MM-DD). */
export interface ReleasedFinding {
  id: string;
  incident: string;
  date: string;
  verdict: Verdict;
  /** A party code or "undetermined". */
  attribution: string;
  terms: string[];
}

/** 'withdrawn': its proposer's organisation superseded the proposal (a `correction`) before the k-th endorsement. */
export type PenaltyStatus = 'proposed' | 'imposed' | 'withdrawn';

/** An accepted penalty proposal, with the organisations that endorsed it (the proposer's first). */
export interface PenaltyRecord {
  id: string;
  agreement: string;
  party: string;
  step: string;
  findings: string[];
  endorsers: string[];
  status: PenaltyStatus;
}

/** What the penalty rules read: the mission's released findings and its penalties. */
export interface PenaltyFacts {
  findings: ReleasedFinding[];
  penalties: PenaltyRecord[];
}

export type PenaltyStep = PenaltySchedule['steps'][number];

export interface DueStep {
  agreement: string;
  party: string;
  step: PenaltyStep;
  /** The step's place in the ladder, from 0. */
  stepNo: number;
  /** The findings that make it due, in date order. */
  findings: ReleasedFinding[];
  /** Why, in words (for the console, the report and refusals). */
  why: string;
}

export interface Ladder {
  agreement: string;
  party: string;
  schedule: PenaltySchedule;
  /** Imposed penalties, in ladder order. */
  imposed: PenaltyRecord[];
  /** The next step (null: every step is imposed). */
  next: PenaltyStep | null;
  due: DueStep | null;
  /** The open proposal of the next step, if any. */
  proposal: PenaltyRecord | null;
  /** The counting findings not behind an imposed step, in date order. */
  counting: ReleasedFinding[];
}

/** The verdicts a schedule counts (absent: confirmed only). */
export const DEFAULT_PENALTY_VERDICTS: readonly Verdict[] = ['confirmed'];

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const byDateThenId = (a: ReleasedFinding, b: ReleasedFinding) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The terms whose violation counts under an agreement's schedule, each with the parties it obliges. */
export function scheduleTerms(m: MissionDoc, a: Agreement): Map<string, Set<string>> {
  const ids = a.penalties?.terms ?? m.terms.filter((t) => t.agreement === a.id).map((t) => t.id);
  const out = new Map<string, Set<string>>();
  for (const t of m.terms) if (ids.includes(t.id)) out.set(t.id, new Set(t.obliged));
  return out;
}

/** Why a released finding does not count on a ladder (undefined: it counts). */
export function whyNotCounting(
  m: MissionDoc,
  a: Agreement,
  party: string,
  f: ReleasedFinding,
): string | undefined {
  const s = a.penalties;
  if (!s) return `agreement ${a.id} has no penalty schedule`;
  if (f.attribution !== party) return `finding ${f.id} is attributed to ${f.attribution}`;
  const verdicts = s.verdicts ?? DEFAULT_PENALTY_VERDICTS;
  if (!verdicts.includes(f.verdict))
    return `finding ${f.id} is ${f.verdict}; the schedule counts ${verdicts.join(', ')}`;
  const terms = scheduleTerms(m, a);
  if (!f.terms.some((t) => terms.get(t)?.has(party)))
    return `finding ${f.id} names none of the schedule's terms binding ${party} (${[...terms.keys()].join(', ')})`;
  return undefined;
}

/** The earliest `n` findings (sorted) within `days` of each other, or null. */
function firstRun(sorted: ReleasedFinding[], n: number, days: number): ReleasedFinding[] | null {
  for (let i = 0; i + n <= sorted.length; i++)
    if (daysBetween(sorted[i]!.date, sorted[i + n - 1]!.date) <= days)
      return sorted.slice(i, i + n);
  return null;
}

/** The parties an agreement's schedule can penalise: those its counting terms oblige. */
function ladderParties(m: MissionDoc, a: Agreement): string[] {
  const parties = new Set<string>();
  for (const obliged of scheduleTerms(m, a).values()) for (const p of obliged) parties.add(p);
  return [...parties].sort();
}

/** One party's ladder under one agreement. */
export function ladderOf(m: MissionDoc, a: Agreement, party: string, facts: PenaltyFacts): Ladder {
  const schedule = a.penalties!;
  const mine = facts.penalties.filter((p) => p.agreement === a.id && p.party === party);
  const order = new Map(schedule.steps.map((s, i) => [s.id, i]));
  const imposed = mine
    .filter((p) => p.status === 'imposed')
    .sort((x, y) => (order.get(x.step) ?? 0) - (order.get(y.step) ?? 0));
  const consumed = new Set(imposed.flatMap((p) => p.findings));
  const counting = facts.findings
    .filter((f) => !consumed.has(f.id) && whyNotCounting(m, a, party, f) === undefined)
    .sort(byDateThenId);
  const stepNo = imposed.length;
  const next = schedule.steps[stepNo] ?? null;
  const proposal =
    next === null
      ? null
      : (mine.find((p) => p.status === 'proposed' && p.step === next.id) ?? null);
  const run = next ? firstRun(counting, schedule.threshold, schedule.windowDays) : null;
  const due: DueStep | null =
    next && run
      ? {
          agreement: a.id,
          party,
          step: next,
          stepNo,
          findings: run,
          why: `${run.length} released findings against ${party} (${describeVerdicts(schedule)}) under ${a.title} between ${run[0]!.date} and ${run[run.length - 1]!.date}, within ${schedule.windowDays} days${stepNo > 0 ? ` since step ${schedule.steps[stepNo - 1]!.id} was imposed` : ''}`,
        }
      : null;
  return { agreement: a.id, party, schedule, imposed, next, due, proposal, counting };
}

const describeVerdicts = (s: PenaltySchedule) =>
  (s.verdicts ?? DEFAULT_PENALTY_VERDICTS).join(' or ');

/** Every ladder of the mission: each agreement with a schedule, each party it can penalise. */
export function penaltyLadders(m: MissionDoc, facts: PenaltyFacts): Ladder[] {
  return m.agreements
    .filter((a) => a.penalties)
    .flatMap((a) => ladderParties(m, a).map((p) => ladderOf(m, a, p, facts)));
}

/** The steps due now, one per ladder at most. */
export function dueSteps(m: MissionDoc, facts: PenaltyFacts): DueStep[] {
  return penaltyLadders(m, facts).flatMap((l) => (l.due ? [l.due] : []));
}

export interface PenaltyClaim {
  agreement: string;
  party: string;
  step: string;
  findings: string[];
}

export type Justified =
  | { ok: true; stepNo: number }
  | { ok: false; rule: 'penalty_schedule' | 'penalty_due' | 'penalty_findings'; why: string };

/**
 * Whether a claim (a proposal, or one being endorsed) names the ladder's next step and findings
 * that make it due: `threshold` distinct counting findings within the window.
 */
export function checkJustified(m: MissionDoc, facts: PenaltyFacts, c: PenaltyClaim): Justified {
  const a = m.agreements.find((x) => x.id === c.agreement);
  if (!a?.penalties)
    return {
      ok: false,
      rule: 'penalty_schedule',
      why: a
        ? `agreement ${a.id} has no penalty schedule`
        : `no agreement ${c.agreement} in this mission`,
    };
  const s = a.penalties;
  if (!ladderParties(m, a).includes(c.party))
    return {
      ok: false,
      rule: 'penalty_schedule',
      why: `${c.party} is not bound by the terms of ${a.id}'s penalty schedule`,
    };
  const l = ladderOf(m, a, c.party, facts);
  const stepNo = s.steps.findIndex((x) => x.id === c.step);
  if (stepNo < 0)
    return {
      ok: false,
      rule: 'penalty_due',
      why: `${a.id} has no step ${c.step}; its steps are ${s.steps.map((x) => x.id).join(', ')}`,
    };
  if (!l.next)
    return { ok: false, rule: 'penalty_due', why: `every step for ${c.party} is imposed` };
  if (stepNo !== l.imposed.length)
    return {
      ok: false,
      rule: 'penalty_due',
      why:
        stepNo < l.imposed.length
          ? `step ${c.step} is already imposed on ${c.party}; the next is ${l.next.id}`
          : `the next step for ${c.party} is ${l.next.id}, not ${c.step}`,
    };
  const unique = new Set(c.findings);
  if (unique.size !== c.findings.length)
    return { ok: false, rule: 'penalty_findings', why: 'a finding is named twice' };
  const byId = new Map(facts.findings.map((f) => [f.id, f]));
  const consumed = new Set(l.imposed.flatMap((p) => p.findings));
  const named: ReleasedFinding[] = [];
  for (const id of c.findings) {
    const f = byId.get(id);
    if (!f)
      return {
        ok: false,
        rule: 'penalty_findings',
        why: `finding ${id} is not a released finding`,
      };
    if (consumed.has(id))
      return {
        ok: false,
        rule: 'penalty_findings',
        why: `finding ${id} is already behind an imposed step on ${c.party}`,
      };
    const not = whyNotCounting(m, a, c.party, f);
    if (not) return { ok: false, rule: 'penalty_findings', why: not };
    named.push(f);
  }
  if (named.length !== s.threshold)
    return {
      ok: false,
      rule: 'penalty_findings',
      why: `the schedule needs ${s.threshold} findings, ${named.length} are named${l.due ? `; the due step rests on ${l.due.findings.map((f) => f.id).join(', ')}` : ''}`,
    };
  named.sort(byDateThenId);
  const span = daysBetween(named[0]!.date, named[named.length - 1]!.date);
  if (span > s.windowDays)
    return {
      ok: false,
      rule: 'penalty_findings',
      why: `the findings named span ${span} days (${named[0]!.date} to ${named[named.length - 1]!.date}); the schedule counts ${s.threshold} within ${s.windowDays}`,
    };
  return { ok: true, stepNo };
}

/** Whether the endorsement by one more organisation imposes a penalty (k of n, exact). */
export function imposesNow(m: MissionDoc, endorsersBefore: readonly string[]): boolean {
  return endorsersBefore.length + 1 >= m.workflow.endorsementsRequired;
}
