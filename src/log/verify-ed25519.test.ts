// Both Ed25519 implementations of admission give the same verdicts: the RFC 8032 example, fresh
// node:crypto signatures, and every kind of tampering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import {
  ED25519_IMPLEMENTATION,
  ed25519Verify,
  nodeVerify,
  sodiumVerify,
  type Ed25519Verify,
} from './verify-ed25519.js';

const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));

// RFC 8032 §7.1, TEST 1 (empty message).
const RFC_PUBLIC = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const RFC_SIG = hex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);

const sodium = sodiumVerify();
const impls: Array<[string, Ed25519Verify]> = [['node:crypto', nodeVerify]];
if (sodium) impls.push(['libsodium', sodium]);

test('sodium-native loads on this machine (the fallback is for platforms without its addon)', () => {
  assert.ok(sodium, 'sodium-native did not load');
  assert.equal(ED25519_IMPLEMENTATION, 'libsodium');
  assert.notEqual(ed25519Verify, nodeVerify);
});

for (const [name, v] of impls) {
  test(`${name}: RFC 8032 TEST 1 verifies, a flipped bit does not`, () => {
    assert.equal(v(RFC_PUBLIC, new Uint8Array(0), RFC_SIG), true);
    const bad = RFC_SIG.slice();
    bad[10]! ^= 1;
    assert.equal(v(RFC_PUBLIC, new Uint8Array(0), bad), false);
    assert.equal(v(RFC_PUBLIC, new Uint8Array([0]), RFC_SIG), false);
  });

  test(`${name}: fresh signatures, tampering, wrong key and wrong lengths`, () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519').publicKey;
    const raw = (k: typeof publicKey) =>
      new Uint8Array(k.export({ format: 'der', type: 'spki' }).subarray(12));
    const pk = raw(publicKey);
    for (let i = 0; i < 50; i++) {
      const msg = new Uint8Array(Buffer.from(`truceline/envelope/v1\n{"n":${i}}`));
      const sig = new Uint8Array(sign(null, msg, privateKey));
      assert.equal(v(pk, msg, sig), true);
      const m2 = msg.slice();
      m2[i % m2.length]! ^= 0x40;
      assert.equal(v(pk, m2, sig), false);
      assert.equal(v(raw(other), msg, sig), false);
    }
    const msg = new Uint8Array([1, 2, 3]);
    const sig = new Uint8Array(sign(null, msg, privateKey));
    assert.equal(v(pk.subarray(0, 31), msg, sig), false);
    assert.equal(v(pk, msg, sig.subarray(0, 63)), false);
    assert.equal(v(new Uint8Array(32), msg, sig), false, 'an all-zero key');
  });
}
