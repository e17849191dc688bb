import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MerkleLevels } from '../tlog/merkle.js';
import { tileFromSource, tilesForSize } from '../tlog/tiles.js';
import type { StoredTile } from '../store/store.js';
import { TreeEdge } from './edge.js';
import { nodeHasher } from './hasher.js';

const leaf = (i: number) => nodeHasher.hashLeaf(new TextEncoder().encode(`entry ${i}`));

async function check(batches: number[]): Promise<void> {
  const ref = new MerkleLevels(nodeHasher);
  const stored = new Map<string, StoredTile>();
  let edge = new TreeEdge(nodeHasher);
  let n = 0;
  for (const b of batches) {
    for (let i = 0; i < b; i++) {
      edge.append(leaf(n));
      ref.append(new TextEncoder().encode(`entry ${n}`));
      n++;
    }
    for (const t of edge.takeChanged()) stored.set(`${t.level}/${t.index}`, t);
    assert.deepEqual(edge.root(), ref.root(), `root at ${n}`);
    // The stored tiles are exactly the tiles of the tree (tlog-tiles), computed independently.
    for (const t of tilesForSize(n)) {
      const s = stored.get(`${t.level}/${t.index}`);
      assert.equal(s?.width, t.width, `width of ${t.level}/${t.index} at ${n}`);
      assert.deepEqual(s?.bytes, tileFromSource(t, ref.source));
    }
    // Reloading from the stored tiles gives the same edge (what a restart does).
    edge = await TreeEdge.load(n, nodeHasher, async (l, i) => stored.get(`${l}/${i}`));
    assert.deepEqual(edge.root(), ref.root());
  }
}

test('edge: tiles and roots match an independent tree, across reloads', async () => {
  await check([1, 1, 254, 1, 255, 256, 300, 65536 - 1069, 3]);
});

test('edge: property: any batching gives the same tiles and root', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 6 }), check),
    { numRuns: 25 },
  );
});

test('edge: snapshot and restore undo a failed batch', () => {
  const edge = new TreeEdge(nodeHasher);
  for (let i = 0; i < 300; i++) edge.append(leaf(i));
  edge.takeChanged();
  const root = edge.root();
  const snap = edge.snapshot();
  for (let i = 300; i < 600; i++) edge.append(leaf(i));
  edge.restore(snap);
  assert.equal(edge.size, 300);
  assert.deepEqual(edge.root(), root);
  assert.deepEqual(edge.takeChanged(), []);
});
