import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TlogError } from './errors.js';
import { generateNoteKey, keyHash, parseVerifierKey } from './note-key.js';
import {
  MAX_NOTE_SIGNATURES,
  addSignatures,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatNote,
  openNote,
  parseNote,
  signNote,
  type NoteVerifier,
} from './note.js';
import { readTlogVector } from './vectors-helper.test.js';

interface Vectors {
  spec_example: { vkey: string; note: string; text: string };
  go_doc_example: { skey: string; vkey: string; text: string; note: string };
}
const V = readTlogVector<Vectors>('signed-note.json');

function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code);
}

// The opening example of c2sp.org/signed-note: its text contains a blank line.
const QUASIMODO =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';

test('spec example: the vkey verifies the example note', () => {
  const opened = openNote(V.spec_example.note, [ed25519NoteVerifier(V.spec_example.vkey)]);
  assert.equal(opened.text, V.spec_example.text);
  assert.equal(opened.verified.length, 1);
  assert.equal(opened.verified[0]!.name, 'example.com/foo');
  assert.equal(opened.unverified.length, 0);
});

test('spec example: the same note also opens from UTF-8 bytes', () => {
  const opened = openNote(new TextEncoder().encode(V.spec_example.note), [
    ed25519NoteVerifier(V.spec_example.vkey),
  ]);
  assert.equal(opened.text, V.spec_example.text);
});

test('Go documentation example: signing reproduces the published note byte for byte', () => {
  assert.equal(
    signNote(V.go_doc_example.text, [ed25519NoteSigner(V.go_doc_example.skey)]),
    V.go_doc_example.note,
  );
  const opened = openNote(V.go_doc_example.note, [ed25519NoteVerifier(V.go_doc_example.vkey)]);
  assert.equal(opened.text, V.go_doc_example.text);
});

test('text is split from the signatures at the LAST blank line (spec opening example)', () => {
  const n = parseNote(QUASIMODO);
  assert.equal(
    n.text,
    'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
  );
  assert.equal(n.signatures.length, 1);
  assert.equal(n.signatures[0]!.name, 'quasimodo.example/salvatore');
  assert.equal(n.signatures[0]!.signature.length, 64);
  assert.equal(formatNote(n), QUASIMODO);
});

test('a note signed only by unknown keys is rejected as unverified', () => {
  throwsCode(() => openNote(QUASIMODO, [ed25519NoteVerifier(V.spec_example.vkey)]), 'unverified');
  throwsCode(() => openNote(V.spec_example.note, []), 'unverified');
});

test('signatures that share only the name or only the key ID with a known key are ignored', () => {
  const known = parseVerifierKey(V.spec_example.vkey);
  const sameName: NoteVerifier = {
    name: known.name,
    hash: (known.hash + 1) >>> 0,
    verify: () => true,
  };
  const sameHash: NoteVerifier = { name: 'example.com/bar', hash: known.hash, verify: () => true };
  throwsCode(() => openNote(V.spec_example.note, [sameName, sameHash]), 'unverified');
});

test('a failing signature from a known key rejects the whole note', () => {
  const k = generateNoteKey('example.com/foo');
  const good = signNote(V.spec_example.text, [ed25519NoteSigner(k.skey)]);
  const other = ed25519NoteVerifier(k.vkey);
  assert.equal(openNote(good, [other]).verified.length, 1);
  const tampered = good.replace('example message', 'exemple message');
  throwsCode(() => openNote(tampered, [other]), 'bad_signature');
  // a valid signature by a known key plus an invalid one by another known key: rejected
  const both = addSignatures(
    good,
    parseNote(V.spec_example.note).signatures.map((s) => ({
      ...s,
      signature: s.signature.map((b) => b ^ 1),
    })),
  );
  throwsCode(
    () => openNote(both, [other, ed25519NoteVerifier(V.spec_example.vkey)]),
    'bad_signature',
  );
});

test('multiple signers, unknown ones reported, duplicates of a known key counted once', () => {
  const a = generateNoteKey('a.example/log');
  const b = generateNoteKey('b.example/witness');
  const msg = signNote('hello\nworld\n', [ed25519NoteSigner(a.skey), ed25519NoteSigner(b.skey)]);
  const opened = openNote(msg, [ed25519NoteVerifier(a.vkey)]);
  assert.deepEqual(
    opened.verified.map((s) => s.name),
    ['a.example/log'],
  );
  assert.deepEqual(
    opened.unverified.map((s) => s.name),
    ['b.example/witness'],
  );
  const dup = msg + msg.split('\n\n')[1]!.split('\n')[0]! + '\n';
  assert.equal(openNote(dup, [ed25519NoteVerifier(a.vkey)]).verified.length, 1);
});

test('addSignatures appends and replaces by (name, key ID)', () => {
  const a = generateNoteKey('a.example/log');
  const b = generateNoteKey('b.example/witness');
  const signedA = signNote('body\n', [ed25519NoteSigner(a.skey)]);
  const signedB = parseNote(signNote('body\n', [ed25519NoteSigner(b.skey)])).signatures;
  const both = addSignatures(signedA, signedB);
  assert.equal(parseNote(both).signatures.length, 2);
  assert.equal(addSignatures(both, signedB), both);
  assert.equal(
    openNote(both, [ed25519NoteVerifier(a.vkey), ed25519NoteVerifier(b.vkey)]).verified.length,
    2,
  );
});

test('malformed notes are rejected with malformed_note', () => {
  const sigLine = V.spec_example.note.split('\n')[2]!;
  const cases: Record<string, string> = {
    'no blank line': `text\n${sigLine}\n`,
    'no signatures': 'text\n\n',
    'no final newline': `text\n\n${sigLine}`,
    'hyphen instead of em dash': `text\n\n- example.com/foo AAAAAAA=\n`,
    'no space after name': `text\n\n— example.com/foo\n`,
    'bad base64': `text\n\n— example.com/foo !!!!\n`,
    'too-short signature': `text\n\n— example.com/foo AAAAAA==\n`,
    'empty name': `text\n\n—  AAAAAAA=\n`,
    'control character': `te\txt\n\n${sigLine}\n`,
    'carriage return': `text\r\n\n${sigLine}\n`,
    'trailing space': `text\n\n${sigLine} \n`,
  };
  for (const [name, msg] of Object.entries(cases)) {
    assert.throws(
      () => parseNote(msg),
      (e: unknown) => e instanceof TlogError && e.code === 'malformed_note',
      name,
    );
  }
  // A blank line among "signatures" makes the earlier lines part of the text (last blank line).
  assert.equal(parseNote(`text\n\n${sigLine}\n\n${sigLine}\n`).text, `text\n\n${sigLine}\n`);
  throwsCode(() => parseNote(new Uint8Array([0x61, 0x0a, 0x0a, 0xff, 0x0a])), 'malformed_note');
  throwsCode(() => parseNote('a\n\n\ud800\n'), 'malformed_note');
});

test(`at most ${MAX_NOTE_SIGNATURES} signatures; at least 16 accepted`, () => {
  const k = generateNoteKey('example.com/many');
  const signed = signNote('text\n', [ed25519NoteSigner(k.skey)]);
  const others = Array.from({ length: 15 }, (_, i) => ({
    name: `w${i}.example`,
    hash: i,
    signature: new Uint8Array(72),
  }));
  const seventeen = addSignatures(signed, others);
  assert.equal(openNote(seventeen, [ed25519NoteVerifier(k.vkey)]).unverified.length, 15);
  const tooMany = addSignatures(
    signed,
    Array.from({ length: MAX_NOTE_SIGNATURES }, (_, i) => ({
      name: `w${i}.example`,
      hash: i,
      signature: new Uint8Array(8),
    })),
  );
  throwsCode(() => parseNote(tooMany), 'malformed_note');
});

test('oversized notes are rejected with too_large', () => {
  throwsCode(() => parseNote('x'.repeat(2 << 20) + '\n\n— a AAAAAAA=\n'), 'too_large');
});

test('signing refuses text without final newline or with control characters', () => {
  const s = ed25519NoteSigner(generateNoteKey('k.example').skey);
  throwsCode(() => signNote('no newline', [s]), 'invalid_argument');
  throwsCode(() => signNote('tab\there\n', [s]), 'invalid_argument');
});

test('the signer key ID matches the vkey key ID', () => {
  const k = generateNoteKey('k.example');
  const s = ed25519NoteSigner(k.skey);
  const v = parseVerifierKey(k.vkey);
  assert.equal(s.hash, v.hash);
  assert.equal(keyHash(v.name, v.type, v.key), v.hash);
});

test('property: parseNote / openNote throw only TlogError on random and mutated notes', () => {
  const verifier = ed25519NoteVerifier(V.go_doc_example.vkey);
  const base = [V.go_doc_example.note, V.spec_example.note, QUASIMODO];
  const mutated = fc
    .tuple(
      fc.constantFrom(...base),
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('\n', '\n\n', '— ', ' ', '=')),
      fc.nat({ max: 6 }),
    )
    .map(([s, pos, ins, del]) => {
      const p = pos % (s.length + 1);
      return s.slice(0, p) + ins + s.slice(p + del);
    });
  fc.assert(
    fc.property(
      fc.oneof(mutated, fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array()),
      (input) => {
        for (const f of [() => parseNote(input), () => openNote(input, [verifier])]) {
          try {
            f();
          } catch (e) {
            if (!(e instanceof TlogError)) throw e;
          }
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test('property: any signed text round-trips through sign / open', () => {
  const k = generateNoteKey('rt.example/log');
  const signer = ed25519NoteSigner(k.skey);
  const verifier = ed25519NoteVerifier(k.vkey);
  // eslint-disable-next-line no-control-regex
  const text = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[\u0000-\u001f]/g, '') + '\n');
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(openNote(signNote(t, [signer]), [verifier]).text, t);
    }),
    { numRuns: 300 },
  );
});
