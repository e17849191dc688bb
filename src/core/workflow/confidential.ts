// Confidential records (issue 4, item 6). The public log holds only a `commitment`:
//   digest = lower-case hex SHA-256(salt ‖ entry)
// where salt is 32 random bytes and entry is the confidential record's full signed entry (its exact
// canonical bytes). The salt keeps a short, guessable record from being found by hashing guesses.
// A later `reveal` publishes salt and entry; anyone recomputes the digest and checks the entry's own
// signature. Pure: runs in the browser, the server and the CLI.
import { sha256 } from '@noble/hashes/sha2.js';
import { base64DecodeOrUndefined, concatBytes, toHex, utf8Encode } from '../../tlog/bytes.js';

export const SALT_BYTES = 32;
/** Kinds that may be filed confidentially. */
export const CONFIDENTIAL_KINDS = ['report', 'response'] as const;

export function commitmentDigest(salt: Uint8Array, entry: Uint8Array): string {
  return toHex(sha256(concatBytes(salt, entry)));
}

/** True when base64 `salt` and the entry text hash to `digest` (every input attacker-controlled). */
export function revealMatches(digest: string, salt: string, entryText: string): boolean {
  const s = base64DecodeOrUndefined(salt);
  if (!s || s.length !== SALT_BYTES) return false;
  return commitmentDigest(s, utf8Encode(entryText)) === digest;
}
