// Checkpoints: c2sp.org/tlog-checkpoint (note text of a signed note, c2sp.org/signed-note).
//
//   <origin>\n
//   <tree size, decimal, no leading zeroes>\n
//   <base64 RFC 6962 root hash>\n
//   [<extension line>\n ...]
//
// Checkpoint text arriving from the network is attacker-controlled until its note is verified;
// even then the log is trusted only for what it signed.

import { base64DecodeOrUndefined, base64Encode } from './bytes.js';
import { TlogError } from './errors.js';
import { HASH_SIZE } from './hash.js';
import { openNote, signNote, type NoteSigner, type NoteVerifier, type OpenedNote } from './note.js';

export interface Checkpoint {
  /** c2sp.org/tlog-checkpoint#note-text line 1: the log's identity (origin). */
  readonly origin: string;
  /** Line 2: number of leaves. */
  readonly size: number;
  /** Line 3: RFC 6962 root hash (32 bytes). */
  readonly rootHash: Uint8Array;
  /** Lines 4..: opaque, non-empty extension lines (NOT RECOMMENDED by the spec). */
  readonly extensions: readonly string[];
}

/** c2sp.org/tlog-checkpoint: "ASCII decimal ... with no leading zeroes" (unless 0). */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

function malformed(why: string): never {
  throw new TlogError('malformed_checkpoint', `couldn't parse checkpoint: ${why}`);
}

/** Parses an ASCII decimal with no leading zeroes as a safe integer (undefined if invalid). */
export function parseDecimal(text: string): number | undefined {
  if (text.length > 16 || !DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Parses checkpoint note text (c2sp.org/tlog-checkpoint#note-text). Attacker-controlled. */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string') malformed('not text');
  if (!text.endsWith('\n')) malformed('text does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) malformed('fewer than three lines');
  const [origin, sizeText, rootText, ...extensions] = lines as [
    string,
    string,
    string,
    ...string[],
  ];
  if (origin.length === 0) malformed('empty origin line');
  const size = parseDecimal(sizeText);
  if (size === undefined)
    malformed('tree size is not a decimal number without leading zeroes (up to 2^53-1)');
  const rootHash = base64DecodeOrUndefined(rootText);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE)
    malformed('root hash is not 32 bytes of base64');
  if (extensions.some((l) => l.length === 0)) malformed('empty extension line');
  return { origin, size, rootHash, extensions };
}

/** Formats checkpoint note text (ends with a newline). */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin.length === 0 || /[\n]/.test(cp.origin)) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format checkpoint: origin must be one non-empty line`,
    );
  }
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format checkpoint: size ${cp.size} is not a non-negative integer`,
    );
  }
  if (cp.rootHash.length !== HASH_SIZE)
    throw new TlogError(
      'invalid_argument',
      `couldn't format checkpoint: root hash must be 32 bytes`,
    );
  for (const e of cp.extensions) {
    if (e.length === 0 || e.includes('\n')) {
      throw new TlogError(
        'invalid_argument',
        `couldn't format checkpoint: extension lines must be non-empty single lines`,
      );
    }
  }
  return [cp.origin, String(cp.size), base64Encode(cp.rootHash), ...cp.extensions]
    .map((l) => l + '\n')
    .join('');
}

/**
 * Signs a checkpoint as a signed note. c2sp.org/tlog-checkpoint#signatures: the log's key name
 * SHOULD match the origin; we require it, so clients can find the log key by origin.
 */
export function signCheckpoint(cp: Checkpoint, signer: NoteSigner): string {
  if (signer.name !== cp.origin) {
    throw new TlogError(
      'invalid_argument',
      `couldn't sign checkpoint: key name ${signer.name} differs from origin ${cp.origin}`,
    );
  }
  return signNote(formatCheckpoint(cp), [signer]);
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The exact checkpoint note text (what cosignatures sign). */
  readonly text: string;
  readonly note: OpenedNote;
}

/**
 * Verifies a signed checkpoint against the log's verifier(s) and parses it. Throws
 * 'untrusted' if the origin differs from `origin` (when given) or no log key signed it, and
 * the note errors of openNote. Other known verifiers (e.g. witnesses) may be passed in
 * `others`; their signatures are then verified too (a failing one rejects the note).
 */
export function openCheckpoint(
  msg: string | Uint8Array,
  log: NoteVerifier | readonly NoteVerifier[],
  options: { origin?: string; others?: readonly NoteVerifier[] } = {},
): OpenedCheckpoint {
  const logs = Array.isArray(log) ? (log as readonly NoteVerifier[]) : [log as NoteVerifier];
  const note = openNote(msg, [...logs, ...(options.others ?? [])]);
  const checkpoint = parseCheckpoint(note.text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new TlogError(
      'untrusted',
      `couldn't accept checkpoint: origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(options.origin)}`,
    );
  }
  const byLog = note.verified.some((s) =>
    logs.some((l) => l.name === s.name && l.hash >>> 0 === s.hash),
  );
  if (!byLog)
    throw new TlogError('untrusted', `couldn't accept checkpoint: not signed by the log's key`);
  return { checkpoint, text: note.text, note };
}
