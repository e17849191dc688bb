// Sealing an entry and opening it (issue 9, finding 2). What the public log holds for a sealed entry
// is a `commitment` the log's own key signs, with digest = SHA-256(salt ‖ entry bytes) (the
// confidential path's formula, ../workflow/confidential.ts) and, in the clear, the sealed entry's
// kind, author, id and side. Its `reveal`, signed by the log key too, publishes salt and entry.
// The salt is 32 random bytes chosen by the server: a short, guessable entry cannot be found by
// hashing guesses. Pure (WebCrypto randomness): server and tests.
import { MAX_ENTRY_BYTES, signEnvelope, type Envelope } from '../envelope.js';
import { CoreError } from '../errors.js';
import type { Signer } from '../signing.js';
import { SALT_BYTES, commitmentDigest } from '../workflow/confidential.js';
import { base64Encode } from '../../tlog/bytes.js';
import { canonicalBytes } from '../canonical-json.js';

export interface SealedEntry {
  /** The log-signed commitment envelope and its canonical bytes (the leaf). */
  commitment: { envelope: Envelope; bytes: Uint8Array };
  /** Base64 of the salt (given back to the author, so it can check the leaf). */
  salt: string;
}

/** An Ed25519 signature's base64 length (64 bytes → 88 characters), for measuring a reveal. */
const SIGNATURE_PLACEHOLDER = 'A'.repeat(86) + '==';

export function newSalt(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The commitment the log key signs for `entry` (already admitted), filed by `side`. */
export async function sealEntry(
  entry: { envelope: Envelope; bytes: Uint8Array },
  side: string,
  logSigner: Signer,
  salt: Uint8Array = newSalt(),
): Promise<SealedEntry> {
  const commitment = await signEnvelope(
    {
      mission: entry.envelope.mission,
      kind: 'commitment',
      body: {
        digest: commitmentDigest(salt, entry.bytes),
        side,
        sealed: {
          kind: entry.envelope.kind,
          author: entry.envelope.author,
          record: entry.envelope.id,
        },
      },
    },
    logSigner,
  );
  const saltText = base64Encode(salt);
  // Its reveal must fit in an entry bundle too (c2sp.org/tlog-tiles: uint16 lengths): refuse now
  // what could never be revealed, rather than seal it for ever. JSON escaping makes the reveal
  // larger than the entry by a margin that depends on the text, so measure the reveal itself: its
  // canonical form with a signature of the right length (Ed25519: 64 bytes, 88 base64 characters;
  // ids and times have fixed lengths), without spending a signature on it.
  const revealBytes = canonicalBytes({
    v: 1,
    mission: entry.envelope.mission,
    kind: 'reveal',
    id: commitment.envelope.id,
    at: commitment.envelope.at,
    author: logSigner.author,
    body: {
      commitment: commitment.envelope.id,
      salt: saltText,
      entry: new TextDecoder().decode(entry.bytes),
    },
    sig: SIGNATURE_PLACEHOLDER,
  }).length;
  if (revealBytes > MAX_ENTRY_BYTES)
    throw new CoreError(
      'too_large',
      `couldn't accept ${entry.envelope.kind}: it is ${entry.bytes.length} bytes and is sealed until release, and its reveal would be ${revealBytes} bytes, over ${MAX_ENTRY_BYTES} (the entry bundle limit): shorten the text or attach long material as a blob`,
    );
  return { commitment, salt: saltText };
}

/** The log-signed reveal of a sealed entry (the caller checks it with checkReveal before use). */
export function revealEntry(
  mission: string,
  commitmentId: string,
  salt: string,
  entry: Uint8Array,
  logSigner: Signer,
): Promise<{ envelope: Envelope; bytes: Uint8Array }> {
  return signEnvelope(
    {
      mission,
      kind: 'reveal',
      body: { commitment: commitmentId, salt, entry: new TextDecoder().decode(entry) },
    },
    logSigner,
  );
}
