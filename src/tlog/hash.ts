// RFC 6962 Merkle tree hashing (section 2.1; also RFC 9162 section 2.1.1), with SHA-256.
// The hash function is injectable so the server can use node:crypto (much faster than pure JS):
//
//   import { hash } from 'node:crypto';
//   const hasher = rfc6962Hasher((d) => hash('sha256', d, 'buffer'));

import { sha256 } from '@noble/hashes/sha2.js';
import { TlogError } from './errors.js';

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;
/** RFC 6962 section 2.1: domain-separation prefix of leaf hashes. */
export const LEAF_PREFIX = 0x00;
/** RFC 6962 section 2.1: domain-separation prefix of interior node hashes. */
export const NODE_PREFIX = 0x01;

/** A plain SHA-256 function. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** RFC 6962 tree hashing. All hashes are 32-byte Uint8Arrays (a Node Buffer is fine). */
export interface Hasher {
  /** MTH({}) = SHA-256() — the root of the empty tree. */
  emptyRoot(): Uint8Array;
  /** MTH({d}) = SHA-256(0x00 || d). */
  hashLeaf(entry: Uint8Array): Uint8Array;
  /** SHA-256(0x01 || left || right). */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
}

/** Builds an RFC 6962 Hasher on top of any SHA-256 function (e.g. node:crypto's). */
export function rfc6962Hasher(hash: Sha256): Hasher {
  const empty = hash(new Uint8Array(0));
  const node = new Uint8Array(1 + 2 * HASH_SIZE);
  node[0] = NODE_PREFIX;
  return {
    emptyRoot: () => empty.slice(),
    hashLeaf(entry) {
      const buf = new Uint8Array(1 + entry.length);
      buf[0] = LEAF_PREFIX;
      buf.set(entry, 1);
      return hash(buf);
    },
    hashChildren(left, right) {
      checkChild(left);
      checkChild(right);
      node.set(left, 1);
      node.set(right, 1 + HASH_SIZE);
      return hash(node);
    },
  };
}

function checkChild(h: Uint8Array): void {
  if (h.length !== HASH_SIZE) {
    throw new TlogError(
      'invalid_argument',
      `couldn't hash tree node: child hash is ${h.length} bytes, not 32`,
    );
  }
}

const LEAF = new Uint8Array([LEAF_PREFIX]);
const NODE = new Uint8Array([NODE_PREFIX]);
const EMPTY = sha256(new Uint8Array(0));

/** The default, isomorphic Hasher (@noble/hashes, pure JS). */
export const defaultHasher: Hasher = {
  emptyRoot: () => EMPTY.slice(),
  hashLeaf: (entry) => sha256.create().update(LEAF).update(entry).digest(),
  hashChildren(left, right) {
    checkChild(left);
    checkChild(right);
    return sha256.create().update(NODE).update(left).update(right).digest();
  },
};

/** RFC 6962 leaf hash with the default hasher. */
export function hashLeaf(entry: Uint8Array, hasher: Hasher = defaultHasher): Uint8Array {
  return hasher.hashLeaf(entry);
}

/** RFC 6962 interior node hash with the default hasher. */
export function hashChildren(
  left: Uint8Array,
  right: Uint8Array,
  hasher: Hasher = defaultHasher,
): Uint8Array {
  return hasher.hashChildren(left, right);
}
