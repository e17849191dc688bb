// Sealed entries through the sequencer (issue 9, finding 2), on both stores: the leaf is the
// log-signed commitment (it carries no byte of the sealed entry), the private half is stored in the
// very transaction of the leaf, and a batch that fails leaves neither; the salt and entry from the
// private store open the commitment (checkReveal); an entry whose reveal could not fit is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEntry, signEnvelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { exampleBody } from '../core/examples.js';
import { checkReveal } from '../core/sealing/reveal-check.js';
import { revealEntry, sealEntry } from '../core/sealing/seal.js';
import { signerFromNoteKey } from '../core/signing.js';
import type { NewEntry } from '../store/store.js';
import { logFixtureOn, startSequencer } from './fixtures.test-support.js';

const FAST = { batchIntervalMs: 5, checkpointIntervalMs: 20 };

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`sealed entries (${kind}): leaf and private half commit together, and open`, async (t) => {
    const f = await logFixtureOn(kind);
    if (typeof f === 'string') return t.skip(f);
    try {
      const logSigner = await signerFromNoteKey(f.logKey.skey);
      const report = await signEnvelope(
        {
          mission: 'pak-afg',
          kind: 'report',
          body: exampleBody('report') as Record<string, unknown>,
        },
        f.signer,
      );
      const sealed = await sealEntry(report, 'PK', logSigner);
      const leaf: NewEntry = {
        id: sealed.commitment.envelope.id,
        kind: 'commitment',
        author: logSigner.author,
        at: sealed.commitment.envelope.at,
        bytes: sealed.commitment.bytes,
        sealed: {
          record: report.envelope.id,
          kind: 'report',
          author: report.envelope.author,
          side: 'PK',
          salt: sealed.salt,
          entry: report.bytes,
        },
      };
      const seq = await startSequencer(f, FAST);
      const index = await seq.append(leaf);
      await seq.stop();

      // The public leaf: a commitment with the clear fields, and none of the report's text.
      const stored = await f.store.getEntry('pak-afg', index);
      const text = new TextDecoder().decode(stored!.bytes);
      const env = parseEntry(stored!.bytes);
      assert.equal(env.kind, 'commitment');
      assert.deepEqual((env.body as { sealed: unknown }).sealed, {
        kind: 'report',
        author: f.author,
        record: report.envelope.id,
      });
      const title = (report.envelope.body as { title: string }).title;
      assert.ok(!text.includes(title), 'the leaf does not carry the report title');
      assert.ok(!text.includes(report.envelope.sig), 'nor its signature');

      // The private half, at the commitment's index, opens it.
      const priv = await f.store.getSealed('pak-afg', report.envelope.id);
      assert.ok(priv);
      assert.equal(priv.idx, index);
      assert.equal(priv.commitment, env.id);
      assert.deepEqual(priv.entry, report.bytes);
      const reveal = await revealEntry('pak-afg', env.id, priv.salt, priv.entry, logSigner);
      const checked = checkReveal(env, reveal.envelope.body as never);
      assert.equal(checked.ok, true, checked.ok ? '' : checked.why);

      // A batch whose store transaction fails (its leaf id is already in the log) keeps no
      // private half: the same commit point.
      const seq2 = await startSequencer(f, FAST);
      const again = { ...leaf, sealed: { ...leaf.sealed!, record: 'another-record' } };
      await assert.rejects(seq2.append(again), /already in the log/);
      await seq2.stop();
      assert.equal(await f.store.getSealed('pak-afg', 'another-record'), undefined);
      assert.equal((await f.store.listSealed('pak-afg')).length, 1);
    } finally {
      await f.close();
    }
  });
}

test('an entry whose reveal would not fit an entry bundle is refused when sealed, naming the limit', async () => {
  const f = await logFixtureOn('sqlite');
  if (typeof f === 'string') return;
  try {
    const logSigner = await signerFromNoteKey(f.logKey.skey);
    // Quotes double under each JSON escaping: 20,000 in the description (its schema limit) make
    // an entry of about 40 KB, under the limit, and a reveal of about 80 KB, over it.
    const body = {
      ...(exampleBody('report') as Record<string, unknown>),
      description: '"'.repeat(20000),
    };
    const report = await signEnvelope({ mission: 'pak-afg', kind: 'report', body }, f.signer);
    assert.ok(report.bytes.length < 65535);
    await assert.rejects(sealEntry(report, 'PK', logSigner), (err: unknown) => {
      assert.ok(err instanceof CoreError && err.code === 'too_large');
      assert.match(
        err.message,
        /its reveal would be \d+ bytes, over 65535 \(the entry bundle limit\)/,
      );
      return true;
    });
  } finally {
    await f.close();
  }
});
