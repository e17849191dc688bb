import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckpoint } from '../tlog/checkpoint.js';
import { verifyConsistency, verifyInclusion } from '../tlog/merkle.js';
import { parseNote } from '../tlog/note.js';
import { parsePolicy, verifyCheckpointWithPolicy } from '../tlog/policy.js';
import { createServer } from 'node:http';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import { LogError } from './errors.js';
import { nodeHasher } from './hasher.js';
import {
  entry,
  logFixtureOn,
  startSequencer,
  ORIGIN,
  startWitness,
  type LogFixture,
  type StoreKind,
} from './fixtures.test-support.js';

const FAST = { batchIntervalMs: 5, checkpointIntervalMs: 20, witnessTimeoutMs: 1000 };

function policyText(logVkey: string, witnesses: { name: string; vkey: string }[], k: number) {
  return [
    `log ${logVkey}`,
    ...witnesses.map((w) => `witness ${w.name} ${w.vkey}`),
    `group all-witnesses ${k} ${witnesses.map((w) => w.name).join(' ')}`,
    'quorum all-witnesses',
    '',
  ].join('\n');
}

// Every test runs on both stores: the sequencer's durability and locking differ underneath
// (SQLite WAL + synchronous=FULL and an in-process lock; PostgreSQL transactions and an advisory
// lock on a dedicated connection).
async function fixtureOn(t: TestContext, kind: StoreKind): Promise<LogFixture | undefined> {
  const f = await logFixtureOn(kind);
  if (typeof f === 'string') {
    t.skip(f);
    return undefined;
  }
  return f;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`sequencer (${kind}): dense indexes, tiles, cosigned checkpoints, a down witness is a visible shortfall, restart`, async (t) => {
    const f = await fixtureOn(t, kind);
    if (!f) return;
    const w1 = await startWitness(f.dir, 'w1.example', f.logKey.vkey);
    const w2 = await startWitness(f.dir, 'w2.example', f.logKey.vkey);
    const down = await startWitness(f.dir, 'w3.example', f.logKey.vkey);
    await down.running.close();
    const witnesses = [w1, w2, down].map((w) => ({
      name: w.witness.name,
      vkey: w.vkey,
      url: w.running.url,
    }));
    const policy = parsePolicy(policyText(f.logKey.vkey, witnesses, 2));
    try {
      let seq = await startSequencer(f, {
        witnesses,
        witnessQuorum: 2,
        ...FAST,
      });
      const entries = await Promise.all(Array.from({ length: 600 }, () => entry(f.signer)));
      const indexes = await Promise.all(entries.map((e) => seq.append(e)));
      assert.deepEqual(
        [...indexes].sort((a, b) => a - b),
        Array.from({ length: 600 }, (_, i) => i),
      );
      const cp1 = await seq.checkpointCovering(599);
      const v1 = verifyCheckpointWithPolicy(cp1.note, policy);
      assert.equal(v1.checkpoint.size, 600);
      assert.deepEqual(v1.cosigners.map((c) => c.name).sort(), ['w1.example', 'w2.example']);
      const status = seq.status();
      assert.equal(status.quorumMet, true);
      assert.deepEqual(status.shortfall, ['w3.example']);
      assert.match(
        status.witnesses.find((w) => w.name === 'w3.example')!.lastError ?? '',
        /fetch failed|ECONNREFUSED/,
      );
      // Every entry is at its index and included under the published root.
      for (const i of [0, 255, 256, 599]) {
        const stored = await f.store.getEntry('pak-afg', i);
        assert.deepEqual(stored?.bytes, entries[indexes.indexOf(i)]!.bytes);
        const proof = await seq.reader.inclusionProof(i, 600);
        verifyInclusion(
          i,
          600,
          nodeHasher.hashLeaf(stored!.bytes),
          proof,
          v1.checkpoint.rootHash,
          nodeHasher,
        );
      }
      await seq.stop();
      // Restart: same tree, growing consistently; the witnesses accept the continuation.
      seq = await startSequencer(f, {
        witnesses,
        witnessQuorum: 2,
        ...FAST,
      });
      assert.equal(seq.size, 600);
      const more = await Promise.all(Array.from({ length: 10 }, () => entry(f.signer)));
      const idx2 = await Promise.all(more.map((e) => seq.append(e)));
      assert.deepEqual(
        idx2.sort((a, b) => a - b),
        Array.from({ length: 10 }, (_, i) => 600 + i),
      );
      const cp2 = await seq.checkpointCovering(609);
      const v2 = verifyCheckpointWithPolicy(cp2.note, policy);
      verifyConsistency(
        600,
        610,
        await seq.reader.consistencyProof(600, 610),
        v1.checkpoint.rootHash,
        v2.checkpoint.rootHash,
        nodeHasher,
      );
      assert.equal(w1.witness.sizeOf(ORIGIN), 610);
      // Every stored checkpoint is consistent with the last one.
      for (const c of await f.store.listCheckpoints('pak-afg')) {
        const cp = parseCheckpoint(parseNote(c.note).text);
        if (cp.size === 0) continue;
        verifyConsistency(
          cp.size,
          610,
          await seq.reader.consistencyProof(cp.size, 610),
          cp.rootHash,
          v2.checkpoint.rootHash,
          nodeHasher,
        );
      }
      // A second sequencer for the same log is refused while the first runs.
      await assert.rejects(
        startSequencer(f, {}),
        (e: unknown) => e instanceof LogError && e.code === 'unavailable',
      );
      await seq.stop();
    } finally {
      await w1.running.close();
      await w2.running.close();
      await f.close();
    }
  });

  test(`sequencer (${kind}): a lying or garbage-speaking witness never stops the log`, async (t) => {
    const f = await fixtureOn(t, kind);
    if (!f) return;
    const honest = await startWitness(f.dir, 'honest.example', f.logKey.vkey);
    const liar = await startWitness(f.dir, 'liar.example', f.logKey.vkey);
    // A server answering 200 with another key's valid-looking cosignature line for the liar's name.
    const other = await startWitness(f.dir, 'liar.example', f.logKey.vkey);
    await liar.running.close();
    const garbageKey = generateNoteKey('garbage.example', { type: SIG_TYPE_COSIGNATURE_V1 });
    const garbage = createServer((_req, res) => {
      res.writeHead(200);
      res.end('not a signature\n');
    });
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
    const gport = (garbage.address() as { port: number }).port;
    const witnesses = [
      { name: 'honest.example', vkey: honest.vkey, url: honest.running.url },
      { name: 'liar.example', vkey: liar.vkey, url: other.running.url },
      {
        name: 'garbage.example',
        vkey: garbageKey.vkey,
        url: `http://127.0.0.1:${gport}`,
      },
    ];
    try {
      const seq = await startSequencer(f, {
        witnesses,
        witnessQuorum: 2,
        ...FAST,
      });
      const e = await entry(f.signer);
      const i = await seq.append(e);
      const cp = await seq.checkpointCovering(i);
      assert.deepEqual(cp.cosigners, ['honest.example']);
      const st = seq.status();
      assert.equal(st.quorumMet, false);
      assert.deepEqual(st.shortfall.sort(), ['garbage.example', 'liar.example']);
      assert.match(st.witnesses[1]!.lastError ?? '', /invalid cosignature|without a cosignature/);
      assert.match(st.witnesses[2]!.lastError ?? '', /signature/);
      await seq.stop();
    } finally {
      garbage.close();
      await honest.running.close();
      await other.running.close();
      await f.close();
    }
  });

  test(`sequencer (${kind}): a full queue pushes back with overloaded; duplicates in flight are refused`, async (t) => {
    const f = await fixtureOn(t, kind);
    if (!f) return;
    try {
      const seq = await startSequencer(f, {
        maxQueue: 3,
        batchSize: 100,
        batchIntervalMs: 30,
        checkpointIntervalMs: 10,
      });
      const es = await Promise.all(Array.from({ length: 4 }, () => entry(f.signer)));
      const first = es.slice(0, 3).map((e) => seq.append(e));
      await assert.rejects(
        seq.append(es[3]!),
        (e: unknown) => e instanceof LogError && e.code === 'overloaded',
      );
      await assert.rejects(
        seq.append(es[0]!),
        (e: unknown) =>
          e instanceof LogError && (e.code === 'duplicate' || e.code === 'overloaded'),
      );
      assert.deepEqual((await Promise.all(first)).sort(), [0, 1, 2]);
      assert.equal(await seq.append(es[3]!), 3);
      await seq.stop();
      assert.equal((await f.store.latestCheckpoint('pak-afg'))?.size, 4);
    } finally {
      await f.close();
    }
  });

  test(`sequencer (${kind}): entries stored without tiles (provisioning) are integrated at start`, async (t) => {
    const f = await fixtureOn(t, kind);
    if (!f) return;
    try {
      const es = await Promise.all(Array.from({ length: 5 }, () => entry(f.signer)));
      await f.store.appendEntries('pak-afg', es, new Date().toISOString());
      const seq = await startSequencer(f, {
        ...FAST,
      });
      assert.equal(seq.size, 5);
      const cp = await seq.checkpointCovering(4);
      assert.equal(parseCheckpoint(parseNote(cp.note).text).size, 5);
      await seq.stop();
    } finally {
      await f.close();
    }
  });

  test(`sequencer (${kind}): a batch timer that fires on an empty queue does not stall later appends`, async (t) => {
    const f = await fixtureOn(t, kind);
    if (!f) return;
    try {
      // A full batch flushes at once and leaves the first entry's timer pending; when that timer
      // fires, the queue is empty and the flush has nothing to do. Appends after that must still
      // be integrated (they used to wait forever).
      const seq = await startSequencer(f, {
        batchSize: 4,
        batchIntervalMs: 20,
        checkpointIntervalMs: 20,
      });
      const first = await Promise.all(Array.from({ length: 4 }, () => entry(f.signer)));
      await Promise.all(first.map((e) => seq.append(e)));
      await new Promise((r) => setTimeout(r, 60));
      const later = await entry(f.signer);
      const index = await Promise.race([
        seq.append(later),
        new Promise<string>((r) => setTimeout(() => r('stalled'), 5000).unref()),
      ]);
      assert.equal(index, seq.size - 1, `append after an idle timer: ${String(index)}`);
      await seq.stop();
    } finally {
      await f.close();
    }
  });
}
