import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('recent-plural: recent skirmishes summed up are no new event', () => {
  const es = code(
    'Despite these intensified recent skirmishes, the Chaman crossing is set to reopen today, a newspaper reported.',
  );
  assert.deepEqual(types(es), []);
});

test('recent-plural: one clash reported as recent news still codes', () => {
  const es = code('Pakistani and Afghan forces clashed near Chaman on Friday, officials said.');
  assert.ok(types(es).includes('armed_clash'));
});
