// Nothing derived from a confidential record reaches a reader who may not read the record (issue 9,
// finding 4), on both stores: an incident opened on PK's confidential report shows AF and the public
// neither the incident, nor its fatalities or parties, in the detail, the list, the party filter,
// the daily report, the statistics or compliance; PK, analysts and mediators see them; a reveal
// makes them public.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { exampleBody } from '../core/examples.js';
import { openTestStore, type TestStore } from './test-stores.test-support.js';
import { PUBLIC_VIEWER, type Viewer } from './workflow-store.js';
import { WorkflowKit, type Submitted } from './workflow.test-support.js';

const M = 'pak-afg';
const PK: Viewer = { role: 'party', org: 'PK', user: 'pk-liaison' };
const AF: Viewer = { role: 'party', org: 'AF', user: 'af-liaison' };
const ANALYST: Viewer = { role: 'analyst', org: 'AD', user: 'analyst' };
const DAY = '2025-10-15';

function ok(s: Submitted): Submitted & { index: number } {
  assert.ok(s.ok, s.ok ? '' : s.message);
  return s as Submitted & { index: number };
}

/** PK's confidential allegation against AF: nine dead at Chaman. */
const secret = () => {
  const { accused: _a, ...base } = exampleBody('report');
  return {
    ...base,
    title: 'Confidential: mortar fire on Chaman',
    description: 'Names of the informants withheld.',
    fatalities: { count: 9, claimedBy: 'PK' },
    accused: 'AF',
    actors: [],
    terms: [],
  };
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`confidential records feed no shown field: ${kind}`, () => {
    let opened: TestStore | string;
    let kit: WorkflowKit | undefined;
    before(async () => {
      opened = await openTestStore(kind);
      if (typeof opened !== 'string') kit = await WorkflowKit.create(opened.store);
    });
    after(async () => {
      if (typeof opened !== 'string') await opened.cleanup();
    });
    const it = (name: string, fn: (k: WorkflowKit) => Promise<void>) =>
      test(name, async (tc) => {
        if (!kit) return tc.skip(opened as string);
        await fn(kit);
      });

    it('an incident opened on a confidential report alone is invisible to the other side and the public', async (k) => {
      const c = await k.submitConfidential('pk-liaison', 'report', secret());
      assert.ok(c.ok);
      const inc = ok(
        await k.submit('analyst', 'incident', {
          ...exampleBody('incident'),
          title: 'Chaman, 15 October',
          reports: [c.env.id],
        }),
      );
      const id = inc.env.id;
      assert.equal(await k.wf.getIncident(M, id, AF), undefined, 'AF may not read PK’s record');
      assert.equal(await k.wf.getIncident(M, id, PUBLIC_VIEWER), undefined);
      for (const v of [AF, PUBLIC_VIEWER]) {
        const list = await k.wf.listIncidents(M, { limit: 50 }, v);
        assert.ok(!list.items.some((i) => i.id === id));
        const stats = await k.wf.dailyStats(M, { from: DAY, to: DAY }, v);
        assert.deepEqual(stats.days, []);
        const daily = await k.wf.dailyReport(M, DAY, v);
        assert.equal(daily.totals.fatalities, 0);
      }
      // Its side and the readers of everything see what it says.
      for (const v of [PK, ANALYST]) {
        const d = await k.wf.getIncident(M, id, v);
        assert.equal(d?.fatalities, 9);
        assert.deepEqual(d?.parties, ['AF', 'PK']);
        const row = (await k.wf.listIncidents(M, { limit: 50 }, v)).items.find((i) => i.id === id);
        assert.equal(row?.fatalities, 9);
      }
      const byParty = await k.wf.listIncidents(M, { limit: 50, party: ['AF'] }, ANALYST);
      assert.ok(
        byParty.items.some((i) => i.id === id),
        'the analyst finds it by party',
      );
      // Compliance is public: the nine confidential dead make no major incident.
      assert.equal((await k.wf.compliance(M, '2025-10-30T00:00:00.000Z')).lastMajorIncident, null);
      // Nor does an unreleased incident's (AF's report of 12 dead is not yet for the public).
      const pub = ok(await k.submit('af-liaison', 'report', exampleBody('report')));
      ok(
        await k.submit('analyst', 'incident', {
          ...exampleBody('incident'),
          occurred: { date: '2025-10-16', time_precision: 1 },
          reports: [pub.env.id],
        }),
      );
      assert.equal((await k.wf.compliance(M, '2025-10-30T00:00:00.000Z')).lastMajorIncident, null);
    });

    it('beside a public report, the other side and (after release) the public see only the public figures, until a reveal', async (k) => {
      const pub = ok(
        await k.submit('af-liaison', 'report', {
          ...exampleBody('report'),
          fatalities: { count: 1, claimedBy: 'AF' },
        }),
      );
      const c = await k.submitConfidential('pk-liaison', 'report', secret());
      assert.ok(c.ok);
      const inc = ok(
        await k.submit('analyst', 'incident', {
          ...exampleBody('incident'),
          reports: [pub.env.id, c.env.id],
        }),
      );
      const id = inc.env.id;
      const af = await k.wf.getIncident(M, id, AF);
      assert.equal(af?.fatalities, 1, 'not the 9 of PK’s confidential report');
      assert.deepEqual(af?.parties, ['AF', 'PK']);
      assert.ok(!af?.records.some((r) => r.id === c.env.id));
      assert.equal(af?.allegations.length, 1);
      assert.equal((await k.wf.dailyReport(M, DAY, AF)).totals.fatalities, 1);
      assert.equal((await k.wf.getIncident(M, id, PK))?.fatalities, 9);
      assert.equal((await k.wf.getIncident(M, id, ANALYST))?.fatalities, 9);
      // Released: the public sees the incident with the public figures only.
      ok(
        await k.submit('analyst', 'incident', {
          action: 'status',
          incident: id,
          status: 'under_review',
        }),
      );
      const f = ok(
        await k.submit('analyst', 'finding', { ...exampleBody('finding'), incident: id }),
      );
      ok(await k.submit('qa-mediator', 'endorsement', { finding: f.env.id }));
      ok(await k.submit('tr-mediator', 'endorsement', { finding: f.env.id }));
      ok(await k.submit('qa-mediator', 'release', { finding: f.env.id, incident: id }));
      const p = await k.wf.getIncident(M, id, PUBLIC_VIEWER);
      assert.equal(p?.fatalities, 1);
      assert.ok(!p?.records.some((r) => r.id === c.env.id));
      const row = (await k.wf.listIncidents(M, { limit: 50 }, PUBLIC_VIEWER)).items.find(
        (i) => i.id === id,
      );
      assert.equal(row?.fatalities, 1);
      const stats = await k.wf.dailyStats(M, { from: DAY, to: DAY }, PUBLIC_VIEWER);
      assert.equal(stats.days[0]?.fatalities, 1);
      // PK reveals its report: now its figures are public.
      ok(
        await k.submit('pk-liaison', 'reveal', {
          commitment: c.commitment.id,
          salt: c.salt,
          entry: c.entry,
        }),
      );
      assert.equal((await k.wf.getIncident(M, id, PUBLIC_VIEWER))?.fatalities, 9);
      assert.equal((await k.wf.getIncident(M, id, AF))?.fatalities, 9);
      // And a rebuild from the log derives the same.
      const before = await k.wf.snapshot(M);
      await k.wf.rebuild(M);
      assert.deepEqual(await k.wf.snapshot(M), before);
    });
  });
}
