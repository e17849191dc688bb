// The workflow read model's conformance suite, run against every store driver (through
// store.test-suite.ts): the scenario of issue 4 moving through the state machine, refusals that
// change nothing, list filters, visibility, confidential records, and a rebuild from the log that
// gives the very same tables.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { exampleBody } from '../core/examples.js';
import type { StoreFixture } from './store.test-suite.js';
import { PUBLIC_VIEWER, type IncidentQuery, type Viewer } from './workflow-store.js';
import { WorkflowKit, loadPakAfg, type Submitted } from './workflow.test-support.js';

const M = 'pak-afg';
const PK: Viewer = { role: 'party', org: 'PK', user: 'pk-liaison' };
const AF: Viewer = { role: 'party', org: 'AF', user: 'af-liaison' };
const ANALYST: Viewer = { role: 'analyst', org: 'AD', user: 'analyst' };

function ok(s: Submitted): Submitted & { index: number } {
  assert.ok(s.ok, s.ok ? '' : s.message);
  assert.equal(typeof s.index, 'number');
  return s as Submitted & { index: number };
}
function refused(s: Submitted, status: number, rule: string) {
  assert.equal(s.ok, false, `expected rule ${rule} to refuse`);
  if (!s.ok) {
    assert.equal(s.rule, rule, s.message);
    assert.equal(s.status, status);
    assert.match(s.message, new RegExp(`^rule ${rule}: `));
  }
}

const report = (over: Record<string, unknown> = {}) => ({ ...exampleBody('report'), ...over });

export function workflowConformance(
  name: string,
  open: () => Promise<StoreFixture | string>,
): void {
  describe(`workflow conformance: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    let kit: WorkflowKit | undefined;
    let skipReason: string | undefined;
    const ids: Record<string, string> = {};

    before(async () => {
      const opened = await open();
      if (typeof opened === 'string') skipReason = opened;
      else {
        fixture = opened;
        kit = await WorkflowKit.create(opened.store);
      }
    });
    after(async () => fixture?.cleanup());

    const it = (title: string, fn: (kit: WorkflowKit) => Promise<void>) =>
      test(title, async (t) => {
        if (!kit) {
          t.skip(skipReason);
          return;
        }
        await fn(kit);
      });

    it('allegation, response, investigation with access denied, finding, 2-of-2 endorsement, release', async (k) => {
      // AF alleges a Pakistani air strike; PK cannot file it as its own allegation against itself.
      const pkClaim = { count: 12, claimedBy: 'PK' };
      refused(
        await k.submit('pk-liaison', 'report', report({ fatalities: pkClaim })),
        403,
        'allegation_other_side',
      );
      refused(
        await k.submit('pk-liaison', 'report', report({ accused: 'AF' })),
        403,
        'party_own_side',
      );
      const al = ok(await k.submit('af-liaison', 'report', report()));
      ids.allegation = al.env.id;
      // Only analysts open incidents; a report belongs to one incident.
      const inc = {
        ...exampleBody('incident'),
        reports: [al.env.id],
      };
      refused(await k.submit('monitor', 'incident', inc), 403, 'kind_author');
      const opened = ok(await k.submit('analyst', 'incident', inc));
      ids.incident = opened.env.id;
      refused(await k.submit('analyst', 'incident', inc), 422, 'report_free');
      // The response: only the accused side, naming the allegation of this incident.
      const resp = { ...exampleBody('response'), incident: ids.incident, allegation: al.env.id };
      refused(await k.submit('af-liaison', 'response', resp), 403, 'response_own_side');
      refused(
        await k.submit('pk-liaison', 'response', { ...resp, allegation: ids.incident }),
        422,
        'ref_exists',
      );
      ok(await k.submit('pk-liaison', 'response', resp));
      // A finding cannot be drafted on a merely reported incident; a task moves it to investigating.
      const finding = { ...exampleBody('finding'), incident: ids.incident };
      refused(await k.submit('analyst', 'finding', finding), 422, 'finding_state');
      const assign = { ...exampleBody('task'), incident: ids.incident };
      refused(
        await k.submit('analyst', 'task', { ...assign, assignee: 'qa-mediator' }),
        422,
        'task_assignee_monitor',
      );
      const task = ok(await k.submit('analyst', 'task', assign));
      const close = {
        action: 'close',
        task: task.env.id,
        outcome: 'access_denied',
        notes: 'Turned back at the checkpoint.',
      };
      refused(
        await k.submit('af-liaison', 'task', { ...close, deniedBy: 'AF' }),
        403,
        'kind_author',
      );
      refused(await k.submit('monitor', 'task', close), 422, 'denied_by_party');
      ok(await k.submit('monitor', 'task', { ...close, deniedBy: 'PK' }));
      refused(await k.submit('monitor', 'task', { ...close, deniedBy: 'PK' }), 422, 'task_open');
      let detail = await k.wf.getIncident(M, ids.incident, ANALYST);
      assert.equal(detail?.status, 'investigating');
      assert.equal(detail?.tasks[0]?.outcome, 'access_denied');
      assert.equal(detail?.allegations[0]?.deadline, 'answered');
      // The finding, endorsements from two distinct mediator organisations, then release.
      refused(await k.submit('af-liaison', 'finding', finding), 403, 'kind_author');
      refused(
        await k.submit('analyst', 'finding', { ...finding, attribution: 'QA' }),
        422,
        'attribution_party',
      );
      const f = ok(await k.submit('analyst', 'finding', finding));
      ids.finding = f.env.id;
      const endorse = { finding: f.env.id };
      const release = { finding: f.env.id, incident: ids.incident };
      refused(await k.submit('pk-liaison', 'endorsement', endorse), 403, 'endorse_by_mediator');
      ok(await k.submit('qa-mediator', 'endorsement', endorse));
      refused(await k.submit('qa-mediator', 'endorsement', endorse), 422, 'endorse_distinct_org');
      refused(await k.submit('qa-mediator', 'release', release), 422, 'release_endorsed');
      ok(await k.submit('tr-mediator', 'endorsement', endorse));
      assert.equal((await k.wf.getIncident(M, ids.incident, ANALYST))?.status, 'endorsed');
      refused(
        await k.submit('qa-mediator', 'release', { ...release, incident: al.env.id }),
        422,
        'release_incident',
      );
      refused(await k.submit('analyst', 'release', release), 403, 'release_by_mediator');
      ok(await k.submit('qa-mediator', 'release', release));
      detail = await k.wf.getIncident(M, ids.incident, PUBLIC_VIEWER);
      assert.equal(detail?.status, 'released');
      assert.equal(detail?.verdict, 'probable');
      assert.equal(detail?.attribution, 'PK');
      assert.deepEqual(detail?.findings[0]?.endorsers, ['QA', 'TR']);
      assert.ok(detail!.records.every((r) => typeof r.index === 'number' && r.refused === null));
      assert.deepEqual(
        detail!.records.map((r) => r.kind),
        [
          'report',
          'incident',
          'response',
          'task',
          'task',
          'finding',
          'endorsement',
          'endorsement',
          'release',
        ],
      );
      refused(await k.submit('tr-mediator', 'endorsement', endorse), 422, 'endorse_open');
    });

    it('corrections supersede: only the filing organisation, once, with a valid replacement', async (k) => {
      const f = await k.wf.getRecord(M, ids.finding!, ANALYST);
      assert.ok(f);
      const body = {
        supersedes: { index: f.index, id: f.id },
        reason: 'New imagery confirms the strike.',
        replacement: { ...exampleBody('finding'), incident: ids.incident, verdict: 'confirmed' },
      };
      refused(await k.submit('pk-liaison', 'correction', body), 403, 'correction_own');
      refused(
        await k.submit('analyst', 'correction', {
          ...body,
          supersedes: { index: f.index + 1, id: f.id },
        }),
        422,
        'correction_target',
      );
      refused(
        await k.submit('analyst', 'correction', { ...body, replacement: { verdict: 'confirmed' } }),
        422,
        'correction_replacement',
      );
      ok(await k.submit('analyst', 'correction', body));
      refused(await k.submit('analyst', 'correction', body), 422, 'correction_target');
      const d = await k.wf.getIncident(M, ids.incident!, PUBLIC_VIEWER);
      assert.equal(d?.verdict, 'confirmed');
      assert.equal(d?.records.find((r) => r.id === f.id)?.supersededBy !== null, true);
      const c = await k.wf.compliance(M, '2025-11-01T00:00:00.000Z');
      const term = c.terms.find((t) => t.term === 'no-cross-border-attacks')!;
      const pk = term.parties.find((p) => p.party === 'PK')!;
      assert.equal(pk.confirmedViolations, 1);
      assert.equal(pk.lastConfirmedViolation, '2025-10-15');
      assert.equal(pk.daysSinceLastConfirmedViolation, 17);
      assert.equal(c.lastMajorIncident, '2025-10-15', '12 fatalities is major at 5');
    });

    it('an entry that bypassed the check is kept as refused and changes nothing', async (k) => {
      const before = await k.wf.getIncident(M, ids.incident!, ANALYST);
      const forged = await k.sign('pk-liaison', 'endorsement', { finding: ids.finding });
      await k.integrate([forged]);
      const rec = await k.wf.getRecord(M, forged.envelope.id, ANALYST);
      assert.equal(rec?.refused, 'endorse_by_mediator');
      assert.equal(await k.wf.getRecord(M, forged.envelope.id, PUBLIC_VIEWER), undefined);
      const after = await k.wf.getIncident(M, ids.incident!, ANALYST);
      assert.deepEqual(after?.findings, before?.findings);
      assert.equal(after?.status, before?.status);
    });

    it('allegations not answered in time are shown as missed; crossings keep their history', async (k) => {
      const old = ok(
        await k.submit(
          'pk-liaison',
          'report',
          report({
            accused: 'AF',
            fatalities: { count: 2, claimedBy: 'PK' },
            title: 'Shelling of Chaman bazaar',
            type: 'shelling',
            location: {
              ...exampleBody('report').location,
              name: 'Chaman',
              country: 'PK',
              lat: 30.92,
              lon: 66.45,
            },
          }),
          '2025-10-12T08:00:00.000Z',
        ),
      );
      const inc = ok(
        await k.submit('analyst', 'incident', {
          ...exampleBody('incident'),
          title: 'Shelling of Chaman bazaar',
          type: 'shelling',
          occurred: { date: '2025-10-12', time_precision: 1 },
          location: {
            ...exampleBody('report').location,
            name: 'Chaman',
            country: 'PK',
            lat: 30.92,
            lon: 66.45,
          },
          reports: [old.env.id],
        }),
      );
      ids.chaman = inc.env.id;
      const d = await k.wf.getIncident(M, inc.env.id, AF);
      assert.equal(d?.allegations[0]?.deadline, 'missed');
      assert.equal(await k.wf.getIncident(M, inc.env.id, PUBLIC_VIEWER), undefined, 'not released');
      // Its records: not for the public until released; for both sides it involves.
      assert.equal(await k.wf.getRecord(M, old.env.id, PUBLIC_VIEWER), undefined);
      assert.ok(await k.wf.getRecord(M, old.env.id, PK));
      assert.ok(await k.wf.getRecord(M, old.env.id, AF));
      assert.ok(await k.wf.getRecord(M, inc.env.id, AF));
      assert.equal(
        await k.wf.getRecord(M, inc.env.id, { role: 'monitor', org: 'MT', user: 'monitor' }),
        undefined,
        'a monitor not tasked on it',
      );
      for (const [status, at] of [
        ['closed', '2025-10-12T06:00:00.000Z'],
        ['partial', '2025-10-25T06:00:00.000Z'],
      ] as const)
        ok(
          await k.submit('monitor', 'crossing', {
            ...exampleBody('crossing'),
            status,
            effectiveAt: at,
          }),
        );
      refused(
        await k.submit('monitor', 'crossing', { ...exampleBody('crossing'), crossing: 'nowhere' }),
        422,
        'crossing_known',
      );
      const torkham = (await k.wf.crossings(M)).find((c) => c.crossing === 'torkham')!;
      assert.equal(torkham.current?.status, 'partial');
      assert.deepEqual(
        torkham.history.map((h) => h.status),
        ['partial', 'closed'],
      );
      const day = await k.wf.dailyReport(M, '2025-10-20', PUBLIC_VIEWER);
      assert.equal(day.crossings.find((c) => c.crossing === 'torkham')?.status, 'closed');
    });

    it('lists filter by date, type, party, status, bbox and words, page by cursor, and hide what a viewer may not see', async (k) => {
      const all = await k.wf.listIncidents(M, { limit: 10 }, ANALYST);
      assert.equal(all.items.length, 2);
      assert.deepEqual(
        (await k.wf.listIncidents(M, { limit: 10 }, PUBLIC_VIEWER)).items.map((i) => i.id),
        [ids.incident],
      );
      assert.equal((await k.wf.listIncidents(M, { limit: 10 }, PK)).items.length, 2);
      const q = async (over: Record<string, unknown>) =>
        (await k.wf.listIncidents(M, { limit: 10, ...over }, ANALYST)).items.map((i) => i.id);
      assert.deepEqual(await q({ type: ['shelling'] }), [ids.chaman]);
      assert.deepEqual(await q({ status: ['released'] }), [ids.incident]);
      assert.deepEqual(await q({ from: '2025-10-13' }), [ids.incident]);
      assert.deepEqual(await q({ to: '2025-10-12' }), [ids.chaman]);
      assert.deepEqual(await q({ bbox: [66.42, 30.8, 66.5, 31.0] }), [ids.chaman]);
      assert.deepEqual(await q({ bbox: [170, -10, -170, 10] }), []);
      const region = [60, 29, 75, 37] as [number, number, number, number];
      assert.deepEqual(await q({ bbox: region }), [ids.incident, ids.chaman]);
      const p1 = await k.wf.listIncidents(M, { limit: 1, bbox: region }, ANALYST);
      const p2 = await k.wf.listIncidents(M, { limit: 1, bbox: region, cursor: p1.next! }, ANALYST);
      assert.deepEqual(
        [...p1.items, ...p2.items].map((i) => i.id),
        [ids.incident, ids.chaman],
      );
      assert.equal(p2.next, null);
      assert.deepEqual(await q({ bbox: region, type: ['shelling'] }), [ids.chaman]);
      assert.deepEqual(await q({ bbox: region, from: '2025-10-13' }), [ids.incident]);
      assert.deepEqual(await q({ bbox: region, to: '2025-10-12' }), [ids.chaman]);
      assert.deepEqual(await q({ bbox: region, from: '2025-10-12', to: '2025-10-15' }), [
        ids.incident,
        ids.chaman,
      ]);
      assert.deepEqual(await q({ q: 'bazaar' }), [ids.chaman]);
      assert.deepEqual(await q({ q: 'spin boldak' }), [ids.incident]);
      assert.deepEqual(await q({ q: '"*) OR (' }), []);
      assert.deepEqual(await q({ party: ['AF'] }), [ids.incident, ids.chaman]);
      assert.deepEqual(await q({ party: ['QA'] }), []);
      assert.deepEqual(await q({ party: ['QA', 'AF'] }), [ids.incident, ids.chaman], 'any of them');
      const first = await k.wf.listIncidents(M, { limit: 1 }, ANALYST);
      assert.ok(first.next);
      const second = await k.wf.listIncidents(M, { limit: 1, cursor: first.next! }, ANALYST);
      assert.equal(second.items.length, 1);
      assert.notEqual(second.items[0]?.id, first.items[0]?.id);
      assert.equal(second.next, null);
      const stats = await k.wf.dailyStats(M, {}, ANALYST);
      assert.equal(stats.to, '2025-10-15');
      assert.equal(
        stats.days.reduce((s, d) => s + d.incidents, 0),
        2,
      );
    });

    it('lists find words anywhere in a long text and boxes that cross the antimeridian', async (k) => {
      // Over 600 characters: PostgreSQL's date index carries no word vector for it (migration
      // 0007), so its words are checked on the row, in the newest-first window and in the index.
      const filler = 'checkpoint patrol convoy '.repeat(30);
      const place = {
        ...exampleBody('report').location,
        name: 'Angoor Adda',
        country: 'PK',
        lat: 32.52,
        lon: 69.28,
      };
      const r = ok(
        await k.submit(
          'pk-liaison',
          'report',
          report({
            accused: 'AF',
            fatalities: { count: 1, claimedBy: 'PK' },
            title: 'Night raid at the border post',
            description: `${filler} the raiders crossed through a pomegranate orchard`,
            location: place,
          }),
          '2025-10-14T08:00:00.000Z',
        ),
      );
      const raid = ok(
        await k.submit('analyst', 'incident', {
          ...exampleBody('incident'),
          title: 'Night raid at the border post',
          type: 'infiltration',
          occurred: { date: '2025-10-14', time_precision: 1 },
          location: place,
          reports: [r.env.id],
        }),
      ).env.id;
      const q = async (over: Record<string, unknown>) =>
        (await k.wf.listIncidents(M, { limit: 10, ...over }, ANALYST)).items.map((i) => i.id);
      assert.deepEqual(await q({ q: 'orchard' }), [raid]);
      assert.deepEqual(await q({ q: 'pomegranate raid' }), [raid]);
      assert.deepEqual(await q({ q: 'orchard bazaar' }), []);
      // West above east: the box runs from 69° E across 180° to 170° W.
      assert.deepEqual(await q({ bbox: [69, 32, -170, 33] }), [raid]);
      assert.deepEqual(await q({ bbox: [69, 32, -170, 33], q: 'orchard' }), [raid]);
      assert.deepEqual(await q({ bbox: [69.3, 32, -170, 33] }), []);
      assert.deepEqual(await q({ bbox: [170, 32, 69.2, 33] }), []);
      assert.deepEqual(await q({ bbox: [170, 32, 69.3, 33], type: ['infiltration'] }), [raid]);
    });

    it('a confidential report is seen by its side, analysts and mediators until revealed', async (k) => {
      const body = report({ accused: 'PK', title: 'Drone over Kurram (confidential)' });
      refused(
        await k.submit('af-liaison', 'commitment', { digest: 'a'.repeat(64), side: 'AF' }),
        422,
        'commitment_private',
      );
      const c = await k.submitConfidential('af-liaison', 'report', body);
      assert.ok(c.ok);
      if (!('commitment' in c)) return;
      assert.equal(await k.wf.getRecord(M, c.env.id, PUBLIC_VIEWER), undefined);
      assert.equal(await k.wf.getRecord(M, c.env.id, PK), undefined);
      assert.equal((await k.wf.getRecord(M, c.env.id, AF))?.confidential, true);
      assert.equal((await k.wf.getRecord(M, c.env.id, ANALYST))?.commitment, c.commitment.id);
      const commitments = await k.wf.listCommitments(M);
      assert.equal(commitments[0]?.id, c.commitment.id);
      const reveal = { commitment: c.commitment.id, salt: c.salt, entry: c.entry };
      refused(await k.submit('pk-liaison', 'reveal', reveal), 403, 'reveal_by_side');
      refused(
        await k.submit('af-liaison', 'reveal', {
          ...reveal,
          salt: Buffer.alloc(32).toString('base64'),
        }),
        422,
        'reveal_matches',
      );
      ok(await k.submit('af-liaison', 'reveal', reveal));
      refused(await k.submit('af-liaison', 'reveal', reveal), 422, 'reveal_once');
      const pub = await k.wf.getRecord(M, c.env.id, PUBLIC_VIEWER);
      assert.equal(pub?.confidential, false);
      assert.equal((pub?.body as { title: string }).title, 'Drone over Kurram (confidential)');
    });

    it('two missions keep their incidents apart (same dates and log indexes)', async (k) => {
      const k2 = await WorkflowKit.create(k.store, { ...loadPakAfg(), slug: 'pak-afg-two' });
      const r = ok(await k2.submit('af-liaison', 'report', report()));
      const inc = ok(
        await k2.submit('analyst', 'incident', { ...exampleBody('incident'), reports: [r.env.id] }),
      );
      const both = async (q: Partial<IncidentQuery>) => [
        (await k.wf.listIncidents(M, { limit: 10, ...q }, ANALYST)).items.map((i) => i.id),
        (await k2.wf.listIncidents('pak-afg-two', { limit: 10, ...q }, ANALYST)).items.map(
          (i) => i.id,
        ),
      ];
      assert.deepEqual(await both({ q: 'spin boldak' }), [[ids.incident], [inc.env.id]]);
      assert.deepEqual(await both({ bbox: [66.3, 30.95, 66.45, 31.05] }), [
        [ids.incident],
        [inc.env.id],
      ]);
    });

    it('rebuilding from the log gives the very same read model', async (k) => {
      const before = await k.wf.snapshot(M);
      assert.ok((before.wf_records?.length ?? 0) > 20);
      await k.wf.rebuild(M);
      assert.deepEqual(await k.wf.snapshot(M), before);
      assert.deepEqual(
        (await k.wf.listIncidents(M, { limit: 10, q: 'bazaar' }, ANALYST)).items.map((i) => i.id),
        [ids.chaman],
      );
    });
  });
}
