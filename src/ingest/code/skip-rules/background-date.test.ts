import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';

test("background-date: an attack dated two years back is background, the day's strike is news", () => {
  const es = code(
    'An Israeli drone strike killed two people in Debaal on Saturday. Israel launched military operations in Lebanon on Oct. 8, 2023, killing thousands.',
    '2025-07-27',
  );
  assert.deepEqual(
    es.map((e) => [e.type, e.date]),
    [['airstrike', '2025-07-26']],
  );
});

test('background-date: a past month with no day is background for violence and displacement', () => {
  const es = code(
    'Earlier in May, a significant number of residents from Kharlachi were displaced by intense clashes.',
    '2024-09-09',
  );
  assert.deepEqual(types(es), []);
});

test('background-date: an agreement recalled from weeks ago stays, as the truce being monitored', () => {
  const es = code(
    'The truce brokered by Qatar in Doha on October 19 has largely held.',
    '2025-12-01',
  );
  assert.deepEqual(types(es), ['ceasefire_agreement']);
});
