import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newArticleMemory, startNewStory, stillRecent } from './article-memory.js';

test('article memory: a roundup item forgets the last date and event but not the crossing', () => {
  const m = newArticleMemory();
  m.lastExplicit = { date: '2025-10-12', precision: 1, sentence: 3 };
  m.lastCrossing = {
    name: 'Torkham',
    admin1: null,
    admin2: null,
    country: 'PK',
    lat: 34.1,
    lon: 71.1,
    geo_precision: 1,
  };
  startNewStory(m);
  assert.equal(m.lastExplicit, null);
  assert.equal(m.lastCrossing?.name, 'Torkham');
});

test('article memory: what was remembered carries over two sentences, not three', () => {
  const mark = { sentence: 4 };
  assert.ok(stillRecent(mark, 6));
  assert.ok(!stillRecent(mark, 7));
  assert.ok(!stillRecent(null, 4));
  assert.ok(stillRecent(mark, 5, 1));
  assert.ok(!stillRecent(mark, 6, 1));
});
