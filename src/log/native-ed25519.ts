// Puts libsodium (or node:crypto) under src/tlog's Ed25519 in Node processes that run logs or
// witnesses: every checkpoint is signed by the log, verified and cosigned by each witness, and each
// cosignature verified again; with noble (pure JS) that was about 100 µs of the server's CPU per
// submitted entry. Signing is deterministic, so the bytes do not change; verification stays strict
// RFC 8032 (libsodium also refuses small-order keys, which no honest key is).
import { useEd25519Backend, type Ed25519Backend } from '../tlog/ed25519.js';
import {
  ed25519SignerForSeed,
  ED25519_SIGN_IMPLEMENTATION,
  type Ed25519SignWithKey,
} from './node-signer.js';
import { ed25519Verify } from './verify-ed25519.js';

// A process holds a handful of seeds (its log keys, its witnesses'); a full cache starts over.
const MAX_CACHED_SEEDS = 64;
const signers = new Map<string, Ed25519SignWithKey>();

function signerFor(seed: Uint8Array): Ed25519SignWithKey {
  const key = Buffer.from(seed.buffer, seed.byteOffset, seed.byteLength).toString('base64');
  let s = signers.get(key);
  if (!s) {
    if (signers.size >= MAX_CACHED_SEEDS) signers.clear();
    s = ed25519SignerForSeed(seed);
    signers.set(key, s);
  }
  return s;
}

export const nativeEd25519: Ed25519Backend = {
  name: ED25519_SIGN_IMPLEMENTATION,
  sign: (message, seed) => signerFor(seed)(message),
  verify: (signature, message, publicKey) => ed25519Verify(publicKey, message, signature),
};

/** Installs the native implementation under src/tlog for this process (idempotent). */
export function installNativeEd25519(): void {
  useEd25519Backend(nativeEd25519);
}
