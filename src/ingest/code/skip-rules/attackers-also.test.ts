import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('attackers-also: what the attackers also did is part of their attack', () => {
  const es = code(
    'Gunmen attacked a checkpost in Tank on Sunday, killing two policemen. The attackers also set fire to a police vehicle.',
  );
  assert.deepEqual(types(es), ['armed_clash']);
});

test('attackers-also: arson by others is its own event', () => {
  const es = code(
    'Gunmen attacked a checkpost in Tank on Sunday, killing two policemen. Protesters set fire to a government building in Quetta on Monday.',
  );
  assert.ok(types(es).includes('property_destruction') || types(es).includes('riot'));
});
