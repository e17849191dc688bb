import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
  formatVerifierKey,
  generateNoteKey,
  isValidKeyName,
  keyHash,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyFromSignerKey,
} from './note-key.js';
import { TlogError } from './errors.js';
import { readTlogVector } from './vectors-helper.test.js';

interface Vectors {
  spec_example: { vkey: string };
  go_doc_example: { skey: string; vkey: string };
  bad_vkeys: { wrong_length: string; unknown_algorithm: string };
}
const V = readTlogVector<Vectors>('signed-note.json');

function assertTlogError(fn: () => unknown, code?: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof TlogError && (code === undefined || e.code === code),
  );
}

test('parses the signed-note spec example vkey', () => {
  const k = parseVerifierKey(V.spec_example.vkey);
  assert.equal(k.name, 'example.com/foo');
  assert.equal(k.hash, 0x530d903a);
  assert.equal(k.type, SIG_TYPE_ED25519);
  assert.equal(k.key.length, 32);
  assert.equal(formatVerifierKey(k.name, k.type, k.key), V.spec_example.vkey);
});

test('Go documentation key pair: signer key derives the published vkey', () => {
  const s = parseSignerKey(V.go_doc_example.skey);
  assert.equal(s.name, 'PeterNeumann');
  assert.equal(s.hash, 0xc74f20a3);
  assert.equal(s.type, SIG_TYPE_ED25519);
  assert.equal(s.key.length, 32);
  assert.equal(verifierKeyFromSignerKey(V.go_doc_example.skey), V.go_doc_example.vkey);
  const v = parseVerifierKey(V.go_doc_example.vkey);
  assert.deepEqual(v.key, s.publicKey);
  assert.equal(keyHash(v.name, v.type, v.key), 0xc74f20a3);
});

test('rejects wrong-length and unknown-algorithm vkeys (Go test vectors)', () => {
  assertTlogError(() => parseVerifierKey(V.bad_vkeys.wrong_length), 'malformed_key');
  assertTlogError(() => parseVerifierKey(V.bad_vkeys.unknown_algorithm), 'unsupported_key');
});

test('every truncation or byte bump of a valid key is rejected', () => {
  for (const text of [V.go_doc_example.vkey, V.go_doc_example.skey]) {
    const parse = text.startsWith('PRIVATE') ? parseSignerKey : parseVerifierKey;
    for (let i = 0; i <= text.length; i++) {
      for (let j = i + 1; j <= text.length; j++) {
        if (i === 0 && j === text.length) continue;
        assertTlogError(() => parse(text.slice(i, j)));
      }
    }
    for (let i = 0; i < text.length; i++) {
      const bumped =
        text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) + 1) + text.slice(i + 1);
      assertTlogError(() => parse(bumped));
    }
  }
});

test('generated keys round-trip, for both note (0x01) and cosignature (0x04) types', () => {
  for (const type of [SIG_TYPE_ED25519, SIG_TYPE_COSIGNATURE_V1] as const) {
    const { skey, vkey } = generateNoteKey('truceline.example/pak-afg', { type });
    const s = parseSignerKey(skey);
    const v = parseVerifierKey(vkey);
    assert.equal(s.type, type);
    assert.equal(v.type, type);
    assert.equal(s.hash, v.hash);
    assert.deepEqual(s.publicKey, v.key);
    assert.equal(verifierKeyFromSignerKey(skey), vkey);
  }
});

test('the same key under types 0x01 and 0x04 gets different key ids', () => {
  const seed = new Uint8Array(32).fill(7);
  const a = parseVerifierKey(generateNoteKey('w.example', { seed }).vkey);
  const b = parseVerifierKey(
    generateNoteKey('w.example', { seed, type: SIG_TYPE_COSIGNATURE_V1 }).vkey,
  );
  assert.deepEqual(a.key, b.key);
  assert.notEqual(a.hash, b.hash);
});

test('key name rules (c2sp.org/signed-note#format)', () => {
  assert.ok(isValidKeyName('example.com/foo'));
  assert.ok(isValidKeyName('ünïcode.example/ok'));
  for (const bad of [
    '',
    'a+b',
    'a b',
    'a\tb',
    'a\u00a0b',
    'a\u2003b',
    'a\u3000b',
    'a\nb',
    'a\u0085b',
    '\ud800',
  ]) {
    assert.equal(isValidKeyName(bad), false, JSON.stringify(bad));
    assertTlogError(() => generateNoteKey(bad), 'malformed_key');
  }
});

test('property: parsers throw only TlogError on arbitrary and mutated input', () => {
  const valid = [V.go_doc_example.vkey, V.go_doc_example.skey, V.spec_example.vkey];
  const mutated = fc
    .tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 5 }))
    .map(([s, pos, ins, del]) => {
      const p = pos % (s.length + 1);
      return s.slice(0, p) + ins + s.slice(p + del);
    });
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutated), (input) => {
      for (const parse of [parseVerifierKey, parseSignerKey]) {
        try {
          parse(input);
          parse('PRIVATE+KEY+' + input);
        } catch (e) {
          if (!(e instanceof TlogError)) throw e;
        }
      }
    }),
    { numRuns: 2000 },
  );
});
