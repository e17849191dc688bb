// The core domain's one error type (docs/architecture.md "Conventions"): a fixed list of codes, a message that
// reads "couldn't X: why", and the underlying cause.
export const CORE_ERROR_CODES = [
  'invalid_json',
  'not_canonical',
  'schema',
  'bad_signature',
  'bad_key',
  'too_large',
] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
