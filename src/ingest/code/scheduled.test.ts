import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './skip-rules/code-for-test.js';

test('scheduled: talks that will take place are no event', () => {
  const es = code(
    'Defence Minister Khawaja Asif announced that the next round of talks will take place in Istanbul on October 25.',
    '2025-10-19',
  );
  assert.deepEqual(
    es.map((e) => e.type),
    [],
  );
});

test('scheduled: talks that took place are an event', () => {
  const es = code(
    'Delegations of Pakistan and Afghanistan held talks in Istanbul on Saturday, officials said.',
    '2025-10-27',
  );
  assert.ok(es.some((e) => e.type === 'talks' && e.location?.country === 'TR'));
});
