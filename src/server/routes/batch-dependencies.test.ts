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
  return {
    v: 1,
    mission: 'pak-afg',
    kind,
    id: `019a0a4c-2f00-7000-9000-${String(n).padStart(12, '0')}`, // apart from the examples' ids
    at: '2025-10-20T00:00:00.000Z',
    author: 'someone+01234567',
    body: body ?? (exampleBody(kind) as Record<string, unknown>),
    sig: 'A'.repeat(86) + '==',
  };
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
