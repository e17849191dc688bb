// The log module's one error type (docs/architecture.md "Conventions"): a fixed list of codes the server maps
// to HTTP in one place (src/server/http-errors.ts), a message reading "couldn't X: why", a cause.
export const LOG_ERROR_CODES = [
  /** The queue is full: push back (503 + Retry-After). */
  'overloaded',
  /** The sequencer is not running here (stopped, or another process holds the lock). */
  'unavailable',
  /** The envelope's author has no registered key in this mission. */
  'unknown_key',
  /** The author's key was revoked. */
  'revoked_key',
  /** An entry with this id is already in the log (or in flight). */
  'duplicate',
  /** The envelope names another mission than the one it was posted to. */
  'wrong_mission',
  /** No such entry, tile or checkpoint (yet). */
  'not_found',
] as const;
export type LogErrorCode = (typeof LOG_ERROR_CODES)[number];

export class LogError extends Error {
  override readonly name = 'LogError';
  constructor(
    readonly code: LogErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
