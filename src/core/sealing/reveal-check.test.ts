// The pure reveal check: a matching reveal opens its commitment; a wrong salt, a changed entry, another
// mission, or an entry whose kind, author or id differs from a sealed commitment's clear fields do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { signEnvelope, type Envelope } from '../envelope.js';
import { exampleBody } from '../examples.js';
import { signerFromNoteKey, type Signer } from '../signing.js';
import { commitmentDigest } from '../workflow/confidential.js';
import { base64Encode } from '../../tlog/bytes.js';
import { generateNoteKey } from '../../tlog/note-key.js';
import { checkReveal } from './reveal-check.js';

const key = (name: string) => signerFromNoteKey(generateNoteKey(name).skey);
const sign = (s: Signer, kind: Envelope['kind'], body: unknown, mission = 'pak-afg') =>
  signEnvelope({ mission, kind, body: body as Record<string, unknown> }, s);

async function sealed(overrides: Partial<{ kind: string; author: string; record: string }> = {}) {
  const log = await key('example.org/pak-afg');
  const pk = await key('pk-liaison.pak-afg');
  const inner = await sign(pk, 'report', exampleBody('report'));
  const salt = new Uint8Array(randomBytes(32));
  const commitment = await sign(log, 'commitment', {
    digest: commitmentDigest(salt, inner.bytes),
    side: 'PK',
    sealed: { kind: 'report', author: pk.author, record: inner.envelope.id, ...overrides },
  });
  const reveal = {
    commitment: commitment.envelope.id,
    salt: base64Encode(salt),
    entry: new TextDecoder().decode(inner.bytes),
  };
  return { pk, inner, salt, commitment, reveal };
}

test('a reveal of the committed entry matches, and hands back the entry', async () => {
  const s = await sealed();
  const r = checkReveal(s.commitment.envelope, s.reveal);
  assert.equal(r.ok, true);
  assert.equal(r.ok && r.entry.id, s.inner.envelope.id);
});

test('a wrong salt or a changed entry does not match the digest', async () => {
  const s = await sealed();
  const salt = base64Encode(new Uint8Array(randomBytes(32)));
  const a = checkReveal(s.commitment.envelope, { ...s.reveal, salt });
  assert.equal(a.ok, false);
  assert.match(!a.ok ? a.why : '', /do not hash to the digest of the commitment \(/);
  const b = checkReveal(s.commitment.envelope, { ...s.reveal, entry: s.reveal.entry + ' ' });
  assert.equal(b.ok, false);
});

test('clear fields must match: kind, author and record id', async () => {
  for (const [field, value, pattern] of [
    ['kind', 'finding', /is a report, the commitment says finding/],
    ['author', 'someone+0000abcd', /the commitment says someone\+0000abcd/],
    ['record', '0190f0a0-0000-7000-8000-000000000000', /the commitment says 0190f0a0/],
  ] as const) {
    const s = await sealed({ [field]: value });
    const r = checkReveal(s.commitment.envelope, s.reveal);
    assert.equal(r.ok, false, field);
    assert.match(!r.ok ? r.why : '', pattern);
  }
});

test('a reveal naming another commitment, or of another mission, is refused', async () => {
  const s = await sealed();
  const other = await sealed();
  const r = checkReveal(other.commitment.envelope, s.reveal);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.why : '', /not /);
  // Same digest formula, but the committed entry belongs to another mission.
  const foreign = await sign(s.pk, 'report', exampleBody('report'), 'other-mission');
  const salt = new Uint8Array(randomBytes(32));
  const log = await key('example.org/pak-afg');
  const c = await sign(log, 'commitment', {
    digest: commitmentDigest(salt, foreign.bytes),
    side: 'PK',
  });
  const x = checkReveal(c.envelope, {
    commitment: c.envelope.id,
    salt: base64Encode(salt),
    entry: new TextDecoder().decode(foreign.bytes),
  });
  assert.equal(x.ok, false);
  assert.match(!x.ok ? x.why : '', /belongs to mission other-mission/);
});
