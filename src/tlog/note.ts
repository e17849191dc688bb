// C2SP signed notes: c2sp.org/signed-note (format, signatures, limits).
//
//   <text ending in \n>
//   \n
//   — <key name> base64(uint32 key ID || signature)\n     (one or more lines, U+2014 em dash)
//
// Everything parsed here is attacker-controlled: notes arrive over the network (checkpoints,
// witness responses, proof bundles). Parsing never trusts the text; opening a note verifies it.

import {
  base64DecodeOrUndefined,
  base64Encode,
  concatBytes,
  isWellFormedString,
  readUint32BE,
  uint32BE,
  utf8DecodeOrUndefined,
  utf8Encode,
} from './bytes.js';
import { ED25519_SIGNATURE_SIZE, ed25519Sign, ed25519Verify } from './ed25519.js';
import { TlogError } from './errors.js';
import {
  SIG_TYPE_ED25519,
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
  type SignerKey,
  type VerifierKey,
} from './note-key.js';

/** c2sp.org/signed-note#format: a signature line starts with U+2014 EM DASH and a space. */
export const SIGNATURE_LINE_PREFIX = '\u2014 ';

/**
 * c2sp.org/signed-note#format: "Verifiers SHOULD apply a maximum limit to the number of
 * signatures ... but MUST accept at least up to 16". We accept 100 (as Go's sumdb/note does).
 */
export const MAX_NOTE_SIGNATURES = 100;

/** Our limit on a whole note, in UTF-8 bytes (100 post-quantum signatures of ~5 kB fit). */
export const MAX_NOTE_BYTES = 1 << 20;

/** One signature line of a note (not necessarily verified). */
export interface NoteSignature {
  /** Key name (attacker-controlled until verified). */
  readonly name: string;
  /** uint32 key ID from the first 4 signature bytes. */
  readonly hash: number;
  /** Signature bytes after the key ID. */
  readonly signature: Uint8Array;
}

/** A parsed, unverified note. */
export interface Note {
  /** The note text, including its final newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note whose signatures by known keys all verified (at least one did). */
export interface OpenedNote {
  readonly text: string;
  /** Signatures by known keys, all verified (duplicates dropped). */
  readonly verified: readonly NoteSignature[];
  /** Signatures by keys not among the verifiers (ignored, as the spec requires). */
  readonly unverified: readonly NoteSignature[];
}

/** Something that can verify signatures of one key (identified by name and key ID). */
export interface NoteVerifier {
  readonly name: string;
  readonly hash: number;
  /** `text` is the note text as UTF-8; `signature` excludes the key ID. Must not throw. */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Something that can sign note text with one key. */
export interface NoteSigner {
  readonly name: string;
  readonly hash: number;
  /** Returns the signature bytes, without the key ID. */
  sign(text: Uint8Array): Uint8Array;
}

/** A NoteVerifier for an Ed25519 (type 0x01) vkey. */
export function ed25519NoteVerifier(vkey: string | VerifierKey): NoteVerifier {
  const k = typeof vkey === 'string' ? parseVerifierKey(vkey) : vkey;
  if (k.type !== SIG_TYPE_ED25519) {
    throw new TlogError(
      'unsupported_key',
      `couldn't make note verifier for ${k.name}: key type is not 0x01 Ed25519`,
    );
  }
  return {
    name: k.name,
    hash: k.hash,
    verify: (text, signature) =>
      signature.length === ED25519_SIGNATURE_SIZE && ed25519Verify(signature, text, k.key),
  };
}

/** A NoteSigner for an Ed25519 (type 0x01) signer key. */
export function ed25519NoteSigner(skey: string | SignerKey): NoteSigner {
  const k = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  if (k.type !== SIG_TYPE_ED25519) {
    throw new TlogError(
      'unsupported_key',
      `couldn't make note signer for ${k.name}: key type is not 0x01 Ed25519`,
    );
  }
  return { name: k.name, hash: k.hash, sign: (text) => ed25519Sign(text, k.key) };
}

function malformed(why: string): never {
  throw new TlogError('malformed_note', `couldn't parse signed note: ${why}`);
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/** Decodes and checks the whole-note rules: size, UTF-8, no control characters but newline. */
function noteString(msg: string | Uint8Array): string {
  let s: string;
  if (typeof msg === 'string') {
    if (msg.length > MAX_NOTE_BYTES)
      throw new TlogError(
        'too_large',
        `couldn't parse signed note: larger than ${MAX_NOTE_BYTES} bytes`,
      );
    if (!isWellFormedString(msg)) malformed('not valid UTF-8');
    s = msg;
    if (utf8Encode(s).length > MAX_NOTE_BYTES)
      throw new TlogError(
        'too_large',
        `couldn't parse signed note: larger than ${MAX_NOTE_BYTES} bytes`,
      );
  } else {
    if (!(msg instanceof Uint8Array)) malformed('not text');
    if (msg.length > MAX_NOTE_BYTES)
      throw new TlogError(
        'too_large',
        `couldn't parse signed note: larger than ${MAX_NOTE_BYTES} bytes`,
      );
    const d = utf8DecodeOrUndefined(msg);
    if (d === undefined) malformed('not valid UTF-8');
    s = d;
  }
  if (FORBIDDEN_CONTROL.test(s)) malformed('contains a control character other than newline');
  return s;
}

/** Parses one signature line without its trailing newline: `— <name> <base64>`. */
export function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX))
    malformed('signature line does not start with an em dash and a space');
  const rest = line.slice(SIGNATURE_LINE_PREFIX.length);
  const sp = rest.indexOf(' ');
  if (sp < 0) malformed('signature line has no space between key name and signature');
  const name = rest.slice(0, sp);
  const b64 = rest.slice(sp + 1);
  if (!isValidKeyName(name)) malformed('signature line has an invalid key name');
  const raw = base64DecodeOrUndefined(b64);
  if (raw === undefined) malformed('signature is not base64');
  if (raw.length < 5) malformed('signature is shorter than a key ID and one byte');
  return { name, hash: readUint32BE(raw, 0), signature: raw.slice(4) };
}

/** Formats one signature line, without a trailing newline. */
export function formatSignatureLine(sig: NoteSignature): string {
  if (!isValidKeyName(sig.name)) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format signature line: invalid key name ${JSON.stringify(sig.name)}`,
    );
  }
  return `${SIGNATURE_LINE_PREFIX}${sig.name} ${base64Encode(concatBytes(uint32BE(sig.hash), sig.signature))}`;
}

/**
 * Parses a signed note without verifying it (c2sp.org/signed-note#format): the text is split
 * from the signatures at the LAST blank line. Throws malformed_note / too_large.
 */
export function parseNote(msg: string | Uint8Array): Note {
  const s = noteString(msg);
  const split = s.lastIndexOf('\n\n');
  if (split < 0) malformed('no blank line before the signatures');
  const text = s.slice(0, split + 1);
  const block = s.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n'))
    malformed('no signature lines, or the last one does not end in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

/** Formats a note from text and signature lines (no verification). */
export function formatNote(note: Note): string {
  checkText(note.text);
  if (note.signatures.length === 0)
    throw new TlogError('invalid_argument', `couldn't format signed note: no signatures`);
  return `${note.text}\n${note.signatures.map((s) => formatSignatureLine(s) + '\n').join('')}`;
}

function checkText(text: string): void {
  if (!text.endsWith('\n'))
    throw new TlogError('invalid_argument', `couldn't sign note: text must end with a newline`);
  if (!isWellFormedString(text) || FORBIDDEN_CONTROL.test(text)) {
    throw new TlogError(
      'invalid_argument',
      `couldn't sign note: text has invalid UTF-8 or control characters`,
    );
  }
}

/** Signs `text` with each signer (in order) and returns the signed note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  const bytes = utf8Encode(text);
  const signatures = signers.map((s) => {
    if (!isValidKeyName(s.name))
      throw new TlogError(
        'invalid_argument',
        `couldn't sign note: invalid signer name ${JSON.stringify(s.name)}`,
      );
    return { name: s.name, hash: s.hash >>> 0, signature: s.sign(bytes) };
  });
  return formatNote({ text, signatures });
}

/**
 * Adds signatures to an already signed note (e.g. witness cosignatures to a checkpoint), after
 * the existing ones. An existing signature by the same (name, key ID) is replaced.
 */
export function addSignatures(msg: string | Uint8Array, extra: readonly NoteSignature[]): string {
  const note = parseNote(msg);
  const replaced = new Set(extra.map((s) => `${s.name}\n${s.hash >>> 0}`));
  const kept = note.signatures.filter((s) => !replaced.has(`${s.name}\n${s.hash}`));
  return formatNote({ text: note.text, signatures: [...kept, ...extra] });
}

/**
 * Parses and verifies a signed note (c2sp.org/signed-note#signatures): signatures by unknown
 * keys are ignored; a signature by a known key (same name AND key ID) that fails to verify
 * rejects the note (bad_signature); if no known key signed it, the note is rejected (unverified).
 */
export function openNote(msg: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const note = parseNote(msg);
  const known = new Map<string, NoteVerifier>();
  for (const v of verifiers) known.set(`${v.name}\n${v.hash >>> 0}`, v);
  const textBytes = utf8Encode(note.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of note.signatures) {
    const id = `${sig.name}\n${sig.hash}`;
    const v = known.get(id);
    if (v === undefined) {
      unverified.push(sig);
      continue;
    }
    if (seen.has(id)) continue; // repeated signature by one key: the first one counts
    seen.add(id);
    let ok = false;
    try {
      ok = v.verify(textBytes, sig.signature);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new TlogError(
        'bad_signature',
        `couldn't verify signed note: signature by ${sig.name} (key ${sig.hash.toString(16).padStart(8, '0')}) is invalid`,
      );
    }
    verified.push(sig);
  }
  if (verified.length === 0)
    throw new TlogError('unverified', `couldn't verify signed note: no signature by a known key`);
  return { text: note.text, verified, unverified };
}
