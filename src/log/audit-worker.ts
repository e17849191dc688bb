// A worker thread of the audit (audit-pool.ts): for each entry of a bundle it computes the RFC 6962
// leaf hash, parses the envelope (parseEntry: canonical JSON, envelope and body schemas), and
// checks the bundle's signatures in one batch (verify-batch.ts; libsodium one by one, with exact
// verdicts, when the batch fails), so this, the bulk of an audit, runs on every core while the
// main thread rebuilds the tree and applies the log's rules in order.
//
// It knows only the keys the main thread sent it (added in log order, never removed); the main
// thread decides which key an entry must verify with and accepts an answer only if the worker used
// exactly that key (audit-keys.ts). Entries the main thread needs whole (genesis, keys, sealing,
// reveals, or any it must verify itself) come back with their envelope; the others as the few
// fields the rules read, which keeps the copy between threads small. Entry bytes are
// attacker-controlled.
import { parentPort } from 'node:worker_threads';
import { parseEntry, type Envelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { base64DecodeOrUndefined } from '../tlog/bytes.js';
import { HASH_SIZE } from '../tlog/hash.js';
import { parseVerifierKey, SIG_TYPE_ED25519 } from '../tlog/note-key.js';
import { nodeHasher } from './hasher.js';
import { entryViews } from './audit-bundle.js';
import { packVerdicts, type PackedVerdicts } from './audit-verdicts.js';
import { verifyEach, verifyOneByOne } from './verify-batch.js';
import { signedMessageOf } from './verify-entry.js';

/** The fields of an envelope every rule reads (audit-keys.ts). */
export interface EnvelopeHead {
  kind: Envelope['kind'];
  id: string;
  mission: string;
  author: string;
}

/**
 * What a worker says about one entry: the head, the whole envelope when the main thread needs its
 * body or must check the signature itself, and the signature verdict with the key used.
 */
export type WorkerVerdict =
  { head: EnvelopeHead; envelope?: Envelope; vkey?: string; ok?: boolean } | { error: string };

/** A signature the main thread could not leave to a worker's bundle check (the key came late). */
export interface SignatureCheck {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

export type WorkerRequest =
  /** Batch signature checks (verify-batch.ts) when asked: off by default, see AuditOptions. */
  | { type: 'mode'; batchSignatures: boolean }
  | { type: 'keys'; keys: Array<[author: string, vkey: string]> }
  | { type: 'bundle'; id: number; bytes: Uint8Array; width: number }
  | { type: 'signatures'; id: number; checks: SignatureCheck[] };

export interface WorkerReply {
  id: number;
  /** A bundle's verdicts, one an entry, packed for the copy (audit-verdicts.ts). */
  verdicts?: PackedVerdicts;
  /** The entries' leaf hashes, HASH_SIZE bytes each, in order. */
  hashes?: Uint8Array;
  /** For a `signatures` request: one verdict per check. */
  oks?: boolean[];
  error?: string;
}

/** Kinds whose body the main thread reads (genesis and key rule, sealing, reveals). */
const WHOLE = new Set<string>(['mission', 'key', 'commitment', 'reveal']);

const keys = new Map<string, { vkey: string; raw: Uint8Array }>();

/** An entry parsed, and the signature check it waits for (if the worker knows the key). */
interface Checking {
  verdict: WorkerVerdict;
  envelope?: Envelope;
  check?: SignatureCheck;
}

function parse(bytes: Uint8Array): Checking {
  let envelope: Envelope;
  try {
    envelope = parseEntry(bytes);
  } catch (err) {
    return { verdict: { error: err instanceof CoreError ? err.message : String(err) } };
  }
  const head: EnvelopeHead = {
    kind: envelope.kind,
    id: envelope.id,
    mission: envelope.mission,
    author: envelope.author,
  };
  const k = keys.get(envelope.author);
  if (!k) return { verdict: { head, envelope } };
  const signature = base64DecodeOrUndefined(envelope.sig);
  const verdict = { head, vkey: k.vkey, ok: false };
  if (!signature) return { verdict: { ...verdict, envelope } };
  const check = { publicKey: k.raw, message: signedMessageOf(bytes, envelope), signature };
  return { verdict, envelope, check };
}

function bundle(bytes: Uint8Array, width: number): Omit<WorkerReply, 'id'> {
  const entries = entryViews(bytes, width);
  const hashes = new Uint8Array(entries.length * HASH_SIZE);
  entries.forEach((e, i) => hashes.set(nodeHasher.hashLeaf(e), i * HASH_SIZE));
  const parsed = entries.map(parse);
  // The bundle's signatures: one by one (libsodium), or together in one batch when asked.
  const waiting = parsed.filter((p) => p.check !== undefined);
  const oks = verifySignatures(waiting.map((p) => p.check!));
  waiting.forEach((p, i) => {
    const v = p.verdict as { head: EnvelopeHead; envelope?: Envelope; ok?: boolean };
    v.ok = oks[i];
    if (!v.ok || WHOLE.has(v.head.kind)) v.envelope = p.envelope;
  });
  return { verdicts: packVerdicts(parsed.map((p) => p.verdict)), hashes };
}

let verifySignatures = verifyOneByOne;

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.type === 'mode') {
    verifySignatures = m.batchSignatures ? verifyEach : verifyOneByOne;
    return;
  }
  if (m.type === 'keys') {
    for (const [author, vkey] of m.keys) {
      try {
        const parsed = parseVerifierKey(vkey);
        if (parsed.type === SIG_TYPE_ED25519) keys.set(author, { vkey, raw: parsed.key });
      } catch {
        /* the main thread reports unusable keys itself */
      }
    }
    return;
  }
  let reply: WorkerReply;
  try {
    reply =
      m.type === 'bundle'
        ? { id: m.id, ...bundle(m.bytes, m.width) }
        : {
            id: m.id,
            oks: verifySignatures(m.checks),
          };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message };
  }
  const v = reply.verdicts;
  const transfer = [reply.hashes, v?.fields, v?.offsets, v?.flags].flatMap((a) =>
    a ? [a.buffer as ArrayBuffer] : [],
  );
  parentPort!.postMessage(reply, transfer);
});
