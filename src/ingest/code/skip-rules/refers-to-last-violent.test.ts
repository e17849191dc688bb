import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('refers-to-last-violent: "claimed responsibility for the attack" is the attack just reported', () => {
  const es = code(
    'Militants attacked a police post in Bannu on Monday, killing three policemen. The TTP claimed responsibility for the attack.',
  );
  const clashes = es.filter((e) => e.type === 'armed_clash');
  assert.equal(clashes.length, 1);
  assert.equal(clashes[0]?.date, '2025-11-03');
});

test('refers-to-last-violent: "the attack" with a day and place of its own is a new event', () => {
  const es = code(
    'Militants attacked a police post in Bannu on Monday. A day later the attack on a checkpost in Lakki Marwat on Tuesday killed two soldiers.',
  );
  assert.ok(es.filter((e) => e.type === 'armed_clash').length >= 2);
});
