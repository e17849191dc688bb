// A roundup of several days: one event per day and place (issue 13, item 3). Texts are written for
// these tests (no published copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './skip-rules/code-for-test.js';

test('roundup: a day named for strikes placed nowhere the gazetteer knows is another event', () => {
  const es = code(
    'Three people were killed in an Israeli drone strike on a car in Nabatieh in southern Lebanon on Tuesday. The ministry confirmed the deaths. On Monday, Israel launched a wave of air strikes on towns north of the Litani river, causing fires but no casualties.',
    '2025-06-24',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'airstrike').map((e) => [e.date, e.location?.country]),
    [
      ['2025-06-24', 'LB'],
      ['2025-06-23', 'LB'],
    ],
  );
});

test('roundup: one night of fighting reported twice is one event', () => {
  const es = code(
    'Pakistani and Afghan forces clashed in Kurram on Saturday night. The clash in Kurram lasted several hours, officials said.',
    '2025-10-13',
  );
  assert.equal(es.filter((e) => e.type === 'armed_clash').length, 1);
});

test("roundup: a named operation's target country is not where the story's later violence is", () => {
  const es = code(
    "Pakistan resorted to heavy shelling in Jammu and Kashmir hours after India launched 'Operation Sindoor'. India Today witnessed the damage caused by Pakistani shelling.",
    '2025-05-07',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'shelling').map((e) => e.location?.country),
    ['IN'],
  );
});
