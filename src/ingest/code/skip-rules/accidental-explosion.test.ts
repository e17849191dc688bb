import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test('accidental-explosion: a gas cylinder blast is no event; a bomb blast is', () => {
  assert.deepEqual(
    types(code('A gas cylinder blast killed two people at a hotel in Peshawar on Sunday.')),
    [],
  );
  assert.ok(
    types(
      code('A roadside bomb exploded near a police van in Peshawar on Sunday, killing two.'),
    ).includes('ied'),
  );
});

test('accidental-explosion: police calling it an accident, not a terrorist attack, removes the blast', () => {
  const es = code(
    'An explosion ripped through a warehouse in Quetta on Friday. Police said it was an accident, not a terrorist attack.',
  );
  assert.deepEqual(types(es), []);
});
