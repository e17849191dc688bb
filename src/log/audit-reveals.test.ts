// The whole-log audit checks every reveal against the commitment it names (audit-reveals.ts), on
// logs built below the workflow rules: a matching reveal passes; a reveal whose entry or salt does
// not hash to the commitment, that names no earlier commitment, or that discloses an entry signed
// by an unregistered key or with a broken signature fails with bad_reveal naming the indices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitmentDigest } from '../core/workflow/confidential.js';
import { AuditError } from './audit-errors.js';
import { auditLog } from './audit.js';
import type { LogSource } from './audit-source.js';
import { memorySource } from './memory-log.test-support.js';
import {
  buildTiles,
  committed,
  genesis,
  resignedBody,
  revealParties,
  revealLogKey,
  revealPolicy,
  sign,
} from './reveal-log.test-support.js';
import { signerFromNoteKey } from '../core/signing.js';

function source(entries: Uint8Array[]): LogSource {
  const { files, note } = buildTiles(entries);
  return memorySource(files, note);
}

async function badReveal(entries: Uint8Array[], pattern: RegExp, workers = 0) {
  await assert.rejects(auditLog(source(entries), revealPolicy, { workers }), (err: unknown) => {
    assert.ok(err instanceof AuditError, `an AuditError, got ${String(err)}`);
    assert.equal(err.code, 'bad_reveal', err.message);
    assert.match(err.message, pattern);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

test('a reveal that matches its commitment passes, with a registered signer', async () => {
  const p = await revealParties();
  const c = await committed(p);
  const reveal = await sign(p.pk, 'reveal', c.reveal);
  const entries = [...(await genesis(p)), c.commitment.bytes, reveal.bytes];
  const { report } = await auditLog(source(entries), revealPolicy);
  assert.equal(report.size, 5);
  assert.equal(report.envelopes?.kinds.reveal, 1);
});

test('a reveal of another entry than the one committed fails, naming both indices', async () => {
  const p = await revealParties();
  const c = await committed(p);
  const other = await sign(p.pk, 'report', { ...c.inner.envelope.body, title: 'Swapped' });
  const lie = await sign(p.pk, 'reveal', {
    ...c.reveal,
    entry: new TextDecoder().decode(other.bytes),
  });
  const entries = [...(await genesis(p)), c.commitment.bytes, lie.bytes];
  await badReveal(
    entries,
    /^couldn't verify the reveal at entry 4: its salt and entry do not hash to the digest of the commitment at entry 3 \([0-9a-f]{64}\)$/,
  );
  // The same with the envelope checks in worker threads (the reveal check runs on the main thread).
  await badReveal(entries, /reveal at entry 4: .* commitment at entry 3/, 2);
});

test('a reveal with another salt fails', async () => {
  const p = await revealParties();
  const c = await committed(p);
  const salt = Buffer.from(c.salt.map((b) => b ^ 1)).toString('base64');
  const lie = await sign(p.pk, 'reveal', { ...c.reveal, salt });
  await badReveal(
    [...(await genesis(p)), c.commitment.bytes, lie.bytes],
    /reveal at entry 4: .* commitment at entry 3/,
  );
});

test('a reveal must name an earlier commitment of the log', async () => {
  const p = await revealParties();
  const c = await committed(p);
  const early = await sign(p.pk, 'reveal', c.reveal);
  // Revealed before it is committed: the commitment that follows does not make it right.
  await badReveal(
    [...(await genesis(p)), early.bytes, c.commitment.bytes],
    new RegExp(
      `reveal at entry 3: it names commitment ${c.commitment.envelope.id}, which no earlier`,
    ),
  );
  // A report's id is not a commitment.
  const report = await sign(p.pk, 'report', c.inner.envelope.body);
  const wrong = await sign(p.pk, 'reveal', { ...c.reveal, commitment: report.envelope.id });
  await badReveal(
    [...(await genesis(p)), c.commitment.bytes, report.bytes, wrong.bytes],
    /reveal at entry 5: it names commitment/,
  );
});

test('the revealed entry must be signed by a key the log registered, and verify', async () => {
  const p = await revealParties();
  // Committed honestly to an entry a stranger signed: the digest matches, the signer does not.
  const s = await committed(p, p.stranger);
  const revealS = await sign(p.pk, 'reveal', s.reveal);
  await badReveal(
    [...(await genesis(p)), s.commitment.bytes, revealS.bytes],
    /reveal at entry 4: the entry it reveals \(committed at entry 3\) is signed by .*never registered/,
  );
  // Committed to an entry whose body was changed after signing: digest matches, signature fails.
  const c = await committed(p);
  const forged = resignedBody(c.inner.envelope);
  const commitment = await sign(p.pk, 'commitment', {
    digest: commitmentDigest(c.salt, forged),
    side: 'PK',
  });
  const reveal = await sign(p.pk, 'reveal', {
    commitment: commitment.envelope.id,
    salt: c.reveal.salt,
    entry: new TextDecoder().decode(forged),
  });
  await badReveal(
    [...(await genesis(p)), commitment.bytes, reveal.bytes],
    /reveal at entry 4: the signature of the entry it reveals \(committed at entry 3\) does not verify/,
  );
});

test('a reveal of a log-signed sealed commitment must match its clear kind, author and id', async () => {
  const p = await revealParties();
  const logKey = await signerFromNoteKey(revealLogKey.skey);
  const c = await committed(p);
  const body = c.commitment.envelope.body as { digest: string; side: string };
  const clear = { kind: 'report', author: p.pk.author, record: c.inner.envelope.id };
  const honest = await sign(logKey, 'commitment', { ...body, sealed: clear });
  const ok = await sign(logKey, 'reveal', { ...c.reveal, commitment: honest.envelope.id });
  const { report } = await auditLog(
    source([...(await genesis(p)), honest.bytes, ok.bytes]),
    revealPolicy,
  );
  assert.equal(report.envelopes?.kinds.reveal, 1);
  // Same digest, but the clear fields claim another kind: what the public was told was false.
  const lying = await sign(logKey, 'commitment', { ...body, sealed: { ...clear, kind: 'task' } });
  const reveal = await sign(logKey, 'reveal', { ...c.reveal, commitment: lying.envelope.id });
  await badReveal(
    [...(await genesis(p)), lying.bytes, reveal.bytes],
    /^couldn't verify the reveal at entry 4: the entry it reveals is a report, the commitment at entry 3 says task$/,
  );
  // Only the key that sealed opens: a party's reveal of the log's commitment is refused.
  const byParty = await sign(p.pk, 'reveal', { ...c.reveal, commitment: honest.envelope.id });
  await badReveal(
    [...(await genesis(p)), honest.bytes, byParty.bytes],
    /reveal at entry 4: it opens the sealed commitment at entry 3, signed by .*, but is signed by pk-liaison/,
  );
});

test('the log key signs only sealing commitments and reveals; only the log key seals', async () => {
  const p = await revealParties();
  const logKey = await signerFromNoteKey(revealLogKey.skey);
  const c = await committed(p);
  const body = c.commitment.envelope.body as { digest: string; side: string };
  const clear = { kind: 'report', author: p.pk.author, record: c.inner.envelope.id };
  // A registered user's commitment claiming to seal an entry is not the log's.
  const byAdmin = await sign(p.admin, 'commitment', { ...body, sealed: clear });
  await assert.rejects(
    auditLog(source([...(await genesis(p)), byAdmin.bytes]), revealPolicy),
    /entry 3: it is a commitment naming a sealed entry, signed by admin.*only the log's own key seals entries/,
  );
  // The log key signing anything else (here a report) is not accepted as an author.
  const report = await sign(logKey, 'report', { ...c.inner.envelope.body });
  await assert.rejects(
    auditLog(source([...(await genesis(p)), report.bytes]), revealPolicy),
    /entry 3: it is a report signed by the log's own key, which signs only the commitments of sealed entries and their reveals/,
  );
});

test('reveals are checked against commitments the bounded index has moved to disk', async () => {
  const p = await revealParties();
  const cs = [];
  for (let i = 0; i < 6; i++) cs.push(await committed(p));
  const g = await genesis(p);
  const first = cs[0]!;
  const good = await sign(p.pk, 'reveal', first.reveal);
  const other = await sign(p.pk, 'report', { ...first.inner.envelope.body, title: 'Swapped' });
  const lie = await sign(p.pk, 'reveal', {
    ...first.reveal,
    entry: new TextDecoder().decode(other.bytes),
  });
  const logged = [...g, ...cs.map((c) => c.commitment.bytes)];
  // Two commitments in memory: the first of six has gone to the SQLite index by the reveal.
  const ids = { memoryIds: 2, cacheKiB: 16 };
  const { report } = await auditLog(source([...logged, good.bytes]), revealPolicy, { ids });
  assert.equal(report.envelopes?.kinds.reveal, 1);
  assert.equal(report.envelopes?.kinds.commitment, 6);
  await assert.rejects(
    auditLog(source([...logged, lie.bytes]), revealPolicy, { ids }),
    (err: unknown) =>
      err instanceof AuditError &&
      err.code === 'bad_reveal' &&
      err.message.includes(`commitment at entry ${g.length}`),
  );
});
