import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('refers-to-last-agreement: "the agreement" later on is the one reached, not one where the next round is', () => {
  const es = code(
    'Pakistan and Afghanistan have agreed to an immediate ceasefire following talks in Doha. The defence minister confirmed the agreement and said the delegations will meet again in Istanbul on October 25.',
    '2025-10-19',
  );
  const deals = es.filter((e) => e.type === 'ceasefire_agreement');
  assert.deepEqual(
    deals.map((e) => [e.date, e.location?.country]),
    [['2025-10-19', 'QA']],
  );
});

test("refers-to-last-agreement: an agreement placed only by a party is where that day's talks were", () => {
  const es = code(
    'The leaders of Cambodia and Thailand agreed to a ceasefire on Monday. The leaders held talks in Malaysia hosted by its prime minister on Monday.',
    '2025-07-28',
  );
  assert.equal(es.find((e) => e.type === 'ceasefire_agreement')?.location?.country, 'MY');
});

test('refers-to-last-agreement: "the agreement" after several background sentences is still the one reached', () => {
  const es = code(
    'Pakistan and Afghanistan have agreed to an immediate ceasefire following talks in Doha. The agreement was announced early Sunday by the foreign ministry. The clashes began on October 11. Pakistan accused Afghanistan of sheltering militants. Kabul denied the allegations. The ceasefire aims to halt the bloodshed. The defence minister confirmed the agreement and said the delegations will meet in Istanbul on October 25.',
    '2025-10-19',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'ceasefire_agreement').map((e) => e.location?.country),
    ['QA'],
  );
});

test('refers-to-last-agreement: a later day of the next round does not date the agreement a year back', () => {
  const es = code(
    'In a breakthrough, Pakistan and Afghanistan have agreed to an immediate ceasefire following talks in Doha. Pakistan’s Defence Minister Khawaja Asif confirmed the agreement and announced that the next round of talks will take place in Istanbul on October 25.',
    '2025-10-19',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'ceasefire_agreement').map((e) => e.date),
    ['2025-10-19'],
  );
});
