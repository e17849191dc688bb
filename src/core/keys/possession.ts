// Proof of possession for a key registration (issue 9, finding 1): the new key signs a fixed,
// domain-separated message naming the mission, the user and the key itself, so a steward (or the
// operator) cannot register a public key whose private half it does not hold, and the proof cannot
// be replayed for another mission or user. The domain prefix keeps it from ever verifying as an
// envelope ("truceline/envelope/v1\n…", src/core/envelope.ts) or as a signed note.
import { base64DecodeOrUndefined, base64Encode, utf8Encode } from '../../tlog/bytes.js';
import { ed25519Verify } from '../../tlog/ed25519.js';
import { parseVerifierKey } from '../../tlog/note-key.js';
import type { Signer } from '../signing.js';

export const KEY_POSSESSION_DOMAIN = 'truceline/key-possession/v1\n';

/** The exact bytes the new key signs: domain ‖ mission "\n" user "\n" vkey. */
export function possessionMessage(mission: string, user: string, vkey: string): Uint8Array {
  return utf8Encode(`${KEY_POSSESSION_DOMAIN}${mission}\n${user}\n${vkey}`);
}

/** The `proof` field for registering `signer`'s key for `user` in `mission`. */
export async function possessionProof(
  signer: Signer,
  mission: string,
  user: string,
): Promise<string> {
  return base64Encode(await signer.sign(possessionMessage(mission, user, signer.vkey)));
}

/** Whether `proof` is the key's signature over the possession message; never throws. */
export function possessionValid(
  mission: string,
  user: string,
  vkey: string,
  proof: string,
): boolean {
  const sig = base64DecodeOrUndefined(proof);
  if (!sig) return false;
  let key: Uint8Array;
  try {
    key = parseVerifierKey(vkey).key;
  } catch {
    return false;
  }
  return ed25519Verify(sig, possessionMessage(mission, user, vkey), key);
}
