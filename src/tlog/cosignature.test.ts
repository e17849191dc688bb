import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64DecodeOrUndefined, utf8Encode } from './bytes.js';
import { TlogError } from './errors.js';
import {
  COSIGNATURE_V1_SIZE,
  cosignCheckpoint,
  cosignatureMessage,
  cosignatureSigner,
  cosignatureVerifier,
  parseCosignature,
  verifyCosignature,
} from './cosignature.js';
import { ed25519Verify } from './ed25519.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey, parseVerifierKey } from './note-key.js';
import { openNote, parseNote, signNote } from './note.js';
import { noteVerifierFromKey } from './verifier.js';
import { readTlogVector } from './vectors-helper.test.js';

interface Vectors {
  cosigned_note: string;
  cosignature_timestamp: number;
  cosigned_message: string;
}
const V = readTlogVector<Vectors>('checkpoint.json');

function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code);
}

test('spec example: the witness cosignature carries timestamp 1679315147', () => {
  const note = parseNote(V.cosigned_note);
  const w = note.signatures.find((s) => s.name === 'witness.example.com/w1')!;
  assert.equal(w.signature.length, COSIGNATURE_V1_SIZE);
  assert.equal(parseCosignature(w.signature).timestamp, V.cosignature_timestamp);
});

test('spec example: the signed message layout', () => {
  const text = parseNote(V.cosigned_note).text;
  assert.deepEqual(
    cosignatureMessage(text, V.cosignature_timestamp),
    utf8Encode(V.cosigned_message),
  );
});

test('cosign then verify; the signature is timestamp || Ed25519 over the cosignature/v1 message', () => {
  const w = generateNoteKey('witness.example/w1', { type: SIG_TYPE_COSIGNATURE_V1 });
  const text = parseNote(V.cosigned_note).text;
  const sig = cosignCheckpoint(text, w.skey, 1679315147);
  assert.equal(sig.signature.length, 72);
  assert.deepEqual(Array.from(sig.signature.slice(0, 8)), [0, 0, 0, 0, 0x64, 0x18, 0x50, 0xcb]);
  const pub = parseVerifierKey(w.vkey).key;
  assert.ok(ed25519Verify(sig.signature.slice(8), utf8Encode(V.cosigned_message), pub));
  assert.equal(verifyCosignature(text, sig, w.vkey), 1679315147);
  throwsCode(
    () => verifyCosignature(text.replace('20852163', '20852164'), sig, w.vkey),
    'bad_signature',
  );
  const shifted = { ...sig, signature: sig.signature.slice() };
  shifted.signature[7] = shifted.signature[7]! ^ 1; // a different timestamp invalidates the signature
  throwsCode(() => verifyCosignature(text, shifted, w.vkey), 'bad_signature');
});

test('cosignatureSigner works with signNote and openNote, with an injected clock', () => {
  const w = generateNoteKey('witness.example/w2', { type: SIG_TYPE_COSIGNATURE_V1 });
  const note = signNote('o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', [
    cosignatureSigner(w.skey, () => 42),
  ]);
  const opened = openNote(note, [noteVerifierFromKey(w.vkey)]);
  assert.equal(parseCosignature(opened.verified[0]!.signature).timestamp, 42);
});

test('type 0x01 keys cannot cosign, and 0x04 vkeys yield cosignature verifiers', () => {
  const log = generateNoteKey('log.example');
  throwsCode(() => cosignCheckpoint('x\n', log.skey, 1), 'unsupported_key');
  throwsCode(() => cosignatureVerifier(log.vkey), 'unsupported_key');
  const w = generateNoteKey('w.example', { type: SIG_TYPE_COSIGNATURE_V1 });
  assert.equal(noteVerifierFromKey(w.vkey).name, 'w.example');
});

test('malformed cosignatures: wrong length, timestamp out of range', () => {
  throwsCode(() => parseCosignature(new Uint8Array(71)), 'malformed_cosignature');
  const big = new Uint8Array(72).fill(0xff);
  throwsCode(() => parseCosignature(big), 'malformed_cosignature');
  const v = cosignatureVerifier(
    generateNoteKey('w.example', { type: SIG_TYPE_COSIGNATURE_V1 }).vkey,
  );
  assert.equal(v.verify(utf8Encode('x\n'), big), false);
  assert.equal(v.verify(utf8Encode('x\n'), new Uint8Array(64)), false);
});

test('property: cosignature verification never throws on random signature bytes', () => {
  const v = cosignatureVerifier(
    generateNoteKey('w.example', { type: SIG_TYPE_COSIGNATURE_V1 }).vkey,
  );
  const ex = base64DecodeOrUndefined(
    'jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==',
  )!.slice(4);
  fc.assert(
    fc.property(
      fc.oneof(fc.uint8Array({ maxLength: 100 }), fc.constant(ex)),
      fc.string(),
      (sig, text) => {
        assert.equal(v.verify(utf8Encode(text), sig), false);
        try {
          parseCosignature(sig);
        } catch (e) {
          if (!(e instanceof TlogError)) throw e;
        }
      },
    ),
    { numRuns: 500 },
  );
});
