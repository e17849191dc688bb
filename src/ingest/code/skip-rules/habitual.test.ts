import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('habitual: near-daily strikes and strikes on a daily basis are a pattern, not an event', () => {
  assert.deepEqual(
    types(
      code('Israeli forces have conducted near-daily attacks in southern Lebanon since the truce.'),
    ),
    [],
  );
  assert.deepEqual(
    types(
      code(
        'Russia said Ukraine continued to strike Russian energy infrastructure on a daily basis.',
      ),
    ),
    [],
  );
});

test("habitual: a habit word with a named day still codes the day's event", () => {
  const es = code(
    'Militants, who repeatedly target police, attacked a checkpost in Tank on Monday.',
  );
  assert.ok(types(es).includes('armed_clash'));
});
