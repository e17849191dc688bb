// Ed25519 (RFC 8032) through @noble/curves, isomorphic. One place to swap the implementation.

import { ed25519 } from '@noble/curves/ed25519.js';

export const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

/** A native Ed25519 a Node process may put under tlog (signing and verifying notes, cosignatures). */
export interface Ed25519Backend {
  readonly name: string;
  sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  /** Strict RFC 8032 verification; never throws. */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

// noble is pure JS (about 1 ms per verify); the server's witnesses and cosigner check every
// checkpoint with it, so src/log installs libsodium here (src/log/native-ed25519.ts). Browsers and
// any process that installs nothing keep noble.
let backend: Ed25519Backend | undefined;

/** Installs (or, with undefined, removes) the native implementation. */
export function useEd25519Backend(b: Ed25519Backend | undefined): void {
  backend = b;
}

/** The implementation in use: a backend's name, or "noble". */
export function ed25519BackendName(): string {
  return backend?.name ?? 'noble';
}

/** A fresh random 32-byte Ed25519 seed (crypto.getRandomValues underneath). */
export function randomEd25519Seed(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

export function ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array {
  if (backend) return backend.sign(message, seed);
  return ed25519.sign(message, seed);
}

/**
 * RFC 8032 verification (zip215: false: strict encodings, as Go's crypto/ed25519 rejects
 * non-canonical S). Never throws: malformed inputs verify as false.
 */
export function ed25519Verify(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE || publicKey.length !== ED25519_PUBLIC_KEY_SIZE)
    return false;
  if (backend) return backend.verify(signature, message, publicKey);
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
