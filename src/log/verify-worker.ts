// A worker thread of batch admission (verify-pool.ts): parses entries and checks their
// signatures (verify-entry.ts) so that this work runs on another core while the main thread runs
// the workflow rules, the sequencer and the read model. It verifies only with the keys the main
// thread sent along with the entries; the main thread still looks each author's key up itself
// (registered, not revoked) and accepts a verdict only if it was reached with exactly that key.
import { parentPort } from 'node:worker_threads';
import type { Envelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { parseVerifierKey, SIG_TYPE_ED25519 } from '../tlog/note-key.js';
import { LogError } from './errors.js';
import { parseForMission, signatureValid } from './verify-entry.js';

export interface VerifyRequest {
  id: number;
  mission: string;
  /** author → vkey (c2sp.org/signed-note verifier key) the main thread knows. */
  keys: Array<[author: string, vkey: string]>;
  entries: Uint8Array[];
}

/** A refusal, carried across threads as data and rebuilt as the same error type. */
export interface ErrorData {
  type: 'core' | 'log';
  code: string;
  message: string;
  details?: unknown;
}

/** What the worker found: the parsed envelope and, when it had the author's key, the verdict. */
export type VerifyVerdict =
  { envelope: Envelope; vkey?: string; ok?: boolean } | { error: ErrorData };

export interface VerifyReply {
  id: number;
  verdicts?: VerifyVerdict[];
  error?: string;
}

const parsedKeys = new Map<string, Uint8Array | null>();

function rawKey(vkey: string): Uint8Array | undefined {
  let k = parsedKeys.get(vkey);
  if (k === undefined) {
    try {
      const parsed = parseVerifierKey(vkey);
      k = parsed.type === SIG_TYPE_ED25519 ? parsed.key : null;
    } catch {
      k = null; // the main thread reports unusable keys itself
    }
    parsedKeys.set(vkey, k);
  }
  return k ?? undefined;
}

export function errorData(err: unknown): ErrorData | undefined {
  if (err instanceof CoreError || err instanceof LogError)
    return {
      type: err instanceof CoreError ? 'core' : 'log',
      code: err.code,
      message: err.message,
      details: err.details,
    };
  return undefined;
}

function check(bytes: Uint8Array, mission: string, keys: Map<string, string>): VerifyVerdict {
  let envelope: Envelope;
  try {
    envelope = parseForMission(bytes, mission);
  } catch (err) {
    const data = errorData(err);
    if (!data) throw err;
    return { error: data };
  }
  const vkey = keys.get(envelope.author);
  const key = vkey === undefined ? undefined : rawKey(vkey);
  if (!key) return { envelope };
  return { envelope, vkey, ok: signatureValid(bytes, envelope, key) };
}

parentPort?.on('message', (m: VerifyRequest) => {
  let reply: VerifyReply;
  try {
    const keys = new Map(m.keys);
    reply = { id: m.id, verdicts: m.entries.map((b) => check(b, m.mission, keys)) };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
