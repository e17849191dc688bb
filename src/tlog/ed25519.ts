// Ed25519 (RFC 8032) through @noble/curves, isomorphic. One place to swap the implementation.

import { ed25519 } from '@noble/curves/ed25519.js';

export const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

/** A fresh random 32-byte Ed25519 seed (crypto.getRandomValues underneath). */
export function randomEd25519Seed(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

export function ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array {
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
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
