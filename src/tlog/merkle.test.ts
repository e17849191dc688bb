import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import { hash as nodeHash } from 'node:crypto';
import fc from 'fast-check';
import { base64DecodeOrUndefined, fromHex, toHex } from './bytes.js';
import { TlogError } from './errors.js';
import { defaultHasher, hashLeaf, rfc6962Hasher } from './hash.js';
import {
  MerkleLevels,
  consistencyProof,
  consistencyProofAsync,
  inclusionProof,
  inclusionProofAsync,
  merkleRoot,
  planInclusionProof,
  rootFromInclusionProof,
  treeHash,
  treeHashAsync,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';
import { jsonFilesUnder, readJson, tlogTestdata } from './vectors-helper.test.js';

const VECTORS = tlogTestdata('transparency-dev-merkle', 'testdata');

// Go's []byte JSON encoding is base64 ("" for empty); the vectors' roots are not always 32 bytes.
function b64(s: string | null): Uint8Array {
  if (s === null) return new Uint8Array(0);
  const b = base64DecodeOrUndefined(s);
  assert.ok(b, `bad base64 in vector: ${s}`);
  return b;
}

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

// The 8 "testonly" leaf inputs of transparency-dev/merkle (named in SOURCE.md beside the vectors).
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);
// RFC 6962 roots of the first 1..8 leaves (transparency-dev/merkle testonly constants).
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

test('empty tree root is SHA-256 of nothing', () => {
  assert.equal(
    toHex(merkleRoot([])),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
});

test('roots of the reference leaves match for every size 1..8', () => {
  const tree = new MerkleLevels();
  for (let n = 1; n <= 8; n++) {
    tree.append(LEAVES[n - 1]!);
    assert.equal(toHex(merkleRoot(LEAVES.slice(0, n).map((l) => hashLeaf(l)))), ROOTS[n - 1]);
    assert.equal(toHex(tree.root()), ROOTS[n - 1]);
    for (let m = 1; m <= n; m++) assert.equal(toHex(tree.root(m)), ROOTS[m - 1]);
  }
});

const inclusionFiles = jsonFilesUnder(`${VECTORS}/inclusion`);
const consistencyFiles = jsonFilesUnder(`${VECTORS}/consistency`);

test('the published vector directories are present and non-trivial', () => {
  assert.ok(inclusionFiles.length >= 80, `only ${inclusionFiles.length} inclusion vectors`);
  assert.ok(consistencyFiles.length >= 90, `only ${consistencyFiles.length} consistency vectors`);
});

test('transparency-dev/merkle inclusion vectors (all, including negative ones)', () => {
  let ok = 0;
  let bad = 0;
  for (const file of inclusionFiles) {
    const v = readJson<InclusionVector>(file);
    const name = `${basename(dirname(file))}/${basename(file)}: ${v.desc}`;
    const run = (): void =>
      verifyInclusion(
        v.leafIdx,
        v.treeSize,
        b64(v.leafHash),
        (v.proof ?? []).map(b64),
        b64(v.root),
      );
    if (v.wantErr) {
      assert.throws(
        run,
        (e: unknown) => e instanceof TlogError && e.code === 'inclusion_failed',
        name,
      );
      bad++;
    } else {
      assert.doesNotThrow(run, name);
      ok++;
    }
  }
  assert.ok(ok >= 5 && bad >= 70, `${ok} good, ${bad} bad`);
});

test('transparency-dev/merkle consistency vectors (all, including negative ones)', () => {
  let ok = 0;
  let bad = 0;
  for (const file of consistencyFiles) {
    const v = readJson<ConsistencyVector>(file);
    const name = `${basename(dirname(file))}/${basename(file)}: ${v.desc}`;
    const run = (): void =>
      verifyConsistency(v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2));
    if (v.wantErr) {
      assert.throws(
        run,
        (e: unknown) => e instanceof TlogError && e.code === 'consistency_failed',
        name,
      );
      bad++;
    } else {
      assert.doesNotThrow(run, name);
      ok++;
    }
  }
  assert.ok(ok >= 5 && bad >= 80, `${ok} good, ${bad} bad`);
});

test('generated proofs equal the happy-path vectors byte for byte', () => {
  const tree = new MerkleLevels();
  for (const l of LEAVES) tree.append(l);
  for (const file of inclusionFiles.filter((f) => f.endsWith('happy-path.json'))) {
    const v = readJson<InclusionVector>(file);
    assert.deepEqual(
      tree.inclusionProof(v.leafIdx, v.treeSize).map(toHex),
      (v.proof ?? []).map((p) => toHex(b64(p))),
      file,
    );
  }
  for (const file of consistencyFiles.filter((f) => f.endsWith('happy-path.json'))) {
    const v = readJson<ConsistencyVector>(file);
    assert.deepEqual(
      tree.consistencyProof(v.size1, v.size2).map(toHex),
      (v.proof ?? []).map((p) => toHex(b64(p))),
      file,
    );
  }
});

test('every proof in trees up to 70 leaves verifies, and fails for a wrong index or root', () => {
  const tree = new MerkleLevels();
  const leafHashes: Uint8Array[] = [];
  for (let n = 1; n <= 70; n++) {
    leafHashes.push(hashLeaf(new Uint8Array([n & 0xff, n >> 8])));
    tree.appendLeafHash(leafHashes[n - 1]!);
    const root = merkleRoot(leafHashes);
    assert.deepEqual(tree.root(), root);
    for (let i = 0; i < n; i++) {
      const proof = tree.inclusionProof(i);
      verifyInclusion(i, n, leafHashes[i]!, proof, root);
      if (n > 1)
        assert.throws(
          () => verifyInclusion((i + 1) % n, n, leafHashes[i]!, proof, root),
          TlogError,
        );
    }
    for (let m = 1; m <= n; m++) {
      const proof = tree.consistencyProof(m, n);
      verifyConsistency(m, n, proof, tree.root(m), root);
      if (m < n) assert.throws(() => verifyConsistency(m, n, proof, root, root), TlogError);
    }
  }
});

test('async and batch-planned proofs equal the sync ones', async () => {
  const tree = new MerkleLevels();
  for (let i = 0; i < 300; i++) tree.append(new Uint8Array([i & 0xff, i >> 8]));
  const asyncSource = async (l: number, i: number): Promise<Uint8Array | undefined> =>
    tree.source(l, i);
  assert.deepEqual(
    await inclusionProofAsync(123, 300, asyncSource),
    inclusionProof(123, 300, tree.source),
  );
  assert.deepEqual(
    await consistencyProofAsync(17, 300, asyncSource),
    consistencyProof(17, 300, tree.source),
  );
  assert.deepEqual(await treeHashAsync(299, asyncSource), treeHash(299, tree.source));
  const plan = planInclusionProof(5, 300);
  const hashes = plan.nodes.map((n) => tree.source(n.level, n.index)!);
  assert.deepEqual(plan.assemble(hashes), tree.inclusionProof(5, 300));
});

test('a missing hash in the source is a missing_hash TlogError', () => {
  assert.throws(
    () => inclusionProof(3, 10, () => undefined),
    (e: unknown) => e instanceof TlogError && e.code === 'missing_hash',
  );
});

test('invalid arguments to proof generation are TlogErrors', () => {
  const tree = new MerkleLevels();
  tree.append(new Uint8Array([1]));
  for (const f of [
    () => tree.inclusionProof(1, 1),
    () => tree.consistencyProof(0, 1),
    () => tree.root(2),
    () => inclusionProof(-1, 3, tree.source),
  ]) {
    assert.throws(f, (e: unknown) => e instanceof TlogError && e.code === 'invalid_argument');
  }
});

test('an injected node:crypto hasher gives the same results as the default', () => {
  const fast = rfc6962Hasher((d) => nodeHash('sha256', d, 'buffer'));
  const a = new MerkleLevels(fast);
  const b = new MerkleLevels(defaultHasher);
  for (let i = 0; i < 100; i++) {
    a.append(new Uint8Array([i]));
    b.append(new Uint8Array([i]));
  }
  assert.equal(toHex(a.root()), toHex(b.root()));
  assert.equal(toHex(fast.emptyRoot()), toHex(defaultHasher.emptyRoot()));
  verifyInclusion(
    42,
    100,
    fast.hashLeaf(new Uint8Array([42])),
    a.inclusionProof(42),
    b.root(),
    fast,
  );
});

test('rootFromInclusionProof of a single-leaf tree is the leaf hash', () => {
  const h = hashLeaf(new TextEncoder().encode('data'));
  assert.deepEqual(rootFromInclusionProof(0, 1, h, []), h);
});

test('property: verification never throws anything but TlogError and never accepts junk', () => {
  const tree = new MerkleLevels();
  for (let i = 0; i < 64; i++) tree.append(new Uint8Array([i]));
  const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const anyHash = fc.oneof(hash32, fc.uint8Array({ maxLength: 40 }));
  fc.assert(
    fc.property(
      fc.nat({ max: 200 }),
      fc.nat({ max: 200 }),
      anyHash,
      fc.array(anyHash, { maxLength: 10 }),
      anyHash,
      (a, b, h, proof, root) => {
        for (const f of [
          () => verifyInclusion(a, b, h, proof, root),
          () => verifyConsistency(a, b, proof, h, root),
        ]) {
          try {
            f();
            assert.fail('random input verified');
          } catch (e) {
            if (!(e instanceof TlogError)) throw e;
          }
        }
      },
    ),
    { numRuns: 3000 },
  );
});
