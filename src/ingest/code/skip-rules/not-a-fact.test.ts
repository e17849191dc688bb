import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('not-a-fact: a denied clash is no event, a reported one is', () => {
  assert.deepEqual(
    types(
      code('The Afghan side denied that any clash took place at the Torkham crossing on Monday.'),
    ),
    [],
  );
  assert.ok(
    types(code('Pakistani and Afghan forces clashed at the Torkham crossing on Monday.')).includes(
      'armed_clash',
    ),
  );
});

test('not-a-fact: a threatened attack is no event', () => {
  const es = code(
    'The TTP threatened to attack security forces in Bannu if the operation continues.',
  );
  assert.equal(es.filter((e) => e.type === 'armed_clash').length, 0);
});
