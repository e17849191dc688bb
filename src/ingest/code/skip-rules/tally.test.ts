import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test("tally: a war's toll is no event", () => {
  assert.deepEqual(
    types(
      code(
        'The army and RSF have been fighting a war since April 2023 that has killed more than 20,000 people and displaced 14 million.',
      ),
    ),
    [],
  );
});

test("tally: a week's refugee returns are that week's movement, not a tally", () => {
  const es = code(
    'Over 80,000 Afghan refugees returned from Pakistan through Torkham in the past week, IOM said on Thursday.',
    '2025-10-30',
  );
  assert.ok(types(es).includes('refugee_movement'));
});

test('tally: deaths summed over a span of days, or a running total in the thousands, are no event', () => {
  assert.equal(
    code(
      'At least 53 civilians were killed in El Fasher between October 5-8, the UN said.',
      '2025-10-11',
    ).length,
    0,
  );
  assert.equal(
    code(
      'The WHO reports at least 40,000 people have been killed and about 12 million displaced, and 24 million now face hunger.',
    ).length,
    0,
  );
});
