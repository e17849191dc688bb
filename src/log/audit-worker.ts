// A worker thread of the audit (audit-pool.ts): parses the envelopes of an entry bundle and checks
// their signatures with node:crypto, so envelope checks run on every core while the main thread
// fetches, hashes and compares tiles. It knows only the keys the main thread sent it (added in log
// order, never removed); the main thread decides which key an entry must verify with and accepts a
// worker's answer only if the worker used exactly that key. Entry bytes are attacker-controlled.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { parseEntry, signedMessage, type Envelope } from '../core/envelope.js';
import { base64DecodeOrUndefined } from '../tlog/bytes.js';
import { parseVerifierKey } from '../tlog/note-key.js';
import { decodeEntryBundle } from '../tlog/tiles.js';

/** What a worker says about one entry. */
export type WorkerVerdict = { envelope: Envelope; vkey?: string; ok?: boolean } | { error: string };

export type WorkerRequest =
  | { type: 'keys'; keys: Array<[author: string, vkey: string]> }
  | { type: 'bundle'; id: number; bytes: Uint8Array; width: number };

export interface WorkerReply {
  id: number;
  verdicts?: WorkerVerdict[];
  error?: string;
}

// RFC 8410: SubjectPublicKeyInfo of an Ed25519 key, the 32-byte key follows.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map<string, { vkey: string; key: KeyObject }>();

function check(bytes: Uint8Array): WorkerVerdict {
  let envelope: Envelope;
  try {
    envelope = parseEntry(bytes);
  } catch (err) {
    return { error: (err as Error).message };
  }
  const k = keys.get(envelope.author);
  if (!k) return { envelope };
  const sig = base64DecodeOrUndefined(envelope.sig);
  let ok = false;
  if (sig?.length === 64) {
    try {
      ok = verify(null, signedMessage(envelope), k.key, sig);
    } catch {
      ok = false;
    }
  }
  return { envelope, vkey: k.vkey, ok };
}

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.type === 'keys') {
    for (const [author, vkey] of m.keys) {
      try {
        const raw = parseVerifierKey(vkey).key;
        const key = createPublicKey({
          key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(raw)]),
          format: 'der',
          type: 'spki',
        });
        keys.set(author, { vkey, key });
      } catch {
        /* the main thread reports unusable keys itself */
      }
    }
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { id: m.id, verdicts: decodeEntryBundle(m.bytes, m.width).map(check) };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
