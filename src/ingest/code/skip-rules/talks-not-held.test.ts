import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('talks-not-held: a round named as a subject is no meeting', () => {
  const es = code(
    'The Istanbul round of dialogue between Pakistan and Afghanistan represents an important opportunity to convert a fragile cease-fire into practical security cooperation.',
  );
  assert.deepEqual(types(es), []);
});

test('talks-not-held: talks being held are an event', () => {
  const es = code('Pakistan and Afghanistan are holding talks in Istanbul, officials said.');
  assert.ok(types(es).includes('talks'));
});
