import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash as nodeHash } from 'node:crypto';
import fc from 'fast-check';
import { toHex } from './bytes.js';
import { TlogError } from './errors.js';
import { rfc6962Hasher } from './hash.js';
import {
  MerkleLevels,
  consistencyProof,
  consistencyProofAsync,
  inclusionProof,
  inclusionProofAsync,
  treeHash,
} from './merkle.js';
import {
  MAX_ENTRY_SIZE,
  decodeEntryBundle,
  encodeEntryBundle,
  entryBundlePath,
  formatTileIndex,
  parseTilePath,
  splitTile,
  tileFromSource,
  tileHashSource,
  tileHashSourceAsync,
  tilePath,
  tileWidthAt,
  tilesBetween,
  tilesForSize,
  type TileId,
} from './tiles.js';

function throwsCode(fn: () => unknown, code: string, msg?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code, msg);
}

test('tile index encoding (c2sp.org/tlog-tiles: 1234067 → x001/x234/067)', () => {
  assert.equal(formatTileIndex(1234067), 'x001/x234/067');
  assert.equal(formatTileIndex(0), '000');
  assert.equal(formatTileIndex(5), '005');
  assert.equal(formatTileIndex(1000), 'x001/000');
  assert.equal(formatTileIndex(999), '999');
  assert.equal(tilePath(0, 1234067), 'tile/0/x001/x234/067');
  assert.equal(tilePath(2, 1, 17), 'tile/2/001.p/17');
  assert.equal(entryBundlePath(1234067, 112), 'tile/entries/x001/x234/067.p/112');
});

test('parseTilePath accepts canonical paths only', () => {
  assert.deepEqual(parseTilePath('tile/0/x001/x234/067'), { level: 0, index: 1234067, width: 256 });
  assert.deepEqual(parseTilePath('tile/entries/x001/x234/067.p/112'), {
    level: 'entries',
    index: 1234067,
    width: 112,
  });
  assert.deepEqual(parseTilePath('tile/63/000.p/1'), { level: 63, index: 0, width: 1 });
  for (const bad of [
    'tile/0/5',
    'tile/0/x000/005',
    'tile/0/001/234',
    'tile/64/000',
    'tile/01/000',
    'tile/0/000.p/256',
    'tile/0/000.p/0',
    'tile/0/000.p/012',
    'tile/0/000.p',
    'tile/0/x001.p/5/000',
    'tiles/0/000',
    'tile/data/000',
    '/tile/0/000',
    'tile/0/000/',
    'tile/0/',
    'tile/-1/000',
  ]) {
    throwsCode(() => parseTilePath(bad), 'malformed_tile', bad);
  }
});

test('tiles of a tree of size 70,000 (spec example)', () => {
  const tiles = tilesForSize(70000);
  const at = (l: number): TileId[] => tiles.filter((t) => t.level === l);
  assert.equal(at(0).filter((t) => t.width === 256).length, 273);
  assert.deepEqual(
    at(0).filter((t) => t.width < 256),
    [{ level: 0, index: 273, width: 112 }],
  );
  assert.deepEqual(at(1), [
    { level: 1, index: 0, width: 256 },
    { level: 1, index: 1, width: 17 },
  ]);
  assert.deepEqual(at(2), [{ level: 2, index: 0, width: 1 }]);
  assert.equal(tiles.length, 273 + 1 + 2 + 1);
});

test('a tree of size 256 has a full level-0 tile and a partial level-1 tile of width 1 (spec)', () => {
  assert.deepEqual(tilesForSize(256), [
    { level: 0, index: 0, width: 256 },
    { level: 1, index: 0, width: 1 },
  ]);
  assert.deepEqual(tilesForSize(0), []);
  assert.equal(tileWidthAt(0, 273, 70000), 112);
  assert.equal(tileWidthAt(0, 274, 70000), 0);
});

test('tilesBetween lists exactly the tiles that are new or changed', () => {
  const key = (t: TileId): string => `${t.level}/${t.index}/${t.width}`;
  for (const [a, b] of [
    [0, 1],
    [1, 2],
    [255, 256],
    [256, 257],
    [300, 70000],
    [65535, 65536],
    [70000, 70000],
  ] as const) {
    const before = new Set(tilesForSize(a).map(key));
    const expected = tilesForSize(b)
      .map(key)
      .filter((k) => !before.has(k));
    assert.deepEqual(tilesBetween(a, b).map(key), expected, `${a}→${b}`);
  }
  throwsCode(() => tilesBetween(5, 4), 'invalid_argument');
});

const hex = (b: Uint8Array): string => toHex(b);
const hexes = (l: Uint8Array[]): string[] => l.map(toHex);

test('proofs built from tiles equal proofs from the full tree (size 70,000)', async () => {
  const hasher = rfc6962Hasher((d) => nodeHash('sha256', d, 'buffer'));
  const tree = new MerkleLevels(hasher);
  for (let i = 0; i < 70000; i++) tree.append(new Uint8Array([i & 0xff, (i >> 8) & 0xff, i >> 16]));
  for (const size of [1, 255, 256, 257, 65536, 69999, 70000]) {
    const tiles = new Map<string, Uint8Array>();
    for (const t of tilesForSize(size))
      tiles.set(tilePath(t.level, t.index, t.width), tileFromSource(t, tree.source));
    let reads = 0;
    const read = (t: TileId): Uint8Array | undefined => {
      reads++;
      return tiles.get(tilePath(t.level, t.index, t.width));
    };
    const src = tileHashSource(size, read, hasher);
    assert.equal(hex(treeHash(size, src, hasher)), hex(tree.root(size)), `root ${size}`);
    for (const idx of [0, size - 1, Math.floor(size / 3)]) {
      assert.deepEqual(
        hexes(inclusionProof(idx, size, src, hasher)),
        hexes(tree.inclusionProof(idx, size)),
        `incl ${idx}/${size}`,
      );
    }
    if (size > 1)
      assert.deepEqual(
        hexes(consistencyProof(size - 1, size, src, hasher)),
        hexes(tree.consistencyProof(size - 1, size)),
      );
    assert.ok(reads <= tiles.size, 'each tile read at most once');
    const asrc = tileHashSourceAsync(size, async (t) => read(t), hasher);
    assert.deepEqual(
      hexes(await inclusionProofAsync(0, size, asrc, hasher)),
      hexes(tree.inclusionProof(0, size)),
    );
    if (size > 300)
      assert.deepEqual(
        hexes(await consistencyProofAsync(300, size, asrc, hasher)),
        hexes(tree.consistencyProof(300, size)),
      );
  }
  // A node not yet complete in the tiles of a smaller tree is unavailable.
  const small = tileHashSource(100, () => new Uint8Array(100 * 32), hasher);
  assert.equal(small(0, 100), undefined);
  assert.equal(small(7, 0), undefined);
  assert.ok(small(6, 0));
});

test('entry bundles round-trip; limits enforced', () => {
  const entries = [
    new Uint8Array(0),
    new Uint8Array([1, 2, 3]),
    new Uint8Array(MAX_ENTRY_SIZE).fill(9),
  ];
  const b = encodeEntryBundle(entries);
  assert.deepEqual(Array.from(b.slice(0, 7)), [0, 0, 0, 3, 1, 2, 3]);
  assert.deepEqual(decodeEntryBundle(b, 3), entries);
  throwsCode(() => encodeEntryBundle([new Uint8Array(MAX_ENTRY_SIZE + 1)]), 'invalid_argument');
  throwsCode(
    () => encodeEntryBundle(Array.from({ length: 257 }, () => new Uint8Array(1))),
    'invalid_argument',
  );
  throwsCode(() => decodeEntryBundle(b, 2), 'malformed_tile');
  throwsCode(() => decodeEntryBundle(b.slice(0, -1)), 'malformed_tile');
  throwsCode(() => decodeEntryBundle(new Uint8Array([0])), 'malformed_tile');
  throwsCode(() => decodeEntryBundle(new Uint8Array(257 * 2)), 'malformed_tile');
  assert.deepEqual(decodeEntryBundle(new Uint8Array(0)), []);
});

test('splitTile checks the length', () => {
  assert.equal(splitTile(new Uint8Array(64), 2).length, 2);
  throwsCode(() => splitTile(new Uint8Array(63), 2), 'malformed_tile');
  throwsCode(() => splitTile(new Uint8Array(0), 0), 'malformed_tile');
});

test('property: tile paths round-trip, and parseTilePath throws only TlogError', () => {
  fc.assert(
    fc.property(
      fc.nat({ max: 63 }),
      fc.maxSafeNat(),
      fc.integer({ min: 1, max: 256 }),
      fc.boolean(),
      (l, n, w, entries) => {
        const p = entries ? entryBundlePath(n, w) : tilePath(l, n, w);
        assert.deepEqual(parseTilePath(p), { level: entries ? 'entries' : l, index: n, width: w });
      },
    ),
    { numRuns: 2000 },
  );
  const mutated = fc
    .tuple(
      fc.constantFrom('tile/0/x001/x234/067.p/5', 'tile/entries/000'),
      fc.nat(),
      fc.string({ maxLength: 3 }),
      fc.nat({ max: 3 }),
    )
    .map(([s, pos, ins, del]) => {
      const p = pos % (s.length + 1);
      return s.slice(0, p) + ins + s.slice(p + del);
    });
  fc.assert(
    fc.property(fc.oneof(mutated, fc.string()), (s) => {
      try {
        const t = parseTilePath(s);
        const again =
          t.level === 'entries'
            ? entryBundlePath(t.index, t.width)
            : tilePath(t.level, t.index, t.width);
        assert.equal(again, s);
      } catch (e) {
        if (!(e instanceof TlogError)) throw e;
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: entry bundles round-trip, and decoding random bytes throws only TlogError', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (entries) => {
      assert.deepEqual(decodeEntryBundle(encodeEntryBundle(entries), entries.length), entries);
    }),
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        decodeEntryBundle(bytes);
      } catch (e) {
        if (!(e instanceof TlogError)) throw e;
      }
    }),
    { numRuns: 2000 },
  );
});
