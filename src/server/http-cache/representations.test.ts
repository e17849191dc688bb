// The kept representations: found by tag, least recently used out first, bounded by bytes and
// count, large bodies not kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Representations } from './representations.js';

const rep = (body: string) => ({ body, contentType: 'application/json; charset=utf-8' });

test('representations: a hit refreshes, the least recently used goes first', () => {
  const r = new Representations(10, 3, 10);
  r.put('a', rep('aa'));
  r.put('b', rep('bb'));
  r.put('c', rep('cc'));
  assert.equal(r.get('a')?.body, 'aa'); // a is now the most recent
  r.put('d', rep('dd')); // four: b (least recent) goes
  assert.equal(r.get('b'), undefined);
  assert.deepEqual(
    ['a', 'c', 'd'].map((t) => r.get(t)?.body),
    ['aa', 'cc', 'dd'],
  );
  assert.equal(r.size, 3);
});

test('representations: bounded by bytes; a body over the limit is not kept', () => {
  const r = new Representations(10, 100, 8);
  r.put('big', rep('x'.repeat(9)));
  assert.equal(r.get('big'), undefined);
  r.put('a', rep('123456'));
  r.put('b', rep('123456')); // 12 bytes > 10: a goes
  assert.equal(r.get('a'), undefined);
  assert.equal(r.get('b')?.body, '123456');
  // Bytes, not characters: four two-byte characters are 8 bytes.
  r.put('c', rep('éééé'));
  assert.equal(r.get('b'), undefined);
  assert.equal(r.get('c')?.body, 'éééé');
  // A tag already kept keeps its first body (both are the same representation).
  r.put('c', rep('other'));
  assert.equal(r.get('c')?.body, 'éééé');
});
