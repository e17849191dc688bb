// The pure, synchronous part of admission (admission.ts), shared by the main thread and the
// verify workers (verify-worker.ts): size, canonical JSON and schema, mission, and the Ed25519
// signature over the exact bytes the author signed. Entry bytes are attacker-controlled.
import {
  ENVELOPE_DOMAIN,
  MAX_ENTRY_BYTES,
  parseEntry,
  signedMessage,
  type Envelope,
} from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { base64DecodeOrUndefined, concatBytes, utf8Encode } from '../tlog/bytes.js';
import { LogError } from './errors.js';
import { ed25519Verify } from './verify-ed25519.js';

/** Size (413), UTF-8 canonical JSON and schema naming the field (400), then the mission (400). */
export function parseForMission(bytes: Uint8Array, mission: string): Envelope {
  if (bytes.length > MAX_ENTRY_BYTES)
    throw new CoreError(
      'too_large',
      `couldn't accept entry: ${bytes.length} bytes, over ${MAX_ENTRY_BYTES}`,
    );
  const envelope = parseEntry(bytes);
  if (envelope.mission !== mission) {
    throw new LogError(
      'wrong_mission',
      `couldn't accept entry: "mission" is ${envelope.mission}, this log is ${mission}`,
      { issues: [{ path: 'mission', message: `must be ${mission}` }] },
    );
  }
  return envelope;
}

const DOMAIN_BYTES = utf8Encode(ENVELOPE_DOMAIN);
// In RFC 8785 canonical form the envelope's keys sort as at, author, body, id, kind, mission, sig,
// v, and sig is always 88 base64 characters (EnvelopeSchema): canonical entry bytes end with this
// fixed-size tail, and dropping `,"sig":"…"` from it leaves the canonical envelope without sig —
// the signed text — without canonicalizing the envelope a second time.
const SIG_TAIL_HEAD = utf8Encode(',"sig":"');
const SIG_TAIL_END = utf8Encode('","v":1}');
const SIG_TAIL_BYTES = SIG_TAIL_HEAD.length + 88 + SIG_TAIL_END.length;
const V_TAIL = utf8Encode(',"v":1}');

function hasAt(bytes: Uint8Array, at: number, part: Uint8Array): boolean {
  for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
  return true;
}

/** The exact bytes the author signed (signedMessage), cut from the entry's canonical bytes. */
export function signedMessageOf(bytes: Uint8Array, envelope: Envelope): Uint8Array {
  const start = bytes.length - SIG_TAIL_BYTES;
  if (
    start > 0 &&
    hasAt(bytes, start, SIG_TAIL_HEAD) &&
    hasAt(bytes, bytes.length - SIG_TAIL_END.length, SIG_TAIL_END)
  )
    return concatBytes(DOMAIN_BYTES, bytes.subarray(0, start), V_TAIL);
  return signedMessage(envelope); // not the expected layout: compute it the long way
}

/** Whether the entry's sig is the author's Ed25519 signature (RFC 8032) under `publicKey`. */
export function signatureValid(
  bytes: Uint8Array,
  envelope: Envelope,
  publicKey: Uint8Array,
): boolean {
  const sig = base64DecodeOrUndefined(envelope.sig);
  return !!sig && ed25519Verify(publicKey, signedMessageOf(bytes, envelope), sig);
}
