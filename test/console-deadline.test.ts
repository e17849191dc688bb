// The inbox's deadline marks (web/src/console/inbox/deadline.ts): the server's verdict wins
// (answered, answered late, missed), a pending one counts down by this clock and reads "overdue"
// once past due before the server says missed; durations keep their two largest units.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countdown, formatLeft } from '../web/src/console/inbox/deadline.js';

const due = '2026-12-03T12:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

test('the log verdict wins; a pending deadline counts down, then reads overdue', () => {
  assert.deepEqual(countdown('pending', due, at('2026-12-03T10:00:00Z')), {
    mark: 'due',
    leftMs: 2 * 3_600_000,
  });
  assert.deepEqual(countdown('pending', due, at('2026-12-03T12:00:01Z')), {
    mark: 'overdue',
    leftMs: -1000,
  });
  assert.equal(countdown('missed', due, at('2026-12-03T10:00:00Z')).mark, 'missed');
  assert.equal(countdown('answered', due, at('2026-12-04T10:00:00Z')).mark, 'answered');
  assert.equal(countdown('answered_late', due, 0).mark, 'answered_late');
  assert.deepEqual(countdown('pending', null, 0), { mark: 'unknown', leftMs: null });
});

test('durations in their two largest units', () => {
  const u = { d: 'd', h: 'h', min: 'min' };
  assert.equal(formatLeft((2 * 24 * 60 + 3 * 60 + 59) * 60_000, u), '2 d 3 h');
  assert.equal(formatLeft((5 * 60 + 12) * 60_000 + 59_000, u), '5 h 12 min');
  assert.equal(formatLeft(4 * 60_000, u), '4 min');
  assert.equal(formatLeft(-90 * 60_000, u), '1 h 30 min');
});
