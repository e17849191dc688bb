import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('reported-earlier: what a statement made last week says had happened is background', () => {
  const es = code(
    'Ukrainian President Volodymyr Zelenskiy last week said Russia had launched a drone attack at a thermal power plant in the city of Kherson.',
    '2025-04-09',
  );
  assert.equal(es.length, 0);
});

test('reported-earlier: a dated attack in the same kind of sentence still codes', () => {
  const es = code(
    'Zelenskiy last week said Russia had launched a drone attack on Kherson on April 6.',
    '2025-04-09',
  );
  assert.equal(es.filter((e) => e.type === 'airstrike').length, 1);
});
