import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('names-a-place: a displacement shelter is a place, not a displacement', () => {
  const es = code(
    'A drone struck the Dar al-Arqam displacement shelter in El Fasher late on Friday.',
    '2025-10-11',
  );
  assert.equal(es.filter((e) => e.type === 'displacement').length, 0);
  assert.ok(es.some((e) => e.type === 'airstrike'));
});
