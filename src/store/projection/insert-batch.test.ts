// The projection's batched inserts (insert-batch.ts) leave the read model exactly as per-entry
// inserts did, on both stores: a log of 340 reports with an incident, a response and a refused
// report among them, applied in one catch-up (chunks of many reports per statement), must show the
// incident's reports linked and the response recorded (both read rows that earlier reports of the
// same chunk added), and equal both a rebuild and the same kind of log applied one entry at a time.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { exampleBody } from '../../core/examples.js';
import type { Envelope } from '../../core/envelope.js';
import { openTestStore, type TestStore } from '../test-stores.test-support.js';
import { WorkflowKit, loadPakAfg } from '../workflow.test-support.js';

type Signed = { envelope: Envelope; bytes: Uint8Array };

/** Reports, an incident on the first five, PK's response to the first, a refused report, more. */
async function floodWithDependents(k: WorkflowKit, reports: number) {
  const entries: Signed[] = [];
  const reportIds: string[] = [];
  const report = async (i: number) => {
    const s = await k.sign('af-liaison', 'report', {
      ...exampleBody('report'),
      title: `Report ${i}`,
    });
    reportIds.push(s.envelope.id);
    entries.push(s);
  };
  for (let i = 0; i < 40; i++) await report(i);
  const incident = await k.sign('analyst', 'incident', {
    ...exampleBody('incident'),
    reports: reportIds.slice(0, 5),
  });
  entries.push(incident);
  entries.push(
    await k.sign('pk-liaison', 'response', {
      ...exampleBody('response'),
      incident: incident.envelope.id,
      allegation: reportIds[0],
    }),
  );
  // PK accusing itself: refused (allegation_other_side), its wf_records row says so.
  const selfAccused = await k.sign('pk-liaison', 'report', {
    ...exampleBody('report'),
    fatalities: { count: 1, claimedBy: 'PK' },
    accused: 'PK',
  });
  entries.push(selfAccused);
  for (let i = 40; i < reports; i++) await report(i);
  const late = await k.sign('analyst', 'incident', {
    ...exampleBody('incident'),
    reports: reportIds.slice(reports - 3),
  });
  entries.push(late);
  return {
    entries,
    reportIds,
    incident: incident.envelope.id,
    late: late.envelope.id,
    selfAccused,
  };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`projection insert batches: ${kind}`, () => {
    let opened: TestStore | string;
    before(async () => {
      opened = await openTestStore(kind);
    });
    after(async () => {
      if (typeof opened !== 'string') await opened.cleanup();
    });
    const it = (name: string, fn: (o: TestStore) => Promise<void>) =>
      test(name, async (tc) => {
        if (typeof opened === 'string') return tc.skip(opened);
        await fn(opened);
      });

    it('one catch-up over a flood with dependents: links, response, refusal, rebuild equal', async (o) => {
      const k = await WorkflowKit.create(o.store, { ...loadPakAfg(), slug: 'batch-one' });
      const M = k.doc.slug;
      const f = await floodWithDependents(k, 340);
      await k.integrate(f.entries); // appended together, projected by one catch-up
      assert.equal(await k.wf.applied(M), await k.store.logSize(M));
      const rows = await sql<{ id: string; incident: string | null; response: string | null }>`
        select id, incident, response from wf_reports where mission = ${M}`.execute(k.wf.db);
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      assert.equal(byId.size, 340, 'every accepted report has its row');
      for (const id of f.reportIds.slice(0, 5)) assert.equal(byId.get(id)?.incident, f.incident);
      for (const id of f.reportIds.slice(337)) assert.equal(byId.get(id)?.incident, f.late);
      assert.equal(byId.get(f.reportIds[5]!)?.incident, null);
      assert.ok(byId.get(f.reportIds[0]!)?.response, 'the response found its allegation');
      const refused = await sql<{ refused: string | null }>`
        select refused from wf_records where mission = ${M} and id = ${f.selfAccused.envelope.id}`.execute(
        k.wf.db,
      );
      assert.equal(refused.rows[0]?.refused, 'allegation_other_side');
      const before = await k.wf.snapshot(M);
      await k.wf.rebuild(M);
      assert.deepEqual(await k.wf.snapshot(M), before);
    });

    it('applied one entry at a time, the same read model as its batched rebuild', async (o) => {
      const k = await WorkflowKit.create(o.store, { ...loadPakAfg(), slug: 'batch-each' });
      const M = k.doc.slug;
      const f = await floodWithDependents(k, 60);
      for (const e of f.entries) await k.integrate([e]); // a catch-up per entry: nothing to batch
      const each = await k.wf.snapshot(M);
      assert.equal(each.wf_reports?.length, 60);
      await k.wf.rebuild(M); // the whole log in one chunk: reports batched between the others
      assert.deepEqual(await k.wf.snapshot(M), each);
    });
  });
}
