// The report schema's `occurred.time` (issue 11): a clock time of the day in UTC. The pattern was
// shape-only (two digits, colon, two digits) and accepted "25:99"; readers placing an event on a
// timeline need an hour 00-23 and a minute 00-59.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OccurredSchema } from './common.js';

const at = (time: string) =>
  OccurredSchema.safeParse({ date: '2025-10-20', time, time_precision: 1 });

test('occurred.time accepts every clock time from 00:00 to 23:59', () => {
  for (const time of ['00:00', '09:05', '12:30', '19:59', '20:00', '23:59'])
    assert.equal(at(time).success, true, time);
});

test('occurred.time refuses hours past 23, minutes past 59 and other shapes, saying the range', () => {
  for (const time of [
    '25:99',
    '24:00',
    '23:60',
    '29:00',
    '12:75',
    '7:30',
    '07:3',
    '0730',
    '07:30:00',
    ' 07:30',
  ]) {
    const r = at(time);
    assert.equal(r.success, false, `${JSON.stringify(time)} was accepted`);
    const issue = r.error!.issues[0]!;
    assert.deepEqual(issue.path, ['time']);
    assert.match(issue.message, /HH:MM \(UTC\), 00:00 to 23:59/);
  }
});

test('occurred.time stays optional (a date alone is an event known to the day)', () => {
  assert.equal(OccurredSchema.safeParse({ date: '2025-10-20', time_precision: 1 }).success, true);
});
