// Signed-note keys: key names, key IDs ("key hashes"), verifier keys (vkeys) and signer keys.
// Spec: c2sp.org/signed-note (sections "Signatures", "Verifier keys") and, for type 0x04,
// c2sp.org/tlog-cosignature. Signer-key text follows golang.org/x/mod/sumdb/note
// ("PRIVATE+KEY+<name>+<hex id>+base64(type || seed)") so keys interoperate with Go tools.

import { sha256 } from '@noble/hashes/sha2.js';
import {
  base64DecodeOrUndefined,
  base64Encode,
  concatBytes,
  readUint32BE,
  utf8Encode,
} from './bytes.js';
import {
  ED25519_PUBLIC_KEY_SIZE,
  ED25519_SEED_SIZE,
  ed25519PublicKey,
  randomEd25519Seed,
} from './ed25519.js';
import { TlogError } from './errors.js';

/** c2sp.org/signed-note#signature-types: 0x01 Ed25519 note signatures. */
export const SIG_TYPE_ED25519 = 0x01;
/** c2sp.org/signed-note#signature-types and c2sp.org/tlog-cosignature: 0x04 cosignature/v1 (Ed25519). */
export const SIG_TYPE_COSIGNATURE_V1 = 0x04;

/** The signature types this module implements (both use 32-byte Ed25519 keys). */
export type NoteKeyType = typeof SIG_TYPE_ED25519 | typeof SIG_TYPE_COSIGNATURE_V1;

/** Prefix of signer-key text (golang.org/x/mod/sumdb/note convention). */
export const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';

/** A parsed verifier key: `<name>+<hex id>+base64(type || public key)`. */
export interface VerifierKey {
  /** Key name (for a log: its origin). */
  readonly name: string;
  /** uint32 key ID ("key hash"). */
  readonly hash: number;
  readonly type: NoteKeyType;
  /** Raw 32-byte Ed25519 public key. */
  readonly key: Uint8Array;
}

/** A parsed signer key. Secret: never log it. */
export interface SignerKey {
  readonly name: string;
  readonly hash: number;
  readonly type: NoteKeyType;
  /** Raw 32-byte Ed25519 seed (the RFC 8032 private key). */
  readonly key: Uint8Array;
  /** The matching 32-byte public key. */
  readonly publicKey: Uint8Array;
}

// Unicode White_Space is what Go's unicode.IsSpace tests; c2sp.org/signed-note: "Key names MUST be
// non-empty and MUST NOT contain any Unicode spaces or plus (U+002B) characters". We also refuse
// control characters (a note may not contain them) and lone surrogates (not encodable as UTF-8).
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHAR = /[\p{White_Space}+\u0000-\u001f\u007f\uD800-\uDFFF]/u;

/** c2sp.org/signed-note#format: whether `name` is a valid key name. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !BAD_NAME_CHAR.test(name);
}

function checkName(name: string, what: string): void {
  if (!isValidKeyName(name)) {
    throw new TlogError(
      'malformed_key',
      `couldn't use ${what} key name ${JSON.stringify(name)}: names must be non-empty, without spaces, '+' or control characters`,
    );
  }
}

function checkType(type: number, what: string): asserts type is NoteKeyType {
  if (type !== SIG_TYPE_ED25519 && type !== SIG_TYPE_COSIGNATURE_V1) {
    throw new TlogError(
      'unsupported_key',
      `couldn't use ${what}: signature type 0x${type.toString(16).padStart(2, '0')} is not supported (only 0x01 Ed25519 and 0x04 cosignature/v1)`,
    );
  }
}

/**
 * c2sp.org/signed-note#signatures: key ID = SHA-256(name || 0x0A || type || public key)[:4],
 * as a big-endian uint32.
 */
export function keyHash(name: string, type: number, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes(utf8Encode(name), new Uint8Array([0x0a, type]), publicKey));
  return readUint32BE(digest, 0);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Formats a vkey from its parts (the key ID is computed). */
export function formatVerifierKey(name: string, type: NoteKeyType, publicKey: Uint8Array): string {
  checkName(name, 'verifier');
  checkType(type, 'verifier key');
  if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format verifier key: public key must be 32 bytes`,
    );
  }
  const h = keyHash(name, type, publicKey);
  return `${name}+${hex8(h)}+${base64Encode(concatBytes(new Uint8Array([type]), publicKey))}`;
}

/** Formats a signer key from a name, type and 32-byte Ed25519 seed. */
export function formatSignerKey(name: string, type: NoteKeyType, seed: Uint8Array): string {
  checkName(name, 'signer');
  checkType(type, 'signer key');
  if (seed.length !== ED25519_SEED_SIZE) {
    throw new TlogError('invalid_argument', `couldn't format signer key: seed must be 32 bytes`);
  }
  const h = keyHash(name, type, ed25519PublicKey(seed));
  return `${SIGNER_KEY_PREFIX}${name}+${hex8(h)}+${base64Encode(concatBytes(new Uint8Array([type]), seed))}`;
}

export interface GenerateNoteKeyOptions {
  /** 0x01 (log / note signer, default) or 0x04 (witness cosigner). */
  type?: NoteKeyType;
  /** A fixed 32-byte seed (tests, deterministic derivation); random by default. */
  seed?: Uint8Array;
}

/** Generates an Ed25519 signed-note key pair: `{ skey, vkey }` texts. */
export function generateNoteKey(
  name: string,
  options: GenerateNoteKeyOptions = {},
): { skey: string; vkey: string } {
  const type = options.type ?? SIG_TYPE_ED25519;
  const seed = options.seed ?? randomEd25519Seed();
  if (seed.length !== ED25519_SEED_SIZE) {
    throw new TlogError('invalid_argument', `couldn't generate note key: seed must be 32 bytes`);
  }
  return {
    skey: formatSignerKey(name, type, seed),
    vkey: formatVerifierKey(name, type, ed25519PublicKey(seed)),
  };
}

/** Splits `<name>+<hex>+<base64>` (base64 may itself contain '+'). */
function splitKey(
  text: string,
  what: string,
): { name: string; hash: number; material: Uint8Array } {
  const p1 = text.indexOf('+');
  const p2 = p1 < 0 ? -1 : text.indexOf('+', p1 + 1);
  if (p1 < 0 || p2 < 0) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse ${what}: expected <name>+<hex key id>+<base64 key>`,
    );
  }
  const name = text.slice(0, p1);
  const hashHex = text.slice(p1 + 1, p2);
  const b64 = text.slice(p2 + 1);
  checkName(name, what);
  if (!/^[0-9a-fA-F]{8}$/.test(hashHex)) {
    throw new TlogError('malformed_key', `couldn't parse ${what}: key id must be 8 hex digits`);
  }
  const material = base64DecodeOrUndefined(b64);
  if (material === undefined || material.length < 1) {
    throw new TlogError('malformed_key', `couldn't parse ${what}: key material is not base64`);
  }
  return { name, hash: parseInt(hashHex, 16) >>> 0, material };
}

/**
 * Parses a vkey (c2sp.org/signed-note#verifier-keys). Attacker-controlled when it comes from a
 * policy file or a request. Checks the key ID against the name, type and key.
 */
export function parseVerifierKey(vkey: string): VerifierKey {
  if (typeof vkey !== 'string' || vkey.length > 4096) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse verifier key: not a string of reasonable length`,
    );
  }
  const { name, hash, material } = splitKey(vkey, 'verifier key');
  const type = material[0]!;
  checkType(type, 'verifier key');
  const key = material.slice(1);
  if (key.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse verifier key: Ed25519 public key must be 32 bytes, got ${key.length}`,
    );
  }
  if (keyHash(name, type, key) !== hash) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse verifier key: key id does not match name and key`,
    );
  }
  return { name, hash, type, key };
}

/** Parses a signer key `PRIVATE+KEY+<name>+<hex id>+base64(type || seed)`. */
export function parseSignerKey(skey: string): SignerKey {
  if (typeof skey !== 'string' || !skey.startsWith(SIGNER_KEY_PREFIX) || skey.length > 4096) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse signer key: must start with ${SIGNER_KEY_PREFIX}`,
    );
  }
  const { name, hash, material } = splitKey(skey.slice(SIGNER_KEY_PREFIX.length), 'signer key');
  const type = material[0]!;
  checkType(type, 'signer key');
  const key = material.slice(1);
  if (key.length !== ED25519_SEED_SIZE) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse signer key: Ed25519 seed must be 32 bytes, got ${key.length}`,
    );
  }
  const publicKey = ed25519PublicKey(key);
  if (keyHash(name, type, publicKey) !== hash) {
    throw new TlogError(
      'malformed_key',
      `couldn't parse signer key: key id does not match name and key`,
    );
  }
  return { name, hash, type, key, publicKey };
}

/** The vkey text matching a signer key. */
export function verifierKeyOf(signer: SignerKey): string {
  return formatVerifierKey(signer.name, signer.type, signer.publicKey);
}

/** The vkey text matching a signer key text. */
export function verifierKeyFromSignerKey(skey: string): string {
  return verifierKeyOf(parseSignerKey(skey));
}
