// Which entries of a batch wait for the earlier ones to reach the read model (batch-dependencies.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { PendingEntries } from './batch-dependencies.js';

let n = 0;
function env(kind: EntryKind, body?: Record<string, unknown>): Envelope {
  n++;
  // A hand-made envelope whose body no schema checked (the type says a checked one).
  return {
    v: 1,
    mission: 'pak-afg',
    kind,
    id: `019a0a4c-2f00-7000-9000-${String(n).padStart(12, '0')}`, // apart from the examples' ids
    at: '2025-10-20T00:00:00.000Z',
    author: 'someone+01234567',
    body: body ?? (exampleBody(kind) as Record<string, unknown>),
    sig: 'A'.repeat(86) + '==',
  } as Envelope;
}

test('nothing pending: nothing waits', () => {
  assert.equal(new PendingEntries().mustWait(env('response')), false);
});

test('entries that name no record never wait behind records that name none either', () => {
  const p = new PendingEntries();
  p.add(env('report'));
  p.add(env('crossing'));
  assert.equal(p.mustWait(env('report')), false);
  assert.equal(p.mustWait(env('article')), false);
  // A response names an allegation and an incident the pending reports are not: no wait.
  assert.equal(p.mustWait(env('response')), false);
});

test('an entry naming a pending entry waits for it', () => {
  const p = new PendingEntries();
  const report = env('report');
  p.add(report);
  const incident = env('incident', { ...exampleBody('incident'), reports: [report.id] });
  assert.equal(p.mustWait(incident), true);
  p.clear();
  assert.equal(p.size, 0);
  assert.equal(p.mustWait(incident), false);
});

test('a pending entry that changes named records makes every entry that names records wait', () => {
  const p = new PendingEntries();
  p.add(env('endorsement')); // moves its finding's incident, which it does not name
  assert.equal(p.mustWait(env('task')), true);
  assert.equal(p.mustWait(env('report')), false, 'a new report reads nothing it could change');
});

test('a pending key or mission entry makes everything wait (authors may change)', () => {
  for (const kind of ['key', 'mission'] as const) {
    const p = new PendingEntries();
    p.add(env(kind));
    assert.equal(p.mustWait(env('report')), true);
  }
  for (const kind of ['commitment', 'reveal', 'correction'] as const) {
    const p = new PendingEntries();
    p.add(env(kind));
    assert.equal(p.mustWait(env('release')), true, kind);
    assert.equal(p.mustWait(env('article')), false, kind);
  }
});

test('with their decisions known, entries wait only for the records they name being changed', () => {
  const p = new PendingEntries();
  const finding = 'f0000000-0000-7000-8000-000000000001';
  const moved = 'i0000000-0000-7000-8000-000000000001';
  // The endorsement that reaches the quorum moves its finding's incident, which it does not name.
  p.add(env('endorsement', { finding }), {
    ok: true,
    finding: { id: finding, to: 'endorsed' },
    incident: { id: moved, to: 'endorsed' },
  });
  const taskOn = (incident: string) =>
    env('task', { ...(exampleBody('task') as Record<string, unknown>), incident });
  assert.equal(p.mustWait(taskOn(moved)), true, 'a task on the moved incident waits');
  assert.equal(
    p.mustWait(taskOn('i0000000-0000-7000-8000-000000000002')),
    false,
    'a task on another incident does not',
  );
  assert.equal(p.mustWait(env('release', { finding, incident: moved })), true);
  // Incidents opened from other reports in one batch (an import) are judged without waiting.
  const q = new PendingEntries();
  const r1 = env('report');
  const r2 = env('report');
  q.add(r1, { ok: true });
  q.add(r2, { ok: true });
  const open = (report: string) =>
    env('incident', { ...(exampleBody('incident') as Record<string, unknown>), reports: [report] });
  q.clear();
  q.add(open(r1.id), { ok: true, incident: { id: 'x', to: 'reported' } });
  assert.equal(q.mustWait(open(r2.id)), false, 'another report: no wait');
  assert.equal(q.mustWait(open(r1.id)), true, 'the same report: it waits (and is refused)');
});
