import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('record-of-attacks: what a man killed was responsible for is no event', () => {
  const es = code(
    'The military said the man was responsible for anti-tank missile attacks against Israeli territory during the recent war.',
  );
  assert.deepEqual(types(es), []);
});

test('record-of-attacks: an attack that happened still codes', () => {
  const es = code('Militants attacked a police post in Bannu on Monday, killing two policemen.');
  assert.ok(types(es).includes('armed_clash'));
});
