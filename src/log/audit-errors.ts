// The error type of log auditing (`truceline verify`, `truceline mirror`): a fixed list of codes, a
// one-line message reading "couldn't X: why" (the CLI prints it as the reason), and a cause.
export const AUDIT_ERROR_CODES = [
  /** The log could not be read (network error, HTTP status other than 200). */
  'unreachable',
  /** The checkpoint's log signature, a cosignature or the policy's quorum did not verify. */
  'checkpoint',
  /** A served tile, entry bundle or entry is malformed or differs from what the entries give. */
  'tile_mismatch',
  /** The root recomputed from every entry differs from the checkpoint's root hash. */
  'root_mismatch',
  /** An entry is not a valid envelope (schema, canonical form, mission, duplicate id). */
  'bad_entry',
  /** An envelope's author has no registered key (or the key was revoked, or not by the admin). */
  'unknown_key',
  /** An envelope's signature does not verify with its author's registered key. */
  'bad_signature',
  /** A reveal names no earlier commitment, does not hash to it, or discloses a badly signed entry. */
  'bad_reveal',
  /** The checkpoint is not consistent with one verified before: rollback, fork or split view. */
  'inconsistent',
  /** The saved state (or a local mirror) could not be read or was not written by us. */
  'bad_state',
] as const;
export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

export class AuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
