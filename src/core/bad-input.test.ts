// Issue 9.5 "Bad input": a body a signer (not the CLI) built by hand must either be read the same
// by every reader or be refused naming the field; unknown keys are refused for every entry kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalBytes } from './canonical-json.js';
import { parseEntry, signEnvelope, signedMessage, type UnsignedEnvelope } from './envelope.js';
import { CoreError } from './errors.js';
import { exampleBody } from './examples.js';
import { newId } from './ids.js';
import { ENTRY_KINDS, type EntryKind } from './records/kinds.js';
import { signerFromNoteKey, type Signer } from './signing.js';
import { generateNoteKey } from '../tlog/note-key.js';
import { base64Encode } from '../tlog/bytes.js';

/** Signs a body exactly as given (no schema defaults filled in), as a hand-built signer would. */
async function signRaw(signer: Signer, kind: EntryKind, body: Record<string, unknown>) {
  const unsigned: UnsignedEnvelope = {
    v: 1,
    mission: 'pak-afg',
    kind,
    id: newId(),
    at: new Date().toISOString(),
    author: signer.author,
    body,
  };
  return canonicalBytes({
    ...unsigned,
    sig: base64Encode(await signer.sign(signedMessage(unsigned))),
  });
}

async function fullBody(kind: EntryKind): Promise<Record<string, unknown>> {
  const signer = await signerFromNoteKey(generateNoteKey('bad-input').skey);
  const { envelope } = await signEnvelope(
    { mission: 'pak-afg', kind, body: exampleBody(kind) as Record<string, unknown> },
    signer,
  );
  return envelope.body;
}

test('a report without terms (the 500 of issue 9.5) is refused naming body.terms', async () => {
  const signer = await signerFromNoteKey(generateNoteKey('monitor').skey);
  const body = await fullBody('report');
  delete body.terms;
  const bytes = await signRaw(signer, 'report', body);
  assert.throws(
    () => parseEntry(bytes),
    (e: unknown) =>
      e instanceof CoreError && e.code === 'schema' && /body\.terms is missing/.test(e.message),
  );
});

test('every kind: omitting any top-level field either parses to the same body or is refused naming it', async () => {
  const signer = await signerFromNoteKey(generateNoteKey('prop').skey);
  const bodies = new Map<EntryKind, Record<string, unknown>>();
  for (const kind of ENTRY_KINDS) bodies.set(kind, await fullBody(kind));
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ENTRY_KINDS),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      async (kind, picks) => {
        const body = structuredClone(bodies.get(kind)!);
        const keys = Object.keys(body);
        const dropped = [...new Set(picks.map((p) => keys[p % keys.length]!))];
        for (const k of dropped) delete body[k];
        const bytes = await signRaw(signer, kind, body);
        try {
          const envelope = parseEntry(bytes);
          // Accepted: the body every reader sees is exactly the signed one.
          assert.deepEqual(envelope.body, body);
        } catch (e) {
          assert.ok(e instanceof CoreError, `a ${kind} without ${dropped} threw ${String(e)}`);
          assert.equal(e.code, 'schema');
          assert.ok(
            dropped.some((k) => e.message.includes(`body.${k}`)),
            `the refusal names a dropped field (${dropped.join(', ')}): ${e.message}`,
          );
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('every kind: an unknown key in the body or the envelope is refused naming the key', async () => {
  const signer = await signerFromNoteKey(generateNoteKey('strict').skey);
  for (const kind of ENTRY_KINDS) {
    const body = { ...(await fullBody(kind)), padding: 'x'.repeat(1000) };
    const bytes = await signRaw(signer, kind, body);
    assert.throws(
      () => parseEntry(bytes),
      (e: unknown) => e instanceof CoreError && e.code === 'schema' && /padding/.test(e.message),
      `${kind} with an unknown key`,
    );
  }
  const ok = await signRaw(signer, 'release', await fullBody('release'));
  const extra = JSON.parse(new TextDecoder().decode(ok)) as Record<string, unknown>;
  assert.throws(
    () => parseEntry(canonicalBytes({ ...extra, note: 'hidden' })),
    (e: unknown) => e instanceof CoreError && e.code === 'schema' && /note/.test(e.message),
  );
});
