// The report's sections from read-model shapes: what falls in the period by its signed time, what
// the previous period had, what is overdue, and what is left out (draft findings, completed or
// superseded task closures, crossing changes after the period).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportSections } from './sections.js';
import { complianceFixture, crossingFixture, detail } from './sections.test-support.js';

const s = reportSections({
  period: { from: '2025-10-11', to: '2025-10-17' },
  previous: { from: '2025-10-04', to: '2025-10-10' },
  details: [detail('Shelling')],
  crossings: [crossingFixture('Torkham')],
  compliance: complianceFixture(),
  majorIncidentFatalities: 5,
});

test('allegations filed, responses and overdue, each against the previous period', () => {
  assert.deepEqual(
    s.allegations.items.map((a) => a.id),
    ['a-now'],
  );
  assert.equal(s.allegations.filed.current, 1);
  assert.equal(s.allegations.filed.previous, 1);
  assert.deepEqual(
    s.responses.items.map((r) => [r.allegation, r.deadline]),
    [['a-before', 'answered_late']],
  );
  assert.equal(s.responses.given.previous, 0);
  assert.deepEqual(
    s.overdue.map((a) => a.id),
    ['a-now'],
  );
});

test('findings released (not drafts) and access denied (not completed, not superseded)', () => {
  assert.deepEqual(
    s.findingsReleased.items.map((f) => [f.finding, f.releasedAt]),
    [['f-released', '2025-10-15T09:00:00.000Z']],
  );
  assert.deepEqual(
    s.accessDenied.items.map((t) => [t.task, t.deniedBy]),
    [['task-1', 'AF']],
  );
});

test('crossings: the status at the end of the period and the changes in each period', () => {
  const [c] = s.crossings.items;
  assert.equal(c!.status, 'closed', 'the change after the period is not the period-end status');
  assert.equal(c!.since, '2025-10-12T05:00:00.000Z');
  assert.deepEqual(
    c!.changes.map((h) => h.status),
    ['closed'],
  );
  assert.equal(c!.previousChanges, 1);
  assert.deepEqual([s.crossings.changes.current, s.crossings.changes.previous], [1, 1]);
});

test('compliance and the last major incident come from the compliance summary', () => {
  assert.deepEqual(s.majorIncident, { threshold: 5, last: '2025-10-12', daysSince: 6 });
  assert.equal(s.compliance.terms[0]!.parties[0]!.confirmedViolations, 1);
  assert.deepEqual(s.compliance.terms[0]!.crossingsInBreach, ['torkham']);
  assert.equal(s.compliance.penalties, null);
});
