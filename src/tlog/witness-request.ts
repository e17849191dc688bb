// c2sp.org/tlog-witness messages: the add-checkpoint request body, the 409 size body and the
// cosignature lines of a 200 response.
//
//   POST <submission prefix>/add-checkpoint
//   old <size>\n            (ASCII decimal, no leading zeroes)
//   <base64 hash>\n ...     (0..63 consistency proof lines)
//   \n
//   <signed checkpoint note>
//
// Everything parsed here arrives over the network and is attacker-controlled.

import { base64DecodeOrUndefined, base64Encode } from './bytes.js';
import { parseDecimal } from './checkpoint.js';
import { TlogError } from './errors.js';
import { HASH_SIZE } from './hash.js';
import { MAX_NOTE_BYTES, parseSignatureLine, type NoteSignature } from './note.js';

/** c2sp.org/tlog-witness#add-checkpoint: "The client MUST NOT send more than 63 consistency proof lines." */
export const MAX_WITNESS_PROOF_LINES = 63;
/** c2sp.org/tlog-witness#add-checkpoint: the 409 body's content type. */
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size';
/** Our limit on a request body (a note plus 63 proof lines). */
export const MAX_ADD_CHECKPOINT_BYTES = MAX_NOTE_BYTES + 64 * 64;

export interface AddCheckpointRequest {
  /** The size of the checkpoint the witness last cosigned, as the client believes. */
  readonly oldSize: number;
  /** RFC 6962 consistency proof from oldSize to the checkpoint's size. */
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (ends with a newline). */
  readonly checkpoint: string;
}

function malformed(why: string): never {
  throw new TlogError('malformed_witness_message', `couldn't parse add-checkpoint request: ${why}`);
}

/** Formats an add-checkpoint request body. */
export function formatAddCheckpoint(req: AddCheckpointRequest): string {
  if (!Number.isSafeInteger(req.oldSize) || req.oldSize < 0)
    throw new TlogError('invalid_argument', `couldn't format add-checkpoint: bad old size`);
  if (req.proof.length > MAX_WITNESS_PROOF_LINES || req.proof.some((h) => h.length !== HASH_SIZE))
    throw new TlogError(
      'invalid_argument',
      `couldn't format add-checkpoint: the proof must be at most 63 hashes of 32 bytes`,
    );
  if (!req.checkpoint.endsWith('\n'))
    throw new TlogError(
      'invalid_argument',
      `couldn't format add-checkpoint: the checkpoint must end with a newline`,
    );
  return [`old ${req.oldSize}`, ...req.proof.map(base64Encode), '', ''].join('\n') + req.checkpoint;
}

/**
 * Parses an add-checkpoint request body (structure only: the checkpoint note is returned verbatim
 * for the witness to verify). Throws TlogError('malformed_witness_message'), which a witness
 * answers with 400 Bad Request.
 */
export function parseAddCheckpoint(input: string | Uint8Array): AddCheckpointRequest {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array) {
    if (input.length > MAX_ADD_CHECKPOINT_BYTES) malformed('too large');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return malformed('not UTF-8');
    }
  } else return malformed('not text');
  if (text.length > MAX_ADD_CHECKPOINT_BYTES) malformed('too large');
  let pos = 0;
  const nextLine = (): string => {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) malformed('a line does not end with a newline');
    const line = text.slice(pos, nl);
    pos = nl + 1;
    return line;
  };
  const first = nextLine();
  if (!first.startsWith('old ')) malformed('the first line is not "old <size>"');
  const oldSize = parseDecimal(first.slice(4));
  if (oldSize === undefined) malformed('the old size is not a decimal without leading zeroes');
  const proof: Uint8Array[] = [];
  for (;;) {
    const line = nextLine();
    if (line === '') break;
    if (proof.length >= MAX_WITNESS_PROOF_LINES) malformed('more than 63 proof lines');
    const h = base64DecodeOrUndefined(line);
    if (h === undefined || h.length !== HASH_SIZE) malformed('a proof line is not a base64 hash');
    proof.push(h);
  }
  const checkpoint = text.slice(pos);
  if (checkpoint.length === 0) malformed('no checkpoint after the blank line');
  return { oldSize, proof, checkpoint };
}

/** Formats the 409 Conflict body: the witness's latest cosigned size and a newline. */
export function formatSizeBody(size: number): string {
  if (!Number.isSafeInteger(size) || size < 0)
    throw new TlogError('invalid_argument', `couldn't format size: ${size}`);
  return `${size}\n`;
}

/** Parses a 409 Conflict body (text/x.tlog.size). Attacker-controlled. */
export function parseSizeBody(text: string): number {
  const n = text.endsWith('\n') ? parseDecimal(text.slice(0, -1)) : undefined;
  if (n === undefined)
    throw new TlogError(
      'malformed_witness_message',
      `couldn't parse witness size body: not a decimal followed by a newline`,
    );
  return n;
}

/**
 * Parses a 200 response: one or more note signature lines, each ending in a newline
 * (c2sp.org/tlog-witness#add-checkpoint). The signatures are not verified here: append them to the
 * checkpoint and open the note with the witness verifiers.
 */
export function parseCosignatureLines(text: string): NoteSignature[] {
  if (text.length === 0 || !text.endsWith('\n') || text.length > MAX_NOTE_BYTES)
    throw new TlogError(
      'malformed_witness_message',
      `couldn't parse witness response: expected signature lines ending in a newline`,
    );
  const lines = text.slice(0, -1).split('\n');
  if (lines.length > 100)
    throw new TlogError(
      'malformed_witness_message',
      `couldn't parse witness response: too many lines`,
    );
  try {
    return lines.map(parseSignatureLine);
  } catch (cause) {
    throw new TlogError(
      'malformed_witness_message',
      `couldn't parse witness response: a line is not a note signature`,
      { cause },
    );
  }
}
