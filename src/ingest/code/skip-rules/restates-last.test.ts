import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('restates-last: "the centre was targeted late Friday" is the strike just reported, and dates it', () => {
  const es = code(
    'At least 57 people were killed when the RSF launched a drone strike on a displacement shelter in El Fasher. The Dar al-Arqam centre was targeted late Friday in what local activists are calling a massacre.',
    '2025-10-11',
  );
  assert.deepEqual(
    es.map((e) => [e.type, e.date, e.fatalities]),
    [['airstrike', '2025-10-10', 57]],
  );
});
