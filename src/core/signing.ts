// Ed25519 signing and verification through WebCrypto, the one implementation that runs natively in
// Node (OpenSSL, off the main thread) and in browsers (where a party's key can be non-extractable).
// Keys travel as c2sp.org/signed-note key texts (see src/tlog/note-key.ts).
import {
  SIG_TYPE_ED25519,
  formatVerifierKey,
  parseSignerKey,
  parseVerifierKey,
} from '../tlog/note-key.js';
import { concatBytes } from '../tlog/bytes.js';
import { CoreError } from './errors.js';

const ED25519 = { name: 'Ed25519' } as const;
// PKCS #8 header of an Ed25519 private key (RFC 8410 §7): the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/** Something that signs messages for one author, wherever its private key lives. */
export interface Signer {
  /** The author id written into envelopes: the key's `name+hash` (the vkey without its key). */
  readonly author: string;
  /** The c2sp.org/signed-note verifier key to register. */
  readonly vkey: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CoreError('bad_key', "couldn't sign: WebCrypto is not available here");
  return s;
}

/** The author id of a verifier key: `name+hash`, i.e. the vkey text minus the key material. */
export function authorIdOf(vkey: string): string {
  const parsed = parseVerifierKey(vkey);
  return `${parsed.name}+${parsed.hash.toString(16).padStart(8, '0')}`;
}

/** A signer from a signed-note private key text (`PRIVATE+KEY+name+hash+base64`). */
export async function signerFromNoteKey(skey: string): Promise<Signer> {
  const parsed = parseSignerKey(skey);
  if (parsed.type !== SIG_TYPE_ED25519) {
    throw new CoreError('bad_key', "couldn't load key: envelopes are signed with type 0x01 keys");
  }
  const key = await subtle().importKey(
    'pkcs8',
    concatBytes(PKCS8_ED25519_PREFIX, parsed.key) as BufferSource,
    ED25519,
    false,
    ['sign'],
  );
  const vkey = formatVerifierKey(parsed.name, SIG_TYPE_ED25519, parsed.publicKey);
  return signerFromCryptoKey(vkey, key);
}

/** A signer around a (possibly non-extractable) WebCrypto private key, e.g. in a browser. */
export function signerFromCryptoKey(vkey: string, privateKey: CryptoKey): Signer {
  const author = authorIdOf(vkey);
  return {
    author,
    vkey,
    async sign(message) {
      return new Uint8Array(await subtle().sign(ED25519, privateKey, message as BufferSource));
    },
  };
}

/** A fresh key pair held only by WebCrypto; the private key cannot be exported. */
export async function generateBrowserSigner(name: string): Promise<Signer> {
  const pair = (await subtle().generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return signerFromCryptoKey(formatVerifierKey(name, SIG_TYPE_ED25519, raw), pair.privateKey);
}

/** Imports a verifier key for repeated verification (callers cache the result per author). */
export async function importVerifier(vkey: string): Promise<CryptoKey> {
  const parsed = parseVerifierKey(vkey);
  if (parsed.type !== SIG_TYPE_ED25519) {
    throw new CoreError('bad_key', "couldn't load key: envelopes are verified with type 0x01 keys");
  }
  return subtle().importKey('raw', parsed.key as BufferSource, ED25519, false, ['verify']);
}

/** True when `signature` is a valid Ed25519 signature of `message`; never throws on bad input. */
export async function verifySignature(
  key: CryptoKey,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    return await subtle().verify(ED25519, key, signature as BufferSource, message as BufferSource);
  } catch {
    return false;
  }
}
