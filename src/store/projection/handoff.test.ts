// The parsed forms the submission pipeline hands to the read model are used only for the very
// bytes they were parsed from, once; anything else falls back to parsing the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEntry, signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { generateBrowserSigner } from '../../core/signing.js';
import { LeafHandoff } from './handoff.js';

test('a handed leaf is claimed once, for its own bytes only', async () => {
  const signer = await generateBrowserSigner('handoff-test');
  const a = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') as Record<string, unknown> },
    signer,
  );
  const b = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') as Record<string, unknown> },
    signer,
  );
  const h = new LeafHandoff();
  h.hand(a.envelope.id, { bytes: a.bytes, envelope: a.envelope });
  // Other bytes under the same id (two racing requests): not used, and gone.
  assert.equal(h.claim(a.envelope.id, b.bytes), undefined);
  assert.equal(h.size, 0);
  h.hand(a.envelope.id, { bytes: a.bytes, envelope: a.envelope });
  const got = h.claim(a.envelope.id, new Uint8Array(a.bytes)); // equal bytes, another buffer
  assert.deepEqual(got?.envelope, parseEntry(a.bytes), 'the parse of the stored bytes');
  assert.equal(h.claim(a.envelope.id, a.bytes), undefined, 'claimed once');
  h.hand(b.envelope.id, { bytes: b.bytes, envelope: b.envelope });
  h.drop(b.envelope.id);
  assert.equal(h.claim(b.envelope.id, b.bytes), undefined, 'dropped when the append failed');
});
