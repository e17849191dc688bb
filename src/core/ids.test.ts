import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idTime, isId, newId } from './ids.js';

test('ids are UUIDv7, unique, and sort in creation order', () => {
  const ids = Array.from({ length: 2000 }, () => newId());
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  assert.ok(ids.every(isId));
});

test('an id carries its creation time', () => {
  const before = Date.now();
  const id = newId();
  const t = idTime(id);
  assert.ok(t >= before && t <= Date.now());
});

test('non-v7 and malformed ids are refused', () => {
  assert.equal(isId('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), false); // v1
  assert.equal(isId('not-an-id'), false);
  assert.equal(isId(''), false);
});
