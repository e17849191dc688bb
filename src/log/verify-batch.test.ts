// The audit's batch signature check (verify-batch.ts, native/ed25519-batch.c) against libsodium
// one by one: a batch of good signatures holds, whatever the mix of keys and sizes; any one bad
// signature (message, R, S, key, S + L, small-order or non-canonical points) fails the batch and
// verifyEach then gives libsodium's verdict for each; random mixes agree with libsodium; and a
// signature that holds only up to a small-order point, which libsodium refuses, is caught at
// least half the time, as the module says (here, with a point of order 8, 7 times in 8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { ed25519Verify } from './verify-ed25519.js';
import type { SignatureToCheck } from './verify-batch.js';
import { AuditPool } from './audit-pool.js';

// The native core must be there: build it if `npm run build` has not (a failed build fails here).
const core = fileURLToPath(new URL('../../dist/native/ed25519-batch.node', import.meta.url));
if (!existsSync(core)) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('./native/build.mjs', import.meta.url)), '--strict'],
    { stdio: 'inherit' },
  );
  assert.equal(r.status, 0, 'the Ed25519 batch core builds');
}
const { BATCH_IMPLEMENTATION, batchHolds, verifyEach } = await import('./verify-batch.js');

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le32 = (x: bigint) => Buffer.from(x.toString(16).padStart(64, '0'), 'hex').reverse();

function signer() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pk = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
  return (message: Uint8Array): SignatureToCheck => ({
    publicKey: pk,
    message,
    signature: new Uint8Array(sign(null, message, privateKey)),
  });
}

function good(n: number, keys = 3): SignatureToCheck[] {
  const signers = Array.from({ length: keys }, signer);
  return Array.from({ length: n }, (_, i) => signers[i % keys]!(randomBytes(50 + (i % 900))));
}

const libsodium = (cs: readonly SignatureToCheck[]) =>
  cs.map((c) => ed25519Verify(c.publicKey, c.message, c.signature));

const flip = (b: Uint8Array, at: number, bit = 1) => {
  const c = new Uint8Array(b);
  c[at]! ^= bit;
  return c;
};

test('batch core: loaded', () => {
  assert.equal(BATCH_IMPLEMENTATION, 'batch');
});

test('batch: good signatures hold, one key or many, small batches and full bundles', () => {
  for (const [n, keys] of [
    [1, 1],
    [4, 1],
    [17, 5],
    [256, 1],
    [256, 7],
  ] as const)
    assert.equal(batchHolds(good(n, keys)), true, `${n} signatures by ${keys} keys`);
});

test('batch: one bad signature fails the batch, and verifyEach names it as libsodium does', () => {
  const base = good(64, 4);
  const order8 = Buffer.from(
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    'hex',
  );
  const pMinus1 = le32(2n ** 255n - 20n); // y = -1: the point (0, -1), of order 2
  const nonCanonicalY = le32(2n ** 255n - 19n + 2n); // y = p + 2, i.e. 2 written unreduced
  const S = (c: SignatureToCheck) =>
    BigInt(`0x${Buffer.from(c.signature.subarray(32)).reverse().toString('hex')}`);
  const bad: Array<[string, (c: SignatureToCheck) => SignatureToCheck]> = [
    ['a message bit', (c) => ({ ...c, message: flip(c.message, 3) })],
    ['an R bit', (c) => ({ ...c, signature: flip(c.signature, 5) })],
    ['an S bit', (c) => ({ ...c, signature: flip(c.signature, 40) })],
    ['another key', (c) => ({ ...c, publicKey: base[(base.indexOf(c) + 1) % 64]!.publicKey })],
    [
      'S + L (the same point, a non-canonical S)',
      (c) => ({
        ...c,
        signature: new Uint8Array([...c.signature.subarray(0, 32), ...le32(S(c) + L)]),
      }),
    ],
    [
      'R of small order',
      (c) => ({ ...c, signature: new Uint8Array([...order8, ...c.signature.subarray(32)]) }),
    ],
    [
      'R not canonical',
      (c) => ({ ...c, signature: new Uint8Array([...nonCanonicalY, ...c.signature.subarray(32)]) }),
    ],
    ['a key of small order', (c) => ({ ...c, publicKey: new Uint8Array(order8) })],
    ['the key y = p - 1 (order 2)', (c) => ({ ...c, publicKey: new Uint8Array(pMinus1) })],
    ['a short signature', (c) => ({ ...c, signature: c.signature.subarray(0, 63) })],
  ];
  for (const [name, spoil] of bad) {
    const at = name.length % 64;
    const checks = base.map((c, i) => (i === at ? spoil(c) : c));
    assert.equal(batchHolds(checks), false, name);
    const expected = libsodium(checks);
    assert.equal(expected.filter((ok) => !ok).length, 1, `libsodium refuses ${name}`);
    assert.deepEqual(verifyEach(checks), expected, name);
  }
});

test('batch: any mix of good and spoilt signatures gets libsodium verdicts (property)', () => {
  const pool = good(32, 3);
  fc.assert(
    fc.property(
      fc.array(fc.record({ i: fc.nat(31), spoil: fc.constantFrom(0, 1, 2, 3), at: fc.nat(63) }), {
        minLength: 1,
        maxLength: 40,
      }),
      (picks) => {
        const checks = picks.map(({ i, spoil, at }) => {
          const c = pool[i]!;
          if (spoil === 1) return { ...c, signature: flip(c.signature, at) };
          if (spoil === 2) return { ...c, message: flip(c.message, at % c.message.length) };
          return c;
        });
        assert.deepEqual(verifyEach(checks), libsodium(checks));
      },
    ),
    { numRuns: 150 },
  );
});

/**
 * A signature good only up to a point of order 8, built with the private scalar, as only the
 * key's holder can: R' = rB + T, S = r + H(R'‖A‖M)a. Then [S]B = R' - T + [h]A: libsodium's exact
 * equation fails, 8x it would hold.
 */
function craftedSmallOrder(): SignatureToCheck {
  const seed = randomBytes(32);
  const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  const T = ed25519.Point.fromBytes(
    Buffer.from('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'hex'),
  );
  const message = randomBytes(100);
  const r = BigInt(`0x${randomBytes(32).toString('hex')}`) % L;
  const R = ed25519.Point.BASE.multiply(r).add(T).toBytes();
  const h =
    BigInt(
      `0x${createHash('sha512').update(R).update(pointBytes).update(message).digest().reverse().toString('hex')}`,
    ) % L;
  return {
    publicKey: pointBytes,
    message,
    signature: new Uint8Array([...R, ...le32((r + h * scalar) % L)]),
  };
}

test('batch: a signature good only up to a point of order 8 is caught 7 times in 8', () => {
  const crafted = craftedSmallOrder();
  assert.equal(ed25519Verify(crafted.publicKey, crafted.message, crafted.signature), false);
  const others = good(7, 2);
  let caught = 0;
  const runs = 200;
  for (let i = 0; i < runs; i++) if (!batchHolds([crafted, ...others])) caught++;
  // Caught unless 8 divides the secret multiplier: 7/8 of the runs on average; at least half, as
  // documented, is what is asserted (the chance of fewer than 100 in 200 is far below 2^-100).
  assert.ok(caught >= runs / 2, `caught ${caught} of ${runs}`);
  // And it does escape sometimes (all 200 caught: chance (7/8)^200, about 2^-38), which shows the
  // crafted signature is what it should be: good but for the small-order point.
  assert.ok(caught < runs, `caught ${caught} of ${runs}`);
});

test('the audit pool checks one by one unless asked: the crafted signature never passes by default', async () => {
  const crafted = craftedSmallOrder();
  const others = good(7, 2);
  const exact = new AuditPool(1);
  const batched = new AuditPool(1, true);
  try {
    let escapedBatch = 0;
    for (let i = 0; i < 200; i++) {
      const [byDefault] = await exact.signatures([crafted, ...others]);
      assert.equal(byDefault, false, 'the default audit gives libsodium’s verdict');
      const [inBatch] = await batched.signatures([crafted, ...others]);
      if (inBatch) escapedBatch++;
    }
    // With --batch-signatures it escapes about one run in 8 (never in 200: chance about 2^-38):
    // the option is what changes the verdict, and the default does not take it.
    assert.ok(escapedBatch > 0, 'the batch mode let the crafted signature through at least once');
  } finally {
    await exact.close();
    await batched.close();
  }
});
