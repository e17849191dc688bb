// Envelope verification throughput: parse + WebCrypto Ed25519 verify of signed entries, against a
// bare single-threaded node:crypto Ed25519 verify loop over the same messages (the limit).
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { generateNoteKey } from '../src/tlog/note-key.js';
import { parseEntry, signEnvelope, verifyEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { importVerifier, signerFromNoteKey } from '../src/core/signing.js';

const N = 20_000;

export async function run(): Promise<void> {
  const { skey, vkey } = generateNoteKey('bench.pak-afg');
  const signer = await signerFromNoteKey(skey);
  const entries: Uint8Array[] = [];
  for (let i = 0; i < N; i++) {
    entries.push(
      (
        await signEnvelope(
          { mission: 'pak-afg', kind: 'report', body: exampleBody('report') },
          signer,
        )
      ).bytes,
    );
  }

  // The limit: node:crypto's one-shot verify, synchronously, one core.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const sigs = entries.map((m) => sign(null, m, privateKey));
  let t = performance.now();
  let ok = 0;
  for (let i = 0; i < N; i++) if (verify(null, entries[i]!, publicKey, sigs[i]!)) ok++;
  const bareRate = N / ((performance.now() - t) / 1000);
  if (ok !== N) throw new Error('baseline verify failed');

  // Ours: parse (JSON, canonical check, zod schemas) and verify through WebCrypto, in flight together.
  const key = await importVerifier(vkey);
  t = performance.now();
  const results = await Promise.all(entries.map((bytes) => verifyEnvelope(parseEntry(bytes), key)));
  const ourRate = N / ((performance.now() - t) / 1000);
  if (!results.every(Boolean)) throw new Error('envelope verify failed');

  const avgBytes = entries.reduce((n, e) => n + e.length, 0) / N;
  console.log(`entries: ${N} report envelopes, ${avgBytes.toFixed(0)} bytes on average`);
  console.log(`bare node:crypto Ed25519 verify, one core:  ${bareRate.toFixed(0)}/s (limit)`);
  console.log(`parse + schema + WebCrypto verify:          ${ourRate.toFixed(0)}/s`);
  console.log(`ratio to the limit:                         ${(ourRate / bareRate).toFixed(2)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
