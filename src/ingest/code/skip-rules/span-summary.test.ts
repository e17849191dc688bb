import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('span-summary: "after five days of fierce fighting" is no event of its own', () => {
  const es = code(
    'The leaders agreed to a ceasefire on Monday in Putrajaya, after five days of fierce fighting.',
    '2025-07-28',
  );
  assert.deepEqual(
    es.map((e) => e.type),
    ['ceasefire_agreement'],
  );
});

test('span-summary: fighting on a named day still codes', () => {
  const es = code('Fierce fighting broke out in Kurram on Monday.', '2025-07-29');
  assert.ok(es.some((e) => e.type === 'armed_clash'));
});
