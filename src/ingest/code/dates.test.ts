import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates, tenseOf } from './dates.js';

const PUB = '2026-02-10'; // a Tuesday

test('dates: a weekday in the future tense is the coming one', () => {
  const [d] = findDates('Officials will convene for talks on Saturday in Istanbul.', PUB, 'future');
  assert.deepEqual([d?.date, d?.precision], ['2026-02-14', 1]);
});

test('dates: a weekday in the past tense is the most recent one', () => {
  const [d] = findDates('Militants attacked the post late on Friday.', PUB, 'past');
  assert.equal(d?.date, '2026-02-06');
});

test('dates: a month and day without year in a past sentence is the last such day', () => {
  const [d] = findDates('The truce was brokered in Doha on October 19.', PUB, 'past');
  assert.equal(d?.date, '2025-10-19');
});

test('dates: vague spans have no day and a coarse precision', () => {
  const [d] = findDates('The border has become a flashpoint in recent weeks.', PUB, 'ongoing');
  assert.deepEqual([d?.date, d?.precision], [null, 3]);
  const [m] = findDates('A ceasefire was reached earlier this month.', PUB, 'past');
  assert.deepEqual([m?.date, m?.precision], ['2026-02-01', 3]);
});

test('dates: a night spanning two days is coded on the first', () => {
  const [d] = findDates(
    'On night 9/10 September 2025, troops engaged the group.',
    '2025-09-10',
    'past',
  );
  assert.equal(d?.date, '2025-09-09');
});

test('dates: the day of a statement is not the day of the event', () => {
  const ds = findDates(
    'The spokesman said on Monday that jets bombed a house late on Sunday night.',
    '2025-11-25',
    'past',
  );
  assert.deepEqual(
    ds.map((d) => d.date),
    ['2025-11-23'],
  );
});

test('dates: without a publication date, relative dates stay unresolved', () => {
  const [d] = findDates('Clashes erupted on Saturday.', null, 'past');
  assert.equal(d?.date ?? null, null);
  const [abs] = findDates('Clashes erupted on 12 October 2025.', null, 'past');
  assert.equal(abs?.date, '2025-10-12');
});

test('dates: durations and bare numbers are not dates', () => {
  assert.deepEqual(findDates('They met for a second round of talks.', PUB, 'past'), []);
});

test('dates: tense', () => {
  assert.equal(tenseOf('Delegations will meet in Doha'), 'future');
  assert.equal(tenseOf('The border remains shut'), 'ongoing');
  assert.equal(tenseOf('Pakistani jets struck Khost'), 'past');
});
