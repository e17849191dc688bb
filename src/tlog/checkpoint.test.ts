import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64Encode, utf8Encode } from './bytes.js';
import { TlogError } from './errors.js';
import {
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  parseDecimal,
  signCheckpoint,
  type Checkpoint,
} from './checkpoint.js';
import { cosignCheckpoint, cosignatureVerifier } from './cosignature.js';
import { MerkleLevels } from './merkle.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from './note-key.js';
import { addSignatures, ed25519NoteSigner, ed25519NoteVerifier, parseNote } from './note.js';
import { readTlogVector } from './vectors-helper.test.js';

interface Vectors {
  checkpoint_note: string;
  origin: string;
  size: number;
  root_hash_base64: string;
}
const V = readTlogVector<Vectors>('checkpoint.json');

function throwsCode(fn: () => unknown, code: string, msg?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code, msg);
}

test('parses the tlog-checkpoint spec example', () => {
  const note = parseNote(V.checkpoint_note);
  const cp = parseCheckpoint(note.text);
  assert.equal(cp.origin, V.origin);
  assert.equal(cp.size, V.size);
  assert.equal(base64Encode(cp.rootHash), V.root_hash_base64);
  assert.deepEqual(cp.extensions, []);
  assert.equal(formatCheckpoint(cp), note.text);
});

test('extension lines round-trip', () => {
  const text =
    'example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next one\next two\n';
  const cp = parseCheckpoint(text);
  assert.deepEqual(cp.extensions, ['ext one', 'ext two']);
  assert.equal(formatCheckpoint(cp), text);
});

test('malformed checkpoint bodies are rejected', () => {
  const root = V.root_hash_base64;
  const bad: Record<string, string> = {
    'no final newline': `o\n1\n${root}`,
    'two lines': `o\n1\n`,
    'empty origin': `\n1\n${root}\n`,
    'leading zero': `o\n01\n${root}\n`,
    'negative size': `o\n-1\n${root}\n`,
    'plus size': `o\n+1\n${root}\n`,
    'hex size': `o\n0x10\n${root}\n`,
    'size beyond 2^53': `o\n18446744073709551615\n${root}\n`,
    'short root': `o\n1\nAAAA\n`,
    'root not base64': `o\n1\n${root.slice(0, -1)}!\n`,
    'empty extension line': `o\n1\n${root}\n\n`,
    'space after size': `o\n1 \n${root}\n`,
  };
  for (const [name, text] of Object.entries(bad))
    throwsCode(() => parseCheckpoint(text), 'malformed_checkpoint', name);
  assert.equal(parseCheckpoint(`o\n0\n${root}\n`).size, 0);
  assert.equal(parseDecimal('9007199254740991'), 9007199254740991);
  assert.equal(parseDecimal('9007199254740992'), undefined);
});

test('sign, cosign and open a checkpoint of a real tree', () => {
  const origin = 'truceline.example/pak-afg';
  const log = generateNoteKey(origin);
  const w1 = generateNoteKey('witness.example/w1', { type: SIG_TYPE_COSIGNATURE_V1 });
  const tree = new MerkleLevels();
  for (let i = 0; i < 10; i++) tree.append(utf8Encode(`entry ${i}`));
  const cp: Checkpoint = { origin, size: tree.size, rootHash: tree.root(), extensions: [] };
  const signed = signCheckpoint(cp, ed25519NoteSigner(log.skey));
  const text = parseNote(signed).text;
  const cosigned = addSignatures(signed, [cosignCheckpoint(text, w1.skey, 1_700_000_000)]);

  const opened = openCheckpoint(cosigned, ed25519NoteVerifier(log.vkey), {
    origin,
    others: [cosignatureVerifier(w1.vkey)],
  });
  assert.equal(opened.checkpoint.size, 10);
  assert.deepEqual(opened.checkpoint.rootHash, tree.root());
  assert.equal(opened.note.verified.length, 2);

  throwsCode(
    () => openCheckpoint(cosigned, ed25519NoteVerifier(log.vkey), { origin: 'other.example/log' }),
    'untrusted',
  );
  // signed only by the witness: not acceptable as a checkpoint
  const other = generateNoteKey(origin);
  throwsCode(
    () =>
      openCheckpoint(cosigned, ed25519NoteVerifier(other.vkey), {
        others: [cosignatureVerifier(w1.vkey)],
      }),
    'untrusted',
  );
  throwsCode(() => openCheckpoint(cosigned, ed25519NoteVerifier(other.vkey)), 'unverified');
  // tampering with the size breaks the log signature
  throwsCode(
    () => openCheckpoint(cosigned.replace('\n10\n', '\n11\n'), ed25519NoteVerifier(log.vkey)),
    'bad_signature',
  );
});

test('signCheckpoint requires the key name to be the origin', () => {
  const k = generateNoteKey('a.example/log');
  throwsCode(
    () =>
      signCheckpoint(
        { origin: 'b.example/log', size: 0, rootHash: new Uint8Array(32), extensions: [] },
        ed25519NoteSigner(k.skey),
      ),
    'invalid_argument',
  );
});

test('property: parseCheckpoint throws only TlogError', () => {
  const base = parseNote(V.checkpoint_note).text;
  const mutated = fc
    .tuple(fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 4 }))
    .map(([pos, ins, del]) => {
      const p = pos % (base.length + 1);
      return base.slice(0, p) + ins + base.slice(p + del);
    });
  fc.assert(
    fc.property(fc.oneof(mutated, fc.string(), fc.string({ unit: 'binary' })), (input) => {
      try {
        const cp = parseCheckpoint(input);
        assert.equal(formatCheckpoint(cp), input);
      } catch (e) {
        if (!(e instanceof TlogError)) throw e;
      }
    }),
    { numRuns: 3000 },
  );
});
