import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateNoteKey } from '../tlog/note-key.js';
import { canonicalize } from './canonical-json.js';
import {
  ENVELOPE_DOMAIN,
  parseEntry,
  signEnvelope,
  signedMessage,
  verifyEnvelope,
} from './envelope.js';
import { CoreError } from './errors.js';
import { exampleBody } from './examples.js';
import { ENTRY_KINDS } from './records/kinds.js';
import { authorIdOf, importVerifier, signerFromNoteKey } from './signing.js';

const decoder = new TextDecoder();

async function makeSigner(name = 'pk-liaison.pak-afg') {
  const { skey, vkey } = generateNoteKey(name);
  return { signer: await signerFromNoteKey(skey), key: await importVerifier(vkey), vkey };
}

test('every kind has an example body that signs, parses back and verifies', async () => {
  const { signer, key } = await makeSigner();
  for (const kind of ENTRY_KINDS) {
    const { envelope, bytes } = await signEnvelope(
      { mission: 'pak-afg', kind, body: exampleBody(kind) },
      signer,
    );
    const parsed = parseEntry(bytes);
    assert.deepEqual(parsed, envelope, kind);
    assert.equal(await verifyEnvelope(parsed, key), true, kind);
  }
});

test('the author id is the vkey name and key hash', async () => {
  const { signer, vkey } = await makeSigner('analyst.pak-afg');
  assert.equal(signer.author, authorIdOf(vkey));
  assert.match(signer.author, /^analyst\.pak-afg\+[0-9a-f]{8}$/);
  assert.ok(vkey.startsWith(signer.author + '+'));
});

test('the signature covers the domain prefix and every field but sig', async () => {
  const { signer, key } = await makeSigner();
  const { envelope } = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') },
    signer,
  );
  const message = decoder.decode(signedMessage(envelope));
  assert.ok(message.startsWith(ENVELOPE_DOMAIN));
  assert.ok(!message.includes('"sig"'));
  for (const tamper of [
    { mission: 'other-mission' },
    { at: '2020-01-01T00:00:00.000Z' },
    { kind: 'response' as const },
    { body: { ...envelope.body, title: 'Something else' } },
  ]) {
    assert.equal(
      await verifyEnvelope({ ...envelope, ...tamper }, key),
      false,
      JSON.stringify(tamper),
    );
  }
});

test('a signature by another key does not verify', async () => {
  const a = await makeSigner('a.x');
  const b = await makeSigner('b.x');
  const { envelope } = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') },
    a.signer,
  );
  assert.equal(await verifyEnvelope(envelope, b.key), false);
});

test('parseEntry refuses non-canonical, malformed and oversized entries with a named reason', async () => {
  const { signer } = await makeSigner();
  const { envelope, bytes } = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') },
    signer,
  );
  const pretty = new TextEncoder().encode(JSON.stringify(envelope, null, 1));
  assert.throws(
    () => parseEntry(pretty),
    (e: unknown) => e instanceof CoreError && e.code === 'not_canonical',
  );
  assert.throws(
    () => parseEntry(new Uint8Array([0xff, 0xfe])),
    (e: unknown) => e instanceof CoreError && e.code === 'invalid_json',
  );
  assert.throws(
    () => parseEntry(new Uint8Array(65536)),
    (e: unknown) => e instanceof CoreError && e.code === 'too_large',
  );
  const badBody = { ...envelope, body: { ...envelope.body, type: 'picnic' } };
  assert.throws(
    () => parseEntry(new TextEncoder().encode(canonicalize(badBody))),
    (e: unknown) => e instanceof CoreError && e.code === 'schema' && /body\.type/.test(e.message),
  );
  const badKind = { ...envelope, kind: 'memo' };
  assert.throws(() => parseEntry(new TextEncoder().encode(canonicalize(badKind))), /kind/);
  assert.ok(parseEntry(bytes));
});

test('signEnvelope refuses an invalid body before signing', async () => {
  const { signer } = await makeSigner();
  await assert.rejects(
    signEnvelope({ mission: 'pak-afg', kind: 'finding', body: { verdict: 'guilty' } }, signer),
    (e: unknown) => e instanceof CoreError && e.code === 'schema' && /body\./.test(e.message),
  );
});

test('a key registration must carry a well-formed Ed25519 verifier key', async () => {
  const { signer } = await makeSigner();
  const body = { ...exampleBody('key'), vkey: 'pk+00000000+AQ' };
  await assert.rejects(
    signEnvelope({ mission: 'pak-afg', kind: 'key', body }, signer),
    (e: unknown) => e instanceof CoreError && /body\.vkey/.test(e.message),
  );
  const witnessKey = generateNoteKey('w.example', { type: 0x04 }).vkey;
  await assert.rejects(
    signEnvelope(
      { mission: 'pak-afg', kind: 'key', body: { ...exampleBody('key'), vkey: witnessKey } },
      signer,
    ),
    /type 0x01/,
  );
});
