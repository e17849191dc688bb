// The Node signers give the bytes WebCrypto gives (Ed25519 is deterministic) and the RFC 8032
// example's signature, and a Signer built from a note key matches signerFromNoteKey's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { generateNoteKey } from '../tlog/note-key.js';
import { importVerifier, signerFromNoteKey, verifySignature } from '../core/signing.js';
import {
  ED25519_SIGN_IMPLEMENTATION,
  nodeSignerFromNoteKey,
  opensslSigner,
  sodiumSigner,
} from './node-signer.js';

const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));

// RFC 8032 §7.1, TEST 2 (one-byte message 0x72).
const RFC_SEED = hex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
const RFC_SIG =
  '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

test('libsodium loads here (the fallback is tested on its own below)', () => {
  assert.equal(ED25519_SIGN_IMPLEMENTATION, 'libsodium');
});

test('both implementations sign the RFC 8032 example exactly', () => {
  const message = hex('72');
  assert.equal(Buffer.from(opensslSigner(RFC_SEED)(message)).toString('hex'), RFC_SIG);
  const sodium = sodiumSigner(RFC_SEED);
  assert.ok(sodium);
  assert.equal(Buffer.from(sodium(message)).toString('hex'), RFC_SIG);
});

test('a note-key signer matches WebCrypto: author, vkey and the signature bytes', async () => {
  const { skey } = generateNoteKey('node-signer-test');
  const fast = nodeSignerFromNoteKey(skey);
  const web = await signerFromNoteKey(skey);
  assert.equal(fast.author, web.author);
  assert.equal(fast.vkey, web.vkey);
  const key = await importVerifier(web.vkey);
  for (const size of [0, 1, 100, 1000, 70_000]) {
    const message = new Uint8Array(randomBytes(size));
    const a = await fast.sign(message);
    assert.deepEqual(a, await web.sign(message));
    assert.ok(await verifySignature(key, a, message));
    message[0] = (message[0] ?? 0) ^ 1;
    if (size > 0) assert.equal(await verifySignature(key, a, message), false);
  }
});

test('a key that is not Ed25519 (type 0x01) is refused', () => {
  assert.throws(() => nodeSignerFromNoteKey('PRIVATE+KEY+x+00000000+AAAA'), /key/i);
});
