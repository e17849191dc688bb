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
