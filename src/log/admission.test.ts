// Admission of a batch gives every entry the verdict a single admission gives it, whether the
// batch is checked in worker threads or on the calling thread: bad signatures, unknown and revoked
// keys, wrong mission, schema, size, duplicates in the log and within the batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalBytes } from '../core/canonical-json.js';
import { newId } from '../core/ids.js';
import { signerFromNoteKey } from '../core/signing.js';
import { generateNoteKey } from '../tlog/note-key.js';
import { Admission, POOL_MIN_ENTRIES, type BatchVerdict } from './admission.js';
import { entry, logFixture } from './fixtures.test-support.js';
import { VerifyPool } from './verify-pool.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const codeOf = (v: BatchVerdict) => (v.ok ? 'ok' : (v.error as { code: string }).code);

test('batch admission: worker threads and the calling thread give the single verdicts', async () => {
  const f = await logFixture();
  const pool = new VerifyPool(2);
  try {
    // A second key of the same user, revoked; and a key nobody registered.
    const revokedKey = generateNoteKey('pk-liaison.pak-afg');
    const revoked = await signerFromNoteKey(revokedKey.skey);
    const user = await f.store.userByName('pk-liaison');
    await f.store.addKey({
      author: revoked.author,
      mission: 'pak-afg',
      userId: user!.id,
      vkey: revokedKey.vkey,
      createdAt: new Date().toISOString(),
    });
    await f.store.revokeKey(revoked.author, new Date().toISOString());
    const stranger = await signerFromNoteKey(generateNoteKey('stranger.pak-afg').skey);

    const good = await Promise.all(Array.from({ length: 80 }, () => entry(f.signer)));
    const inLog = await entry(f.signer);
    await f.store.appendEntries('pak-afg', [inLog], new Date().toISOString());
    const env = JSON.parse(text(good[0]!.bytes)) as Record<string, unknown>;
    const lines: Uint8Array[] = good.map((e) => e.bytes);
    const special: Array<[number, Uint8Array, string]> = [
      [3, canonicalBytes({ ...env, id: newId() }), 'bad_signature'],
      [10, (await entry(stranger)).bytes, 'unknown_key'],
      [17, (await entry(revoked)).bytes, 'revoked_key'],
      [25, canonicalBytes({ ...env, mission: 'other-mission' }), 'wrong_mission'],
      [33, canonicalBytes({ ...env, at: 'yesterday' }), 'schema'],
      [40, new Uint8Array(70_000).fill(0x20), 'too_large'],
      [47, inLog.bytes, 'duplicate'],
      [55, good[50]!.bytes, 'duplicate'], // the same entry again at 56: the later one is refused
      [60, new TextEncoder().encode('{"v":1, "x":2}'), 'schema'],
    ];
    for (const [at, bytes] of special) lines.splice(at, 0, bytes);
    const expected = lines.map(() => 'ok');
    for (const [at, , code] of special) expected[at] = code;
    // good[50] now sits after position 55: the copy at 55 comes first, so the later one is the duplicate.
    const later = lines.lastIndexOf(good[50]!.bytes);
    expected[55] = 'ok';
    expected[later] = 'duplicate';
    assert.ok(lines.length >= POOL_MIN_ENTRIES, 'large enough for the workers');

    for (const [name, admission] of [
      ['workers', new Admission(f.store, 'pak-afg', pool, () => true)],
      ['calling thread', new Admission(f.store, 'pak-afg', undefined)],
    ] as const) {
      // Twice: the first time the workers know no key yet (the calling thread verifies), the
      // second time they verify with the keys sent along.
      for (const round of [1, 2]) {
        const verdicts = await admission.checkBatch(lines);
        assert.deepEqual(verdicts.map(codeOf), expected, `${name}, round ${round}`);
        verdicts.forEach((v, i) => {
          if (v.ok) assert.deepEqual(v.admitted.entry.bytes, lines[i]);
        });
      }
    }
    // A pool whose workers are gone leaves the work to the calling thread: the same verdicts.
    const orphan = new Admission(f.store, 'pak-afg', pool, () => true);
    await pool.close();
    assert.deepEqual((await orphan.checkBatch(lines)).map(codeOf), expected, 'closed pool');
    // The single path agrees entry by entry (but for the in-batch duplicate, which it cannot see).
    const single = new Admission(f.store, 'pak-afg', undefined);
    for (let i = 0; i < lines.length; i++) {
      if (i === later) continue;
      const got = await single.admit(lines[i]!).then(
        () => 'ok',
        (err: { code: string }) => err.code,
      );
      assert.equal(got, expected[i], `single admission of line ${i}`);
    }
  } finally {
    await pool.close();
    await f.close();
  }
});
