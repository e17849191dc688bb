// Response deadlines run on log time — the witness quorum's time for the first cosigned checkpoint
// covering an entry — on both stores: the signed `at` is shown as claimed and moves no deadline.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { exampleBody } from '../core/examples.js';
import { openTestStore, type TestStore } from './test-stores.test-support.js';
import { WorkflowStore, type Viewer } from './workflow-store.js';
import { WorkflowKit, type FiledAt, type Submitted } from './workflow.test-support.js';

const M = 'pak-afg';
const PK: Viewer = { role: 'party', org: 'PK', user: 'pk-liaison' };
const T0 = Date.parse('2025-11-01T00:00:00.000Z');
const H = 3_600_000;
/** T0 plus hours (and minutes), as RFC 3339. */
const t = (hours: number, minutes = 0) => new Date(T0 + hours * H + minutes * 60_000).toISOString();

function ok(s: Submitted): Submitted & { index: number } {
  assert.ok(s.ok, s.ok ? '' : s.message);
  return s as Submitted & { index: number };
}

/** AF alleges a PK strike signed `at`, filed as `filed` says; an analyst opens its incident. */
async function allegation(k: WorkflowKit, at: string, filed: FiledAt) {
  const al = ok(await k.submit('af-liaison', 'report', exampleBody('report'), at, filed));
  const inc = ok(
    await k.submit(
      'analyst',
      'incident',
      { ...exampleBody('incident'), reports: [al.env.id] },
      filed.now ?? at,
      { now: filed.now ?? at, loggedAt: filed.loggedAt === null ? null : (filed.now ?? at) },
    ),
  );
  return { allegation: al.env.id, incident: inc.env.id };
}

async function respond(
  k: WorkflowKit,
  a: { allegation: string; incident: string },
  at: string,
  filed: FiledAt,
) {
  const body = { ...exampleBody('response'), incident: a.incident, allegation: a.allegation };
  return ok(await k.submit('pk-liaison', 'response', body, at, filed));
}

const deadline = async (k: WorkflowKit, incident: string, now: string) =>
  (await k.wf.getIncident(M, incident, PK, new Date(now)))!.allegations[0]!;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`response deadlines by log time: ${kind}`, () => {
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

    it('a back-dated allegation starts its deadline when it is logged, not at its signed time', async (k) => {
      // Signed 70 hours before it was filed (inside the 72-hour bound); logged at T0.
      const a = await allegation(k, t(-70), { now: t(0) });
      const v = await deadline(k, a.incident, t(3));
      assert.equal(v.at, t(-70), 'the signed time, shown as claimed');
      assert.equal(v.loggedAt, t(0));
      assert.equal(v.responseDue, t(72));
      assert.equal(v.deadline, 'pending', 'by its signed time it would be missed already');
      assert.equal((await deadline(k, a.incident, t(72, 1))).deadline, 'missed');
      const rec = await k.wf.getRecord(M, a.allegation, PK);
      assert.equal(rec?.at, t(-70));
      assert.equal(rec?.loggedAt, t(0));
    });

    it('a response received in time but first cosigned after the deadline is late; before any cosigned checkpoint it is pending', async (k) => {
      const a = await allegation(k, t(0), { now: t(0) });
      // Received at 71 h, signed back at 70 h (inside the bound); the witnesses were unreachable,
      // so the first checkpoint covering it carries no quorum.
      const r = await respond(k, a, t(70), { now: t(71), loggedAt: null });
      const waiting = await deadline(k, a.incident, t(80));
      assert.equal(waiting.response, r.env.id);
      assert.equal(waiting.respondedAt, t(70));
      assert.equal(waiting.responseLoggedAt, null);
      assert.equal(waiting.deadline, 'pending', 'not answered until the log attests it');
      // The witnesses come back at 73 h and cosign the same tree.
      await k.checkpoint(r.index + 1, t(73));
      const late = await deadline(k, a.incident, t(80));
      assert.equal(late.responseLoggedAt, t(73));
      assert.equal(late.deadline, 'answered_late');
    });

    it('a late response signed with an early or forward time (inside the clock skew) is late', async (k) => {
      const early = await allegation(k, t(0), { now: t(0) });
      await respond(k, early, t(71, 59), { now: t(72, 2) });
      assert.equal((await deadline(k, early.incident, t(80))).deadline, 'answered_late');
      const forward = await allegation(k, t(1), { now: t(1) });
      // Filed at 73:56, signed four minutes ahead (the future bound allows five).
      await respond(k, forward, t(74), { now: t(73, 56) });
      assert.equal((await deadline(k, forward.incident, t(80))).deadline, 'answered_late');
      // And the control: logged inside the window, answered.
      const inTime = await allegation(k, t(2), { now: t(2) });
      await respond(k, inTime, t(50), { now: t(50) });
      const v = await deadline(k, inTime.incident, t(80));
      assert.equal(v.deadline, 'answered');
      assert.equal(v.responseLoggedAt, t(50));
    });

    it('an allegation not yet covered by a cosigned checkpoint has no deadline yet', async (k) => {
      // Neither it nor the incident opened on it reached a checkpoint with the witness quorum.
      const a = await allegation(k, t(0), { now: t(0), loggedAt: null });
      const v = await deadline(k, a.incident, t(500));
      assert.equal(v.loggedAt, null);
      assert.equal(v.responseDue, null);
      assert.equal(v.deadline, 'pending');
    });

    it('log times are stored: a rebuilt read model and a fresh reader give the same deadlines', async (k) => {
      const a = await allegation(k, t(-10), { now: t(10) });
      await respond(k, a, t(90), { now: t(90) });
      const before = await k.wf.getIncident(M, a.incident, PK, new Date(t(100)));
      assert.equal(before?.allegations[0]?.deadline, 'answered_late');
      await k.wf.rebuild(M);
      const after = await k.wf.getIncident(M, a.incident, PK, new Date(t(100)));
      assert.deepEqual(after, before);
      const fresh = new WorkflowStore(k.store);
      assert.deepEqual(await fresh.getIncident(M, a.incident, PK, new Date(t(100))), before);
    });
  });
}
