// The quorum-th smallest verified cosignature time of distinct policy witnesses: a lying witness
// alone cannot move it earlier, foreign and invalid cosignatures do not count, and below the quorum
// there is no log time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCheckpoint } from './checkpoint.js';
import { cosignCheckpoint } from './cosignature.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from './note-key.js';
import { quorumTimestamp } from './witness-time.js';

const text = formatCheckpoint({
  origin: 'example.org/log',
  size: 10,
  rootHash: new Uint8Array(32).fill(7),
  extensions: [],
});
const keys = ['w1', 'w2', 'w3', 'w4'].map((n) =>
  generateNoteKey(`witness.${n}`, { type: SIG_TYPE_COSIGNATURE_V1 }),
);
const policy = keys.slice(0, 3).map((k, i) => ({ name: `witness.w${i + 1}`, vkey: k.vkey }));

test('the quorum-th smallest timestamp of the policy witnesses', () => {
  const sigs = [
    cosignCheckpoint(text, keys[0]!.skey, 1_000),
    cosignCheckpoint(text, keys[1]!.skey, 1_030),
    cosignCheckpoint(text, keys[2]!.skey, 1_010),
  ];
  assert.equal(quorumTimestamp(text, sigs, policy, 1), 1_000);
  assert.equal(quorumTimestamp(text, sigs, policy, 2), 1_010);
  assert.equal(quorumTimestamp(text, sigs, policy, 3), 1_030);
});

test('one witness signing an early time cannot pull a 2-of-3 log time before an honest clock', () => {
  const honest = [
    cosignCheckpoint(text, keys[1]!.skey, 5_000),
    cosignCheckpoint(text, keys[2]!.skey, 5_002),
  ];
  const liar = cosignCheckpoint(text, keys[0]!.skey, 1);
  const t = quorumTimestamp(text, [liar, ...honest], policy, 2);
  assert.equal(t, 5_000, 'still an honest witness’s time');
});

test('foreign, invalid and repeated cosignatures do not make a quorum', () => {
  const own = cosignCheckpoint(text, keys[0]!.skey, 2_000);
  const foreign = cosignCheckpoint(text, keys[3]!.skey, 2_001); // not in the policy
  const other = formatCheckpoint({
    origin: 'example.org/log',
    size: 11,
    rootHash: new Uint8Array(32).fill(7),
    extensions: [],
  });
  const wrongText = cosignCheckpoint(other, keys[1]!.skey, 2_002); // over another checkpoint
  const again = cosignCheckpoint(text, keys[0]!.skey, 2_003); // the same witness twice
  assert.equal(quorumTimestamp(text, [own, foreign, wrongText, again], policy, 2), null);
  assert.equal(quorumTimestamp(text, [own, foreign, wrongText, again], policy, 1), 2_000);
  assert.equal(quorumTimestamp(text, [], policy, 1), null);
  assert.throws(() => quorumTimestamp(text, [own], policy, 0), /quorum 0/);
});
