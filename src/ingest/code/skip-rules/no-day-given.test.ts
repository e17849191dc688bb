import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('no-day-given: "last week" dates no event; the day named in the same article does', () => {
  const es = code(
    'A suicide attack on a police mobile in Lakki Marwat on Monday killed one officer. Last week, three police officers were killed during an operation in Hangu district.',
    '2025-12-01',
  );
  assert.deepEqual(
    es.map((e) => [e.type, e.date]),
    [['suicide_bomb', '2025-12-01']],
  );
});

test('no-day-given: "a week after a gunfight" is background; the clash dated "last Wednesday" stays', () => {
  const es = code(
    'Hundreds of trucks were stranded on Tuesday at Torkham, a week after a gunfight erupted between the two forces. Each side blamed the other for the clash at the crossing last Wednesday.',
    '2023-09-12',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'armed_clash').map((e) => e.date),
    ['2023-09-06'],
  );
});

test('no-day-given: talks with no day are still the news (undated), not background', () => {
  const es = code(
    'Talks were held in Doha earlier this month between the two sides.',
    '2025-10-19',
  );
  assert.ok(es.some((e) => e.type === 'talks'));
});
