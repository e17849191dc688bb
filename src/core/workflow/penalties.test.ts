// Penalties due from released findings (penalties.ts): examples on the demo mission's schedule, and
// properties over random findings, schedules and imposed steps (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MissionDocSchema, type MissionDoc } from '../records/mission.js';
import { VERDICTS } from '../taxonomy.js';
import {
  checkJustified,
  daysBetween,
  dueSteps,
  penaltyLadders,
  whyNotCounting,
  type PenaltyFacts,
  type PenaltyRecord,
  type ReleasedFinding,
} from './penalties.js';

const raw = JSON.parse(
  readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { agreements: Record<string, unknown>[] };
const mission = MissionDocSchema.parse(raw);
const ISTANBUL = 'istanbul-2025-10-30';

/** The demo mission with the Istanbul schedule's threshold and window replaced. */
function withSchedule(threshold: number, windowDays: number, verdicts = ['confirmed']): MissionDoc {
  const copy = structuredClone(raw);
  const a = copy.agreements.find((x) => x.id === ISTANBUL)!;
  a.penalties = { ...(a.penalties as object), threshold, windowDays, verdicts };
  return MissionDocSchema.parse(copy);
}

let n = 0;
const finding = (over: Partial<ReleasedFinding>): ReleasedFinding => ({
  id: `019a0000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  incident: `inc-${n}`,
  date: '2025-11-01',
  verdict: 'confirmed',
  attribution: 'PK',
  terms: ['no-cross-border-attacks'],
  ...over,
});

test('the demo schedule: two confirmed findings against PK within 30 days make formal notice due', () => {
  const a = finding({ date: '2025-11-17' });
  const b = finding({ date: '2025-11-26' });
  const noise = [
    finding({ date: '2025-11-18', verdict: 'probable' }),
    finding({ date: '2025-11-19', attribution: 'undetermined' }),
    finding({ date: '2025-11-20', attribution: 'AF' }),
    finding({ date: '2025-11-21', terms: [] }),
  ];
  const facts: PenaltyFacts = { findings: [b, ...noise, a], penalties: [] };
  const due = dueSteps(mission, facts);
  assert.equal(due.length, 1);
  assert.equal(due[0]!.party, 'PK');
  assert.equal(due[0]!.step.id, 'formal-notice');
  assert.deepEqual(
    due[0]!.findings.map((f) => f.id),
    [a.id, b.id],
  );
  assert.match(
    due[0]!.why,
    /2 released findings against PK \(confirmed\).*2025-11-17 and 2025-11-26/,
  );
  assert.match(whyNotCounting(mission, mission.agreements[1]!, 'PK', noise[0]!)!, /probable/);
  assert.match(whyNotCounting(mission, mission.agreements[1]!, 'PK', noise[3]!)!, /names none/);
  // The Doha agreement has no schedule: nothing is due under it.
  assert.ok(penaltyLadders(mission, facts).every((l) => l.agreement === ISTANBUL));
});

test('two findings 31 days apart are not due; imposing a step moves the ladder and spends its findings', () => {
  const a = finding({ date: '2025-11-17' });
  const b = finding({ date: '2025-12-18' });
  assert.equal(dueSteps(mission, { findings: [a, b], penalties: [] }).length, 0);
  const c = finding({ date: '2025-12-20' });
  const due = dueSteps(mission, { findings: [a, b, c], penalties: [] });
  assert.deepEqual(
    due[0]!.findings.map((f) => f.id),
    [b.id, c.id],
  );
  const imposed: PenaltyRecord = {
    id: 'p1',
    agreement: ISTANBUL,
    party: 'PK',
    step: 'formal-notice',
    findings: [b.id, c.id],
    endorsers: ['QA', 'TR'],
    status: 'imposed',
  };
  const after: PenaltyFacts = { findings: [a, b, c], penalties: [imposed] };
  assert.equal(dueSteps(mission, after).length, 0);
  const again = checkJustified(mission, after, {
    agreement: ISTANBUL,
    party: 'PK',
    step: 'formal-notice',
    findings: [b.id, c.id],
  });
  assert.deepEqual(again.ok ? null : [again.rule], ['penalty_due']);
  const reused = checkJustified(mission, after, {
    agreement: ISTANBUL,
    party: 'PK',
    step: 'public-statement',
    findings: [a.id, c.id],
  });
  assert.ok(!reused.ok && reused.rule === 'penalty_findings' && /already behind/.test(reused.why));
  const d = finding({ date: '2025-12-10' }); // with a (11-17): 23 days
  const next = dueSteps(mission, { findings: [a, b, c, d], penalties: [imposed] });
  assert.equal(next[0]!.step.id, 'public-statement');
  assert.match(next[0]!.why, /since step formal-notice was imposed/);
});

test('refusals name the rule and the way out', () => {
  const a = finding({ date: '2025-11-17' });
  const b = finding({ date: '2025-11-26' });
  const facts: PenaltyFacts = { findings: [a, b], penalties: [] };
  const claim = { agreement: ISTANBUL, party: 'PK', step: 'formal-notice', findings: [a.id, b.id] };
  assert.deepEqual(checkJustified(mission, facts, claim), { ok: true, stepNo: 0 });
  const cases: [Partial<typeof claim>, string, RegExp][] = [
    [{ agreement: 'doha-2025-10-19' }, 'penalty_schedule', /has no penalty schedule/],
    [{ agreement: 'nowhere' }, 'penalty_schedule', /no agreement nowhere/],
    [{ party: 'QA' }, 'penalty_schedule', /QA is not bound/],
    [{ step: 'referral' }, 'penalty_due', /next step for PK is formal-notice/],
    [{ step: 'sanctions' }, 'penalty_due', /no step sanctions; its steps are formal-notice/],
    [
      { findings: [a.id] },
      'penalty_findings',
      /needs 2 findings, 1 are named; the due step rests on/,
    ],
    [{ findings: [a.id, a.id] }, 'penalty_findings', /named twice/],
    [{ findings: [a.id, 'x'] }, 'penalty_findings', /x is not a released finding/],
    [{ party: 'AF' }, 'penalty_findings', /attributed to PK/],
  ];
  for (const [over, rule, why] of cases) {
    const r = checkJustified(mission, facts, { ...claim, ...over });
    assert.ok(!r.ok, JSON.stringify(over));
    assert.equal(r.rule, rule, JSON.stringify(over));
    assert.match(r.why, why);
  }
  const far = finding({ date: '2026-01-30' });
  const r = checkJustified(
    mission,
    { findings: [a, b, far], penalties: [] },
    { ...claim, findings: [a.id, far.id] },
  );
  assert.ok(!r.ok && /span 74 days/.test(r.why));
});

test('the mission schema refuses a schedule that names unknown terms, repeats a step or lacks mediators', () => {
  const bad = structuredClone(raw);
  const a = bad.agreements.find((x) => x.id === ISTANBUL)!;
  const p = a.penalties as { terms: string[]; steps: { id: string; title: string }[] };
  p.terms = ['no-such-term'];
  p.steps = [p.steps[0]!, p.steps[0]!];
  a.mediators = ['QA'];
  const r = MissionDocSchema.safeParse(bad);
  assert.ok(!r.success);
  const messages = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.ok(messages.includes('agreements.1.penalties.terms.0: unknown term no-such-term'));
  assert.ok(messages.includes('agreements.1.penalties.steps.1.id: duplicate step formal-notice'));
  assert.ok(
    messages.some((m) => /imposed by 2 of the agreement's mediators, but it has 1/.test(m)),
  );
  const extra = structuredClone(raw);
  (extra.agreements[1]!.penalties as Record<string, unknown>).after = 3;
  assert.ok(!MissionDocSchema.safeParse(extra).success, 'an unknown key is refused');
});

// Properties over random histories.

const PARTIES = ['PK', 'AF', 'undetermined'];
const TERMS = mission.terms.map((t) => t.id);
const findingArb = fc.record({
  day: fc.integer({ min: 0, max: 120 }),
  verdict: fc.constantFrom(...VERDICTS),
  attribution: fc.constantFrom(...PARTIES),
  terms: fc.subarray(TERMS),
});
const historyArb = fc.record({
  threshold: fc.integer({ min: 1, max: 3 }),
  windowDays: fc.integer({ min: 0, max: 45 }).map((d) => Math.max(1, d)),
  probable: fc.boolean(),
  findings: fc.array(findingArb, { maxLength: 14 }),
  /** How many times the due steps are imposed before the properties are checked. */
  rounds: fc.integer({ min: 0, max: 3 }),
});

function build(h: HistoryInput) {
  const m = withSchedule(
    h.threshold,
    h.windowDays,
    h.probable ? ['confirmed', 'probable'] : ['confirmed'],
  );
  const findings = h.findings.map((f, i) => ({
    id: `f-${String(i).padStart(3, '0')}`,
    incident: `i-${i}`,
    date: new Date(Date.UTC(2025, 9, 20) + f.day * 86_400_000).toISOString().slice(0, 10),
    verdict: f.verdict,
    attribution: f.attribution,
    terms: f.terms,
  }));
  const penalties: PenaltyRecord[] = [];
  for (let r = 0; r < h.rounds; r++)
    for (const d of dueSteps(m, { findings, penalties }))
      penalties.push({
        id: `p-${penalties.length}`,
        agreement: d.agreement,
        party: d.party,
        step: d.step.id,
        findings: d.findings.map((f) => f.id),
        endorsers: ['QA', 'TR'],
        status: 'imposed',
      });
  return { m, facts: { findings, penalties } satisfies PenaltyFacts };
}
interface HistoryInput {
  threshold: number;
  windowDays: number;
  probable: boolean;
  findings: {
    day: number;
    verdict: ReleasedFinding['verdict'];
    attribution: string;
    terms: string[];
  }[];
  rounds: number;
}

/** Every k-subset of xs (xs is short in these properties). */
function subsets<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [head, ...rest] = xs;
  return [...subsets(rest, k - 1).map((s) => [head!, ...s]), ...subsets(rest, k)];
}

test('property: a due step is justified by exactly the findings it names, all counting, within the window', () => {
  fc.assert(
    fc.property(historyArb, (h) => {
      const { m, facts } = build(h);
      for (const d of dueSteps(m, facts)) {
        const ids = d.findings.map((f) => f.id);
        assert.equal(ids.length, h.threshold);
        const span = daysBetween(d.findings[0]!.date, d.findings.at(-1)!.date);
        assert.ok(span <= h.windowDays);
        const a = m.agreements.find((x) => x.id === d.agreement)!;
        for (const f of d.findings) assert.equal(whyNotCounting(m, a, d.party, f), undefined);
        assert.deepEqual(
          checkJustified(m, facts, {
            agreement: d.agreement,
            party: d.party,
            step: d.step.id,
            findings: ids,
          }),
          { ok: true, stepNo: d.stepNo },
        );
      }
    }),
    { numRuns: 300 },
  );
});

test('property: when nothing is due, no choice of findings justifies any step; when due, only the next step', () => {
  fc.assert(
    fc.property(historyArb, (h) => {
      const { m, facts } = build(h);
      for (const l of penaltyLadders(m, facts)) {
        const pool = facts.findings.map((f) => f.id);
        for (const ids of subsets(pool, h.threshold))
          for (const step of l.schedule.steps) {
            const r = checkJustified(m, facts, {
              agreement: l.agreement,
              party: l.party,
              step: step.id,
              findings: ids,
            });
            if (r.ok) {
              assert.ok(l.due, `${ids.join(',')} justify ${step.id} but nothing is due`);
              assert.equal(step.id, l.due.step.id);
            }
          }
      }
    }),
    { numRuns: 150 },
  );
});

test('property: imposing the due step moves the ladder by one and its findings never count again', () => {
  fc.assert(
    fc.property(historyArb, (h) => {
      const { m, facts } = build(h);
      for (const d of dueSteps(m, facts)) {
        const rec: PenaltyRecord = {
          id: 'new',
          agreement: d.agreement,
          party: d.party,
          step: d.step.id,
          findings: d.findings.map((f) => f.id),
          endorsers: ['QA', 'TR'],
          status: 'imposed',
        };
        const after = { findings: facts.findings, penalties: [...facts.penalties, rec] };
        const l = penaltyLadders(m, after).find(
          (x) => x.agreement === d.agreement && x.party === d.party,
        )!;
        assert.equal(l.imposed.length, d.stepNo + 1);
        assert.equal(l.next?.id ?? null, l.schedule.steps[d.stepNo + 1]?.id ?? null);
        const spent = new Set(rec.findings);
        assert.ok(l.counting.every((f) => !spent.has(f.id)));
        if (l.due) assert.ok(l.due.findings.every((f) => !spent.has(f.id)));
      }
    }),
    { numRuns: 300 },
  );
});

test('property: the order findings arrive in and findings that do not count change nothing', () => {
  fc.assert(
    fc.property(historyArb, fc.integer(), findingArb, (h, seed, extra) => {
      const { m, facts } = build(h);
      const before = JSON.stringify(dueSteps(m, facts));
      const shuffled = [...facts.findings];
      let s = seed >>> 0;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      assert.equal(JSON.stringify(dueSteps(m, { ...facts, findings: shuffled })), before);
      const stray: ReleasedFinding = {
        id: 'stray',
        incident: 'i-stray',
        date: '2025-11-01',
        verdict: extra.verdict,
        attribution: 'undetermined',
        terms: extra.terms,
      };
      assert.equal(
        JSON.stringify(dueSteps(m, { ...facts, findings: [...facts.findings, stray] })),
        before,
      );
    }),
    { numRuns: 200 },
  );
});
