// One entry point from vkey text to a NoteVerifier, by signature type
// (c2sp.org/signed-note#signature-types): 0x01 Ed25519 note signatures, 0x04 cosignature/v1.

import { cosignatureVerifier } from './cosignature.js';
import { TlogError } from './errors.js';
import {
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
  parseVerifierKey,
  type VerifierKey,
} from './note-key.js';
import { ed25519NoteVerifier, type NoteVerifier } from './note.js';

export function noteVerifierFromKey(vkey: string | VerifierKey): NoteVerifier {
  const k = typeof vkey === 'string' ? parseVerifierKey(vkey) : vkey;
  switch (k.type) {
    case SIG_TYPE_ED25519:
      return ed25519NoteVerifier(k);
    case SIG_TYPE_COSIGNATURE_V1:
      return cosignatureVerifier(k);
    default:
      throw new TlogError(
        'unsupported_key',
        `couldn't make verifier for ${(k as VerifierKey).name}: unsupported type`,
      );
  }
}
