// Witness cosignatures: c2sp.org/tlog-cosignature, Ed25519 "cosignature/v1" (signature type
// 0x04). ML-DSA-44 (type 0x06) is not implemented.
//
// Signed message (section "Ed25519 signed message"):
//   cosignature/v1\n
//   time <POSIX seconds, decimal, no leading zeroes>\n
//   <checkpoint note text, including its final newline>
// Signature bytes (after the 4-byte key ID of the note signature line):
//   uint64 big-endian timestamp || 64-byte Ed25519 signature   (timestamped_signature)

import { concatBytes, readUint64BE, uint64BE, utf8Encode } from './bytes.js';
import { ED25519_SIGNATURE_SIZE, ed25519Sign, ed25519Verify } from './ed25519.js';
import { TlogError } from './errors.js';
import {
  SIG_TYPE_COSIGNATURE_V1,
  parseSignerKey,
  parseVerifierKey,
  type SignerKey,
  type VerifierKey,
} from './note-key.js';
import type { NoteSignature, NoteSigner, NoteVerifier } from './note.js';

/** c2sp.org/tlog-cosignature: fixed header line of the Ed25519 signed message. */
export const COSIGNATURE_V1_HEADER = 'cosignature/v1';
/** c2sp.org/tlog-cosignature: timestamped_signature for Ed25519 = 8 + 64 bytes. */
export const COSIGNATURE_V1_SIZE = 8 + ED25519_SIGNATURE_SIZE;
/** c2sp.org/tlog-cosignature: "It MUST NOT exceed 2^63 - 1". */
export const MAX_COSIGNATURE_TIMESTAMP = (1n << 63n) - 1n;

function checkTimestamp(ts: number): void {
  if (!Number.isSafeInteger(ts) || ts < 0) {
    throw new TlogError(
      'invalid_argument',
      `couldn't cosign: timestamp ${ts} is not a non-negative integer of seconds`,
    );
  }
}

/** The exact bytes an Ed25519 cosigner signs for `checkpointText` at `timestamp` seconds. */
export function cosignatureMessage(checkpointText: string, timestamp: number | bigint): Uint8Array {
  return utf8Encode(
    `${COSIGNATURE_V1_HEADER}\ntime ${BigInt(timestamp).toString()}\n${checkpointText}`,
  );
}

/** A parsed timestamped_signature. */
export interface Cosignature {
  /** POSIX seconds. Cosignatures with timestamps above 2^53-1 are rejected as malformed. */
  readonly timestamp: number;
  readonly signature: Uint8Array;
}

/** Splits cosignature/v1 signature bytes (after the key ID). Attacker-controlled. */
export function parseCosignature(sig: Uint8Array): Cosignature {
  if (sig.length !== COSIGNATURE_V1_SIZE) {
    throw new TlogError(
      'malformed_cosignature',
      `couldn't parse cosignature: ${sig.length} bytes, want ${COSIGNATURE_V1_SIZE}`,
    );
  }
  const ts = readUint64BE(sig, 0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new TlogError(
      'malformed_cosignature',
      `couldn't parse cosignature: timestamp ${ts} is out of range`,
    );
  }
  return { timestamp: Number(ts), signature: sig.slice(8) };
}

/** Cosigner key from a type-0x04 signer key. */
function cosignerKey(skey: string | SignerKey): SignerKey {
  const k = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  if (k.type !== SIG_TYPE_COSIGNATURE_V1) {
    throw new TlogError(
      'unsupported_key',
      `couldn't use ${k.name} as a cosigner: key type is not 0x04 cosignature/v1`,
    );
  }
  return k;
}

/**
 * Produces the cosignature (a note signature) of a witness over checkpoint text at `timestamp`
 * (POSIX seconds; the caller passes the clock, this module never reads it).
 */
export function cosignCheckpoint(
  checkpointText: string,
  skey: string | SignerKey,
  timestamp: number,
): NoteSignature {
  checkTimestamp(timestamp);
  const k = cosignerKey(skey);
  const sig = ed25519Sign(cosignatureMessage(checkpointText, timestamp), k.key);
  return { name: k.name, hash: k.hash, signature: concatBytes(uint64BE(BigInt(timestamp)), sig) };
}

/** A NoteSigner producing cosignature/v1 signatures; `now()` returns POSIX seconds. */
export function cosignatureSigner(skey: string | SignerKey, now: () => number): NoteSigner {
  const k = cosignerKey(skey);
  return {
    name: k.name,
    hash: k.hash,
    sign(text) {
      const ts = now();
      checkTimestamp(ts);
      const msg = concatBytes(utf8Encode(`${COSIGNATURE_V1_HEADER}\ntime ${ts}\n`), text);
      return concatBytes(uint64BE(BigInt(ts)), ed25519Sign(msg, k.key));
    },
  };
}

/** A NoteVerifier for a type-0x04 cosigner vkey, usable with openNote / openCheckpoint. */
export function cosignatureVerifier(vkey: string | VerifierKey): NoteVerifier {
  const k = typeof vkey === 'string' ? parseVerifierKey(vkey) : vkey;
  if (k.type !== SIG_TYPE_COSIGNATURE_V1) {
    throw new TlogError(
      'unsupported_key',
      `couldn't make cosignature verifier for ${k.name}: key type is not 0x04`,
    );
  }
  return {
    name: k.name,
    hash: k.hash,
    verify(text, sig) {
      if (sig.length !== COSIGNATURE_V1_SIZE) return false;
      const ts = readUint64BE(sig, 0);
      if (ts > MAX_COSIGNATURE_TIMESTAMP || ts > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      const msg = concatBytes(
        utf8Encode(`${COSIGNATURE_V1_HEADER}\ntime ${ts.toString()}\n`),
        text,
      );
      return ed25519Verify(sig.slice(8), msg, k.key);
    },
  };
}

/** Verifies one cosignature over checkpoint text; returns its timestamp or throws bad_signature. */
export function verifyCosignature(
  checkpointText: string,
  sig: NoteSignature,
  vkey: string | VerifierKey,
): number {
  const v = cosignatureVerifier(vkey);
  if (sig.name !== v.name || sig.hash >>> 0 !== v.hash) {
    throw new TlogError(
      'invalid_argument',
      `couldn't verify cosignature: it is by ${sig.name}, not ${v.name}`,
    );
  }
  if (!v.verify(utf8Encode(checkpointText), sig.signature)) {
    throw new TlogError(
      'bad_signature',
      `couldn't verify cosignature by ${sig.name}: invalid signature`,
    );
  }
  return parseCosignature(sig.signature).timestamp;
}
