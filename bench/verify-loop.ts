// The limit the submission benches measure against (issue 12): a bare single-core node:crypto
// Ed25519 verify loop on messages of `bytes` bytes, verifications per second over one second.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export function verifyLoop(bytes = 600): number {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const msg = Buffer.alloc(bytes, 7);
  const sig = sign(null, msg, privateKey);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 1000) {
    for (let i = 0; i < 100; i++) verify(null, msg, publicKey, sig);
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}
