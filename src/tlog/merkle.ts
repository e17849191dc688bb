// RFC 6962 Merkle trees: roots, inclusion and consistency proofs (generation and verification).
// Algorithms: RFC 6962 section 2.1 (MTH, PATH, PROOF/SUBPROOF); verification per RFC 9162
// sections 2.1.3.2 and 2.1.4.2.
//
// Proof generation reads the hashes of *perfect* subtrees from a HashSource: node (level, index)
// is the root of leaves [index * 2^level, (index + 1) * 2^level). That is exactly what a tiled
// log stores (c2sp.org/tlog-tiles), what a database of node hashes stores, and what MerkleLevels
// below keeps in memory. Subtrees that are not perfect (the right edge of the tree) are computed
// on the fly from perfect ones.
//
// Sizes and indexes are JavaScript numbers, exact up to Number.MAX_SAFE_INTEGER (2^53 - 1);
// arithmetic avoids 32-bit bitwise operators for that reason.

import { bytesEqual } from './bytes.js';
import { TlogError } from './errors.js';
import { HASH_SIZE, defaultHasher, type Hasher } from './hash.js';

/** A perfect subtree: root of leaves [index * 2^level, (index + 1) * 2^level). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Returns the hash of a perfect subtree, or undefined if it is not available. */
export type HashSource = (level: number, index: number) => Uint8Array | undefined;
export type AsyncHashSource = (
  level: number,
  index: number,
) => Promise<Uint8Array | undefined> | Uint8Array | undefined;

function checkSize(
  n: number,
  what: string,
  code: 'invalid_argument' | 'inclusion_failed' | 'consistency_failed' = 'invalid_argument',
): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TlogError(code, `couldn't use ${what} ${String(n)}: not a non-negative safe integer`);
  }
}

/** The largest power of two strictly less than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPow2(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}

/** A range [lo, hi) of leaves whose MTH is one proof element. */
interface Range {
  lo: number;
  hi: number;
}

/** The perfect subtrees whose right fold is MTH(D[lo:hi]) (RFC 6962 split at largest power of 2). */
function rangeNodes(lo: number, hi: number, out: NodeId[]): void {
  const n = hi - lo;
  if (isPow2(n) && lo % n === 0) {
    out.push({ level: Math.log2(n), index: lo / n });
    return;
  }
  if (n === 1) {
    out.push({ level: 0, index: lo });
    return;
  }
  const k = splitPoint(n);
  rangeNodes(lo, lo + k, out);
  rangeNodes(lo + k, hi, out);
}

/** Right fold of node hashes: MTH of a non-perfect range from its perfect pieces (left to right). */
function foldRight(hashes: Uint8Array[], hasher: Hasher): Uint8Array {
  let h = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) h = hasher.hashChildren(hashes[i]!, h);
  return h;
}

/** MTH(D[lo:hi]) from perfect-subtree hashes, following RFC 6962's split. */
function subtreeHash(
  lo: number,
  hi: number,
  get: (id: NodeId) => Uint8Array,
  hasher: Hasher,
): Uint8Array {
  const n = hi - lo;
  if (n === 1 || (isPow2(n) && lo % n === 0)) return get({ level: Math.log2(n), index: lo / n });
  const k = splitPoint(n);
  return hasher.hashChildren(
    subtreeHash(lo, lo + k, get, hasher),
    subtreeHash(lo + k, hi, get, hasher),
  );
}

/** RFC 6962 PATH(m, D[lo:hi]) as ranges, deepest first. */
function inclusionRanges(m: number, lo: number, hi: number, out: Range[]): void {
  const n = hi - lo;
  if (n <= 1) return;
  const k = splitPoint(n);
  if (m < k) {
    inclusionRanges(m, lo, lo + k, out);
    out.push({ lo: lo + k, hi });
  } else {
    inclusionRanges(m - k, lo + k, hi, out);
    out.push({ lo, hi: lo + k });
  }
}

/** RFC 6962 SUBPROOF(m, D[lo:hi], b) as ranges. */
function consistencyRanges(m: number, lo: number, hi: number, b: boolean, out: Range[]): void {
  const n = hi - lo;
  if (m === n) {
    if (!b) out.push({ lo, hi });
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    consistencyRanges(m, lo, lo + k, b, out);
    out.push({ lo: lo + k, hi });
  } else {
    consistencyRanges(m - k, lo + k, hi, false, out);
    out.push({ lo, hi: lo + k });
  }
}

/**
 * A proof broken into the perfect-subtree hashes it needs (`nodes`, deduplicated, in a stable
 * order) and a function that turns those hashes (same order) into the proof. Lets a caller fetch
 * all hashes in one batch (a database query, parallel tile fetches) before assembling.
 */
export interface ProofPlan {
  readonly nodes: readonly NodeId[];
  assemble(hashes: readonly Uint8Array[], hasher?: Hasher): Uint8Array[];
}

function planFromRanges(ranges: Range[]): ProofPlan {
  const nodes: NodeId[] = [];
  const seen = new Map<string, number>();
  for (const r of ranges) {
    const ids: NodeId[] = [];
    rangeNodes(r.lo, r.hi, ids);
    for (const id of ids) {
      const key = `${id.level}/${id.index}`;
      if (!seen.has(key)) {
        seen.set(key, nodes.length);
        nodes.push(id);
      }
    }
  }
  return {
    nodes,
    assemble(hashes, hasher = defaultHasher) {
      if (hashes.length !== nodes.length) {
        throw new TlogError(
          'invalid_argument',
          `couldn't assemble proof: got ${hashes.length} hashes for ${nodes.length} nodes`,
        );
      }
      const get = (id: NodeId): Uint8Array => {
        const h = hashes[seen.get(`${id.level}/${id.index}`)!];
        if (h === undefined || h.length !== HASH_SIZE) {
          throw new TlogError(
            'missing_hash',
            `couldn't assemble proof: hash of node ${id.level}/${id.index} missing or not 32 bytes`,
          );
        }
        return h;
      };
      return ranges.map((r) => subtreeHash(r.lo, r.hi, get, hasher));
    },
  };
}

/** Plan of the RFC 6962 inclusion proof of leaf `index` in a tree of `size` leaves. */
export function planInclusionProof(index: number, size: number): ProofPlan {
  checkSize(index, 'leaf index');
  checkSize(size, 'tree size');
  if (index >= size) {
    throw new TlogError(
      'invalid_argument',
      `couldn't plan inclusion proof: index ${index} is not below tree size ${size}`,
    );
  }
  const ranges: Range[] = [];
  inclusionRanges(index, 0, size, ranges);
  return planFromRanges(ranges);
}

/** Plan of the RFC 6962 consistency proof from size1 to size2 (0 < size1 <= size2). */
export function planConsistencyProof(size1: number, size2: number): ProofPlan {
  checkSize(size1, 'tree size');
  checkSize(size2, 'tree size');
  if (size1 === 0 || size1 > size2) {
    throw new TlogError(
      'invalid_argument',
      `couldn't plan consistency proof: need 0 < size1 <= size2, got ${size1} and ${size2}`,
    );
  }
  const ranges: Range[] = [];
  if (size1 < size2) consistencyRanges(size1, 0, size2, true, ranges);
  return planFromRanges(ranges);
}

/** Plan of the root hash of a tree of `size` leaves (size >= 1; the empty tree needs no nodes). */
export function planTreeHash(size: number): {
  nodes: readonly NodeId[];
  assemble(hashes: readonly Uint8Array[], hasher?: Hasher): Uint8Array;
} {
  checkSize(size, 'tree size');
  if (size === 0)
    return { nodes: [], assemble: (_h, hasher = defaultHasher) => hasher.emptyRoot() };
  const plan = planFromRanges([{ lo: 0, hi: size }]);
  return { nodes: plan.nodes, assemble: (h, hasher) => plan.assemble(h, hasher)[0]! };
}

function readAll(nodes: readonly NodeId[], source: HashSource): Uint8Array[] {
  return nodes.map((id) => required(source(id.level, id.index), id));
}

async function readAllAsync(
  nodes: readonly NodeId[],
  source: AsyncHashSource,
): Promise<Uint8Array[]> {
  const got = await Promise.all(nodes.map((id) => source(id.level, id.index)));
  return got.map((h, i) => required(h, nodes[i]!));
}

function required(h: Uint8Array | undefined, id: NodeId): Uint8Array {
  if (h === undefined || h.length !== HASH_SIZE) {
    throw new TlogError(
      'missing_hash',
      `couldn't read hash of node ${id.level}/${id.index}: not available`,
    );
  }
  return h;
}

/** Inclusion proof (sibling first, up to the root's child) of leaf `index` in a tree of `size`. */
export function inclusionProof(
  index: number,
  size: number,
  source: HashSource,
  hasher: Hasher = defaultHasher,
): Uint8Array[] {
  const plan = planInclusionProof(index, size);
  return plan.assemble(readAll(plan.nodes, source), hasher);
}

export async function inclusionProofAsync(
  index: number,
  size: number,
  source: AsyncHashSource,
  hasher: Hasher = defaultHasher,
): Promise<Uint8Array[]> {
  const plan = planInclusionProof(index, size);
  return plan.assemble(await readAllAsync(plan.nodes, source), hasher);
}

/** Consistency proof from a tree of size1 to a tree of size2 (0 < size1 <= size2). */
export function consistencyProof(
  size1: number,
  size2: number,
  source: HashSource,
  hasher: Hasher = defaultHasher,
): Uint8Array[] {
  const plan = planConsistencyProof(size1, size2);
  return plan.assemble(readAll(plan.nodes, source), hasher);
}

export async function consistencyProofAsync(
  size1: number,
  size2: number,
  source: AsyncHashSource,
  hasher: Hasher = defaultHasher,
): Promise<Uint8Array[]> {
  const plan = planConsistencyProof(size1, size2);
  return plan.assemble(await readAllAsync(plan.nodes, source), hasher);
}

/** Root hash of the tree of `size` leaves, from perfect-subtree hashes. */
export function treeHash(
  size: number,
  source: HashSource,
  hasher: Hasher = defaultHasher,
): Uint8Array {
  const plan = planTreeHash(size);
  return plan.assemble(readAll(plan.nodes, source), hasher);
}

export async function treeHashAsync(
  size: number,
  source: AsyncHashSource,
  hasher: Hasher = defaultHasher,
): Promise<Uint8Array> {
  const plan = planTreeHash(size);
  return plan.assemble(await readAllAsync(plan.nodes, source), hasher);
}

/** MTH of a list of leaf hashes (RFC 6962 section 2.1), in O(n) time and O(log n) memory. */
export function merkleRoot(
  leafHashes: readonly Uint8Array[],
  hasher: Hasher = defaultHasher,
): Uint8Array {
  if (leafHashes.length === 0) return hasher.emptyRoot();
  // Stack of perfect subtrees, strictly decreasing sizes from bottom to top.
  const hashes: Uint8Array[] = [];
  const sizes: number[] = [];
  for (const leaf of leafHashes) {
    let h = leaf;
    let s = 1;
    while (sizes.length > 0 && sizes[sizes.length - 1] === s) {
      h = hasher.hashChildren(hashes.pop()!, h);
      s += sizes.pop()!;
    }
    hashes.push(h);
    sizes.push(s);
  }
  return foldRight(hashes, hasher);
}

/**
 * The perfect subtrees completed by appending the leaf at `index` (with `leafHash`): the leaf
 * itself at level 0, then each parent whose right child it completes. Left siblings are read from
 * `source`. This is what a sequencer stores after integrating one entry.
 */
export function nodesCompletedByLeaf(
  index: number,
  leafHash: Uint8Array,
  source: HashSource,
  hasher: Hasher = defaultHasher,
): Array<NodeId & { hash: Uint8Array }> {
  checkSize(index, 'leaf index');
  const out: Array<NodeId & { hash: Uint8Array }> = [{ level: 0, index, hash: leafHash }];
  let h = leafHash;
  let i = index;
  let level = 0;
  while (i % 2 === 1) {
    const left = required(source(level, i - 1), { level, index: i - 1 });
    h = hasher.hashChildren(left, h);
    i = (i - 1) / 2;
    level++;
    out.push({ level, index: i, hash: h });
  }
  return out;
}

/** An in-memory append-only tree of all perfect-subtree hashes (tests, tools, small logs). */
export class MerkleLevels {
  private readonly levels: Uint8Array[][] = [[]];
  constructor(private readonly hasher: Hasher = defaultHasher) {}

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash; returns its index. */
  appendLeafHash(leafHash: Uint8Array): number {
    const index = this.size;
    for (const n of nodesCompletedByLeaf(index, leafHash, this.source, this.hasher)) {
      (this.levels[n.level] ??= [])[n.index] = n.hash;
    }
    return index;
  }

  /** Appends an entry (hashing it as an RFC 6962 leaf); returns its index. */
  append(entry: Uint8Array): number {
    return this.appendLeafHash(this.hasher.hashLeaf(entry));
  }

  /** The HashSource view of this tree. */
  readonly source: HashSource = (level, index) => this.levels[level]?.[index];

  root(size: number = this.size): Uint8Array {
    this.checkSize(size);
    return treeHash(size, this.source, this.hasher);
  }

  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    this.checkSize(size);
    return inclusionProof(index, size, this.source, this.hasher);
  }

  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    this.checkSize(size2);
    return consistencyProof(size1, size2, this.source, this.hasher);
  }

  private checkSize(size: number): void {
    if (size > this.size)
      throw new TlogError(
        'invalid_argument',
        `couldn't use tree size ${size}: tree has ${this.size} leaves`,
      );
  }
}

// ---- verification (inputs are attacker-controlled: proofs, roots, sizes from the network) ----

function isOdd(n: number): boolean {
  return n % 2 === 1;
}
function half(n: number): number {
  return Math.floor(n / 2);
}

function checkProofHashes(
  proof: readonly Uint8Array[],
  code: 'inclusion_failed' | 'consistency_failed',
): void {
  for (const p of proof) {
    if (!(p instanceof Uint8Array) || p.length !== HASH_SIZE) {
      throw new TlogError(code, `couldn't verify proof: a proof hash is not 32 bytes`);
    }
  }
}

/**
 * The root implied by an inclusion proof (RFC 9162 section 2.1.3.2). Throws inclusion_failed if
 * the proof has the wrong shape for (index, size).
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  hasher: Hasher = defaultHasher,
): Uint8Array {
  checkSize(index, 'leaf index', 'inclusion_failed');
  checkSize(size, 'tree size', 'inclusion_failed');
  if (index >= size) {
    throw new TlogError(
      'inclusion_failed',
      `couldn't verify inclusion: index ${index} is not below tree size ${size}`,
    );
  }
  if (leafHash.length !== HASH_SIZE) {
    throw new TlogError(
      'inclusion_failed',
      `couldn't verify inclusion: leaf hash is ${leafHash.length} bytes, not 32`,
    );
  }
  checkProofHashes(proof, 'inclusion_failed');
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0)
      throw new TlogError('inclusion_failed', `couldn't verify inclusion: proof is too long`);
    if (isOdd(fn) || fn === sn) {
      r = hasher.hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0)
    throw new TlogError('inclusion_failed', `couldn't verify inclusion: proof is too short`);
  return r;
}

/** Verifies an inclusion proof; throws TlogError('inclusion_failed') if it does not hold. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hasher: Hasher = defaultHasher,
): void {
  const got = rootFromInclusionProof(index, size, leafHash, proof, hasher);
  if (!bytesEqual(got, root)) {
    throw new TlogError(
      'inclusion_failed',
      `couldn't verify inclusion: proof leads to a different root hash`,
    );
  }
}

/**
 * Verifies a consistency proof between (size1, root1) and (size2, root2) (RFC 9162 section
 * 2.1.4.2). Requires 0 < size1 <= size2: a proof from the empty tree proves nothing. Throws
 * TlogError('consistency_failed').
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hasher: Hasher = defaultHasher,
): void {
  checkSize(size1, 'tree size', 'consistency_failed');
  checkSize(size2, 'tree size', 'consistency_failed');
  const fail = (why: string): never => {
    throw new TlogError(
      'consistency_failed',
      `couldn't verify consistency from ${size1} to ${size2}: ${why}`,
    );
  };
  if (size2 < size1) fail('second tree is smaller');
  if (size1 === 0) fail('a proof from the empty tree is meaningless');
  if (size1 === size2) {
    if (proof.length !== 0) fail('sizes are equal but the proof is not empty');
    if (!bytesEqual(root1, root2)) fail('sizes are equal but the root hashes differ');
    return;
  }
  if (proof.length === 0) fail('proof is empty');
  checkProofHashes(proof, 'consistency_failed');
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) fail('a root hash is not 32 bytes');
  const path = isPow2(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) fail('proof is too long');
    if (isOdd(fn) || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) fail('proof is too short');
  if (!bytesEqual(fr, root1)) fail('proof does not lead to the first root hash');
  if (!bytesEqual(sr, root2)) fail('proof does not lead to the second root hash');
}
