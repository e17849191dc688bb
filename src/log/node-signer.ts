// Ed25519 signing for Node processes that hold their own key (the CLI's user key, the server's log
// key for sealed commitments): libsodium through `sodium-native` when its prebuilt addon loads,
// node:crypto (OpenSSL) otherwise, both synchronous. WebCrypto's sign (src/core/signing.ts, kept for
// browsers) costs a thread-pool round trip and a promise per signature: about 90 µs of CPU per
// entry on this machine against about 30 µs for libsodium. Ed25519 signatures are deterministic
// (RFC 8032 §5.1.6), so every implementation here gives the same bytes for the same key and message.
import { createPrivateKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Signer } from '../core/signing.js';
import { authorIdOf } from '../core/signing.js';
import { CoreError } from '../core/errors.js';
import { SIG_TYPE_ED25519, formatVerifierKey, parseSignerKey } from '../tlog/note-key.js';

interface SodiumSign {
  crypto_sign_seed_keypair(pk: Uint8Array, sk: Uint8Array, seed: Uint8Array): void;
  crypto_sign_detached(sig: Uint8Array, message: Uint8Array, sk: Uint8Array): void;
}

/** Signs a message with one fixed key, synchronously. */
export type Ed25519SignWithKey = (message: Uint8Array) => Uint8Array;

// PKCS #8 header of an Ed25519 private key (RFC 8410 §7): the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function loadSodium(): SodiumSign | undefined {
  try {
    const s = createRequire(import.meta.url)('sodium-native') as Partial<SodiumSign>;
    return typeof s.crypto_sign_detached === 'function' &&
      typeof s.crypto_sign_seed_keypair === 'function'
      ? (s as SodiumSign)
      : undefined;
  } catch {
    return undefined; // no prebuilt addon here: node:crypto signs
  }
}

const sodium = loadSodium();

/** Which implementation signs in this process (shown by benches). */
export const ED25519_SIGN_IMPLEMENTATION: 'libsodium' | 'node:crypto' = sodium
  ? 'libsodium'
  : 'node:crypto';

/** libsodium's signer for a 32-byte seed, or undefined when sodium-native does not load. */
export function sodiumSigner(seed: Uint8Array): Ed25519SignWithKey | undefined {
  if (!sodium) return undefined;
  const pk = Buffer.alloc(32);
  const sk = Buffer.alloc(64); // libsodium's secret key: seed ‖ public key
  sodium.crypto_sign_seed_keypair(pk, sk, seed);
  return (message) => {
    const sig = new Uint8Array(64);
    sodium.crypto_sign_detached(sig, message, sk);
    return sig;
  };
}

/** node:crypto's signer for a 32-byte seed. */
export function opensslSigner(seed: Uint8Array): Ed25519SignWithKey {
  const key: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return (message) => new Uint8Array(nodeSign(null, message, key));
}

/** The fastest signer that loaded, for a 32-byte seed. */
export function ed25519SignerForSeed(seed: Uint8Array): Ed25519SignWithKey {
  if (seed.length !== 32)
    throw new CoreError('bad_key', "couldn't load key: the seed is not 32 bytes");
  return sodiumSigner(seed) ?? opensslSigner(seed);
}

/**
 * A Signer (src/core/signing.ts's interface) from a signed-note private key text, signing on the
 * calling thread. Same author, vkey and signatures as `signerFromNoteKey`.
 */
export function nodeSignerFromNoteKey(skey: string): Signer {
  const parsed = parseSignerKey(skey);
  if (parsed.type !== SIG_TYPE_ED25519) {
    throw new CoreError('bad_key', "couldn't load key: envelopes are signed with type 0x01 keys");
  }
  const vkey = formatVerifierKey(parsed.name, SIG_TYPE_ED25519, parsed.publicKey);
  const signNow = ed25519SignerForSeed(parsed.key);
  return {
    author: authorIdOf(vkey),
    vkey,
    sign: (message) => Promise.resolve(signNow(message)),
  };
}
