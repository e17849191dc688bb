// Ed25519 signature checks (RFC 8032 §5.1.7) for the log's admission, done synchronously on the
// calling thread: libsodium through `sodium-native` when its prebuilt addon loads (about twice
// node:crypto's rate on this machine), node:crypto (OpenSSL) otherwise. libsodium's verify is the
// stricter of the two (it also refuses small-order keys and R points), so it never admits an entry
// that node:crypto, WebCrypto or Go's crypto/ed25519 — what auditors run — would refuse.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

/** Verifies one signature with a raw 32-byte public key; never throws on bad input. */
export type Ed25519Verify = (
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => boolean;

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, pk: Uint8Array): boolean;
}

// RFC 8410 §4: the SubjectPublicKeyInfo DER of an Ed25519 key, the 32-byte key follows.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keyObjects = new WeakMap<Uint8Array, KeyObject>();

/** node:crypto's Ed25519 (OpenSSL); key objects are cached per public-key array. */
export const nodeVerify: Ed25519Verify = (publicKey, message, signature) => {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    let key = keyObjects.get(publicKey);
    if (!key) {
      key = createPublicKey({
        key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
        format: 'der',
        type: 'spki',
      });
      keyObjects.set(publicKey, key);
    }
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
};

function loadSodium(): Sodium | undefined {
  try {
    const s = createRequire(import.meta.url)('sodium-native') as Partial<Sodium>;
    return typeof s.crypto_sign_verify_detached === 'function' ? (s as Sodium) : undefined;
  } catch {
    return undefined; // no prebuilt addon for this platform: node:crypto does the work
  }
}

/** libsodium's Ed25519, or undefined when sodium-native does not load here. */
export function sodiumVerify(): Ed25519Verify | undefined {
  const sodium = loadSodium();
  if (!sodium) return undefined;
  return (publicKey, message, signature) => {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return sodium.crypto_sign_verify_detached(signature, message, publicKey);
    } catch {
      return false;
    }
  };
}

const sodium = sodiumVerify();

/** The fastest implementation that loaded, and its name (shown by the bench). */
export const ed25519Verify: Ed25519Verify = sodium ?? nodeVerify;
export const ED25519_IMPLEMENTATION: 'libsodium' | 'node:crypto' = sodium
  ? 'libsodium'
  : 'node:crypto';
