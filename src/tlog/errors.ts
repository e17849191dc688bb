// The one error type of the tlog module. Every failure — malformed attacker-supplied text, a bad
// signature, a proof that does not verify — is a TlogError with a code from the fixed list below,
// so callers (the server maps these to HTTP in one place) can switch on `code`.

/** The fixed list of error codes. Do not add codes casually: the server maps each one. */
export const TLOG_ERROR_CODES = [
  /** An argument supplied by the caller (not parsed text) is out of range or of the wrong shape. */
  'invalid_argument',
  /** A signed-note key (vkey or signer key) could not be parsed or is inconsistent. */
  'malformed_key',
  /** A key uses a signature type this module does not implement. */
  'unsupported_key',
  /** A signed note could not be parsed (c2sp.org/signed-note). */
  'malformed_note',
  /** A note is larger than the limits this module accepts. */
  'too_large',
  /** A signature from a known key failed to verify. */
  'bad_signature',
  /** No signature from a known key was found on a note. */
  'unverified',
  /** A checkpoint body could not be parsed (c2sp.org/tlog-checkpoint). */
  'malformed_checkpoint',
  /** A cosignature could not be parsed (c2sp.org/tlog-cosignature). */
  'malformed_cosignature',
  /** A tile, tile path or entry bundle could not be parsed (c2sp.org/tlog-tiles). */
  'malformed_tile',
  /** A tlog-proof bundle could not be parsed (c2sp.org/tlog-proof). */
  'malformed_proof',
  /** A tlog-policy file could not be parsed (c2sp.org/tlog-policy). */
  'malformed_policy',
  /** A tlog-witness request or response could not be parsed (c2sp.org/tlog-witness). */
  'malformed_witness_message',
  /** A Merkle inclusion proof does not verify. */
  'inclusion_failed',
  /** A Merkle consistency proof does not verify. */
  'consistency_failed',
  /** A hash needed to build a proof is not available from the hash source. */
  'missing_hash',
  /** A checkpoint's cosignatures do not satisfy the quorum of a policy. */
  'policy_unsatisfied',
  /** A checkpoint's origin or key does not match what the caller trusts. */
  'untrusted',
] as const;

export type TlogErrorCode = (typeof TLOG_ERROR_CODES)[number];

/**
 * The error thrown by every function of src/tlog. Messages read "couldn't X: why".
 */
export class TlogError extends Error {
  readonly code: TlogErrorCode;

  constructor(code: TlogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TlogError';
    this.code = code;
  }
}

/** True if `e` is a TlogError (optionally with the given code). */
export function isTlogError(e: unknown, code?: TlogErrorCode): e is TlogError {
  return e instanceof TlogError && (code === undefined || e.code === code);
}
