// CPU per entry of each stage of an audit worker's work (bench/verify.bench.ts measures the whole;
// this says where the time goes, and the bench uses it for the bound the per-entry work sets on
// the audit's wall time). On a loaded, shared machine wall time lies, so each stage is timed with
// process.cpuUsage() (this process is one thread here) over the same entries, several rounds, the
// best round kept. The entries are what the verify bench logs: signed example reports, canonical
// envelopes (src/core/envelope.ts).
//   node --import tsx bench/verify-stages.ts [entries]
import { generateKeyPairSync, sign } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { canonicalBytes, canonicalize } from '../src/core/canonical-json.js';
import { EnvelopeSchema, parseBody, parseEntry, signedMessage } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { newId } from '../src/core/ids.js';
import { base64DecodeOrUndefined, base64Encode } from '../src/tlog/bytes.js';
import { nodeHasher } from '../src/log/hasher.js';
import { ed25519Verify, ED25519_IMPLEMENTATION } from '../src/log/verify-ed25519.js';
import { signedMessageOf } from '../src/log/verify-entry.js';
import { BATCH_IMPLEMENTATION, verifyEach } from '../src/log/verify-batch.js';

const ROUNDS = 5;

/** The stages every audited entry goes through, and the others for comparison. */
export const STAGE = {
  hash: 'leaf hash (RFC 6962, node:crypto SHA-256)',
  parse: 'parseEntry, all of it',
  verify: `Ed25519 verify (${ED25519_IMPLEMENTATION})`,
  batch: `Ed25519 verify, a bundle's 256 together (${BATCH_IMPLEMENTATION}: verify-batch.ts)`,
} as const;

/** Best-of-ROUNDS CPU µs an entry for each stage, over `n` signed example reports. */
export function stageCosts(n: number): { bytes: number; micros: Map<string, number> } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
  const author = 'af-liaison+0a1b2c3d';
  const body = exampleBody('report') as Record<string, unknown>;
  const entries: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const unsigned = {
      v: 1 as const,
      mission: 'pak-afg',
      kind: 'report' as const,
      id: newId(),
      at: new Date(Date.UTC(2025, 9, 20) + i * 1000).toISOString(),
      author,
      body,
    };
    const sig = base64Encode(sign(null, signedMessage(unsigned), privateKey));
    entries.push(canonicalBytes({ ...unsigned, sig }));
  }
  const texts = entries.map((e) => new TextDecoder().decode(e));
  const values = texts.map((t) => JSON.parse(t) as Record<string, unknown>);
  const envelopes = entries.map((e) => parseEntry(e));

  const cpuMicros = (work: () => void): number => {
    let best = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      const c0 = process.cpuUsage();
      work();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / n);
    }
    return best;
  };

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sink = 0;
  const stages: Array<[string, () => void]> = [
    [STAGE.hash, () => entries.forEach((e) => nodeHasher.hashLeaf(e))],
    ['UTF-8 decode (fatal)', () => entries.forEach((e) => (sink += decoder.decode(e).length))],
    ['JSON.parse', () => texts.forEach((t) => (sink += JSON.parse(t) ? 1 : 0))],
    ['envelope schema (zod)', () => values.forEach((v) => EnvelopeSchema.parse(v))],
    ['body schema (zod)', () => values.forEach((v) => parseBody('report', v.body))],
    ['canonicalize (RFC 8785)', () => values.forEach((v) => (sink += canonicalize(v).length))],
    [STAGE.parse, () => entries.forEach((e) => parseEntry(e))],
    [
      'signed message cut from the bytes',
      () => entries.forEach((e, i) => signedMessageOf(e, envelopes[i]!)),
    ],
    ['sig base64 decode', () => envelopes.forEach((e) => base64DecodeOrUndefined(e.sig))],
    [
      STAGE.verify,
      () =>
        entries.forEach((e, i) => {
          const env = envelopes[i]!;
          if (!ed25519Verify(raw, signedMessageOf(e, env), base64DecodeOrUndefined(env.sig)!))
            throw new Error('a good signature failed');
        }),
    ],
    [
      STAGE.batch,
      () => {
        const checks = entries.map((e, i) => ({
          publicKey: raw,
          message: signedMessageOf(e, envelopes[i]!),
          signature: base64DecodeOrUndefined(envelopes[i]!.sig)!,
        }));
        for (let i = 0; i < checks.length; i += 256)
          if (!verifyEach(checks.slice(i, i + 256)).every(Boolean))
            throw new Error('a good signature failed');
      },
    ],
    [
      'structured clone of the envelope (v8.serialize)',
      () => envelopes.forEach((e) => (sink += serialize(e).length)),
    ],
  ];
  const micros = new Map(stages.map(([name, work]) => [name, cpuMicros(work)]));
  if (sink < 0) console.log(sink);
  return { bytes: entries.reduce((s, e) => s + e.length, 0) / n, micros };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 20_000);
  const { bytes, micros } = stageCosts(n);
  console.log(
    `verify stages: ${n} entries of ${bytes.toFixed(0)} B, best of ${ROUNDS} rounds, CPU µs an entry (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  for (const [name, us] of micros) console.log(`  ${us.toFixed(2).padStart(8)}  ${name}`);
}
