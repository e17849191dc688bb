// What failed, exactly: every verification step throws a VerifyFailure with a stable code (read
// by tests through data-verify-reason), the log index it concerns (if any), and the sentence the
// page shows in the reader's language. The English sentence is kept too, for data-verify-message
// and the console, so a bug report reads the same whatever the reader's language.
import { messages, type Messages } from './messages.js';

export type FailureCode =
  | 'fetch'
  | 'policy'
  | 'policy-mission'
  | 'policy-changed'
  | 'checkpoint-signature'
  | 'checkpoint-cosignature'
  | 'checkpoint-malformed'
  | 'quorum'
  | 'consistency'
  | 'rollback'
  | 'not-in-checkpoint'
  | 'entry-tampered'
  | 'tile-tampered'
  | 'entry-unreadable'
  | 'entry-differs'
  | 'no-key'
  | 'revoked-key'
  | 'signature'
  | 'key-rule'
  | 'sealed';

export class VerifyFailure extends Error {
  override name = 'VerifyFailure';
  /** The sentence in the reader's language. */
  readonly local: string;

  constructor(
    readonly code: FailureCode,
    say: (m: Messages) => string,
    readonly index?: number,
    options?: { cause?: unknown },
  ) {
    super(say(messages('en')), options);
    this.local = say(messages());
  }

  /** `code` or `code@index`: what data-verify-reason holds. */
  get reason(): string {
    return this.index === undefined ? this.code : `${this.code}@${this.index}`;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message.replace(/^couldn't [^:]*: /, '') : String(err);
}
