import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './skip-rules/code-for-test.js';

test('event type: sniper fire is a clash, not shelling', () => {
  const es = code(
    "A border guard was killed on Jan. 7 as a result of sniper shelling near Gushchu Ayrim village of Azerbaijan's Gazakh district.",
    '2020-01-07',
  );
  assert.deepEqual(
    es.map((e) => e.type),
    ['armed_clash'],
  );
});

test('event type: a joint drone and artillery strike is coded by the drone', () => {
  const es = code(
    'The RSF killed six people on Wednesday in a joint drone and artillery attack on El Fasher.',
    '2025-10-01',
  );
  assert.deepEqual(
    es.map((e) => e.type),
    ['airstrike'],
  );
});
