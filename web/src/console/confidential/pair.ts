// A confidential record and its commitment, both signed in this browser with the user's own key
// (issue 11 item 3; the commitment body is src/core/records/confidential.ts): the record is signed
// first, then a 32-byte salt from the browser's CSPRNG is drawn and the commitment's digest is
// lower-case hex SHA-256(salt ‖ the record's exact canonical signed bytes), computed by WebCrypto.
// The salt keeps a short, guessable record from being found by hashing guesses, so it never
// leaves this module except to the server's private store and, at reveal, the log.
import { signEnvelope } from '../../../../src/core/envelope.js';
import type { EntryKind } from '../../../../src/core/records/kinds.js';
import { SALT_BYTES } from '../../../../src/core/workflow/confidential.js';
import type { Signer } from '../../../../src/core/signing.js';
import { base64Encode, concatBytes, toHex } from '../../../../src/tlog/bytes.js';

export interface SignedPair {
  record: { id: string; bytes: Uint8Array };
  commitment: { id: string; bytes: Uint8Array };
  /** Base64 of the salt, as the route and the reveal take it. */
  salt: string;
  digest: string;
}

/** Lower-case hex SHA-256(salt ‖ entry), by WebCrypto (the same value core's commitmentDigest gives). */
export async function digestOf(salt: Uint8Array, entry: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', concatBytes(salt, entry) as BufferSource);
  return toHex(new Uint8Array(d));
}

export async function signPair(
  mission: string,
  kind: Extract<EntryKind, 'report' | 'response'>,
  body: Record<string, unknown>,
  /** The filer's organisation: the commitment's side (rule commitment_own_side). */
  side: string,
  signer: Signer,
): Promise<SignedPair> {
  const record = await signEnvelope({ mission, kind, body }, signer);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const digest = await digestOf(salt, record.bytes);
  const commitment = await signEnvelope(
    { mission, kind: 'commitment', body: { digest, side } },
    signer,
  );
  return {
    record: { id: record.envelope.id, bytes: record.bytes },
    commitment: { id: commitment.envelope.id, bytes: commitment.bytes },
    salt: base64Encode(salt),
    digest,
  };
}
