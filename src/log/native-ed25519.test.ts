// With the native backend installed, src/tlog's Ed25519 gives noble's signatures byte for byte and
// the same verdicts, and a note signed and cosigned under one verifies under the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  ed25519BackendName,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  randomEd25519Seed,
  useEd25519Backend,
} from '../tlog/ed25519.js';
import { installNativeEd25519 } from './native-ed25519.js';

function withNoble<T>(f: () => T): T {
  useEd25519Backend(undefined);
  try {
    return f();
  } finally {
    installNativeEd25519();
  }
}

test('native and noble: same signatures, same verdicts on valid and tampered input', () => {
  installNativeEd25519();
  assert.equal(ed25519BackendName(), 'libsodium');
  for (let i = 0; i < 20; i++) {
    const seed = randomEd25519Seed();
    const pk = ed25519PublicKey(seed);
    const message = new Uint8Array(randomBytes(i * 37));
    const native = ed25519Sign(message, seed);
    const noble = withNoble(() => ed25519Sign(message, seed));
    assert.deepEqual(native, noble);
    assert.equal(ed25519Verify(native, message, pk), true);
    const bad = native.slice();
    bad[i % 64]! ^= 1;
    assert.equal(ed25519Verify(bad, message, pk), false);
    assert.equal(
      withNoble(() => ed25519Verify(bad, message, pk)),
      false,
    );
    const otherPk = ed25519PublicKey(randomEd25519Seed());
    assert.equal(ed25519Verify(native, message, otherPk), false);
    assert.equal(ed25519Verify(native.slice(0, 63), message, pk), false);
  }
  useEd25519Backend(undefined);
  assert.equal(ed25519BackendName(), 'noble');
});

test('a non-canonical S (S + L) is refused by both, as Go does', () => {
  installNativeEd25519();
  const seed = randomEd25519Seed();
  const pk = ed25519PublicKey(seed);
  const message = new Uint8Array([1, 2, 3]);
  const sig = ed25519Sign(message, seed);
  // L = 2^252 + 27742317777372353535851937790883648493, little-endian, added to S (bytes 32..63).
  const L = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');
  const bad = sig.slice();
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const v = bad[32 + i]! + L[i]! + carry;
    bad[32 + i] = v & 0xff;
    carry = v >> 8;
  }
  assert.equal(ed25519Verify(bad, message, pk), false);
  assert.equal(
    withNoble(() => ed25519Verify(bad, message, pk)),
    false,
  );
  useEd25519Backend(undefined);
});
