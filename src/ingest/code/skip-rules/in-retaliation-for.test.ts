import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('in-retaliation-for: the attack retaliated for is no new event; the retaliation is', () => {
  const es = code(
    'Pakistan resorted to heavy shelling in Poonch on Wednesday hours after India launched strikes in retaliation to the Pahalgam carnage, in which terrorists gunned down 26 civilians.',
    '2025-05-07',
  );
  assert.ok(es.some((e) => e.type === 'shelling'));
  assert.ok(!es.some((e) => e.fatalities === 26), 'the Pahalgam toll is not the shelling day');
});

test('in-retaliation-for: a main clause after the phrase is news ("In response to X, forces attacked")', () => {
  const es = code(
    'In response to the airstrikes, Afghan forces launched an attack on Pakistani border posts in Kurram on Saturday night.',
    '2025-10-12',
  );
  assert.ok(es.some((e) => e.type === 'armed_clash'));
  assert.ok(!es.some((e) => e.type === 'airstrike'));
});
