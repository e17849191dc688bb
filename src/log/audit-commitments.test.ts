// The commitment index (audit-commitments.ts): the same answers in memory and after moving to its
// SQLite table, whatever the limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../core/ids.js';
import type { Envelope } from '../core/envelope.js';
import { CommitmentIndex } from './audit-commitments.js';

function commitment(i: number): Envelope {
  return {
    v: 1,
    mission: 'pak-afg',
    kind: 'commitment',
    id: newId(),
    at: new Date(Date.UTC(2025, 9, 20, 0, 0, i)).toISOString(),
    author: 'pk-liaison+0a1b2c3d',
    body: { digest: i.toString(16).padStart(64, '0'), side: 'PK' },
    sig: 'A'.repeat(86) + '==',
  };
}

test('every commitment comes back with its index, in memory and from disk', () => {
  const all = Array.from({ length: 50 }, (_, i) => commitment(i));
  for (const memoryIds of [1000, 7]) {
    const index = new CommitmentIndex({ memoryIds, cacheKiB: 16 });
    try {
      all.forEach((c, i) => index.add(100 + i, c));
      assert.equal(index.onDisk, memoryIds < all.length);
      assert.equal(index.size, all.length);
      all.forEach((c, i) => assert.deepEqual(index.get(c.id), { index: 100 + i, envelope: c }));
      assert.equal(index.get(newId()), undefined);
    } finally {
      index.close();
    }
  }
});
