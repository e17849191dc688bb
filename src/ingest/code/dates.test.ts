import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateForTrigger, findDates, tenseOf } from './dates.js';

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

test('dates: a span of days is its first day with precision 2; a night across two days precision 1', () => {
  for (const s of [
    'Talks were held in Istanbul from 25 to 30 October 2025.',
    'Talks were held in Istanbul between 25 and 30 October.',
    'Talks were held in Istanbul on October 25-30.',
    'Talks were held in Istanbul from October 25 to 30.',
    'Talks were held in Istanbul from 25 October to 2 November.',
  ]) {
    const [d] = findDates(s, '2025-11-05', 'past');
    assert.deepEqual([d?.date, d?.precision], ['2025-10-25', 2], s);
  }
  const [n] = findDates('Fighting raged on the night of 11/12 October.', '2025-10-13', 'past');
  assert.deepEqual([n?.date, n?.precision], ['2025-10-11', 1]);
});

test('dates: "N days later" counts from the anchor (the last dated event), unresolved without one', () => {
  const [d] = findDates(
    'The ceasefire was brokered ten days later.',
    '2025-11-02',
    'past',
    '2025-10-09',
  );
  assert.deepEqual([d?.date, d?.precision], ['2025-10-19', 1]);
  const [n] = findDates('Troops returned the next day.', '2025-11-02', 'past', '2025-10-09');
  assert.equal(n?.date, '2025-10-10');
  const [e] = findDates(
    'Two days earlier, talks had collapsed.',
    '2025-11-02',
    'past',
    '2025-10-09',
  );
  assert.equal(e?.date, '2025-10-07');
  const [w] = findDates('A week later the border reopened.', '2025-11-02', 'past', '2025-10-09');
  assert.deepEqual([w?.date, w?.precision], ['2025-10-16', 2]);
  const [u] = findDates('The ceasefire was brokered ten days later.', '2025-11-02', 'past');
  assert.equal(u?.date ?? null, null);
});

test('dates: "N days after <event>" dates the event back from the sentence date', () => {
  const s = 'Forces clashed at the crossing on Sunday, three days after the two sides met in Doha.';
  const ds = findDates(s, '2026-03-10', 'past');
  assert.deepEqual(
    ds.map((d) => d.date),
    ['2026-03-08', '2026-03-05'],
  );
  const clash = dateForTrigger(ds, 0, s.length, s.indexOf('clashed'), s);
  const talks = dateForTrigger(ds, 0, s.length, s.indexOf('met'), s);
  assert.deepEqual([clash?.date, talks?.date], ['2026-03-08', '2026-03-05']);
});

test('dates: "overnight" is the night before the day the sentence names', () => {
  const s = 'Pakistan closed the crossing on Sunday after forces exchanged fire overnight.';
  const ds = findDates(s, '2025-10-13', 'past');
  const fire = dateForTrigger(ds, 0, s.length, s.indexOf('exchanged'), s);
  const closed = dateForTrigger(ds, 0, s.length, s.indexOf('closed'), s);
  assert.deepEqual([closed?.date, fire?.date], ['2025-10-12', '2025-10-11']);
});

test('dates: an ongoing clause after a subordinator takes no date from the main clause', () => {
  const s = 'Trucks waited at Chaman on Friday as the crossing stayed closed for a tenth day.';
  const ds = findDates(s, '2025-10-31', 'ongoing');
  assert.equal(dateForTrigger(ds, 0, s.length, s.indexOf('closed'), s), null);
  assert.equal(tenseOf('the crossing stayed closed'), 'ongoing');
});

test('dates: a present-perfect main clause takes no date from its subordinate clause; "since" dates a start', () => {
  const s =
    'Dozens of families have left their homes after shells landed near Kharlachi on Saturday.';
  const ds = findDates(s, '2025-09-28', 'ongoing');
  assert.equal(dateForTrigger(ds, 0, s.length, s.indexOf('left'), s), null);
  assert.equal(dateForTrigger(ds, 0, s.length, s.indexOf('landed'), s)?.date, '2025-09-27');
  const c = 'The crossing has been shut since October 12.';
  const cs = findDates(c, '2025-10-22', 'ongoing');
  assert.equal(dateForTrigger(cs, 0, c.length, c.indexOf('shut'), c)?.date, '2025-10-12');
});

test('dates: a span of weekdays is its first day with precision 2', () => {
  const [d] = findDates(
    'Protesters and police clashed between Thursday and Saturday.',
    '2026-03-23',
    'past',
  );
  assert.deepEqual([d?.date, d?.precision], ['2026-03-19', 2]);
  const [w] = findDates(
    'Commanders met between Wednesday and Friday last week.',
    '2026-05-11',
    'past',
  );
  assert.deepEqual([w?.date, w?.precision], ['2026-05-06', 2]);
});

test('dates: "the night of March 8" and "the morning of 9 March" are those days', () => {
  const [night] = findDates('Forces exchanged fire on the night of March 8.', '2026-03-11', 'past');
  assert.equal(night?.date, '2026-03-08');
  assert.equal(night?.precision, 1);
  const [morning] = findDates(
    'Militants attacked on the morning of 9 March.',
    '2026-03-11',
    'past',
  );
  assert.equal(morning?.date, '2026-03-09');
});

test('dates: a bare earlier year is background with no day', () => {
  const [y] = findDates('In 2023, a suicide bomber killed 80 people.', '2026-03-11', 'past');
  assert.equal(y?.date, null);
  assert.equal(y?.precision, 3);
  assert.deepEqual(findDates('In 2026, trade fell.', '2026-03-11', 'past'), []);
});

test('dates: "the night between Sunday and Monday" is one night, on its first day', () => {
  const [d] = findDates(
    'The blast took place on the night between Sunday and Monday.',
    '2026-03-11',
    'past',
  );
  assert.equal(d?.date, '2026-03-08');
  assert.equal(d?.precision, 1);
});

test('dates: "earlier this week" starts on the Monday; "on Wednesday accused" is the statement day', () => {
  const [w] = findDates('Gunmen killed two policemen earlier this week.', '2026-03-11', 'past');
  assert.deepEqual([w?.date, w?.precision], ['2026-03-09', 2]);
  assert.deepEqual(
    findDates(
      'The Taliban government on Wednesday accused Pakistan of airstrikes in Khost.',
      '2026-03-11',
      'past',
    ),
    [],
  );
});
