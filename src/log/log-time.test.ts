// Log time from real witnesses over HTTP, on both stores: the sequencer stores, with each cosigned
// checkpoint, the quorum-th smallest witness timestamp (a witness with a clock far behind does not
// pull it earlier), an entry's log time is that of the first checkpoint covering it, and after a
// restart the times of checkpoints stored without one are recomputed from their notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import {
  ORIGIN,
  entry,
  logFixtureOn,
  startSequencer,
  type LogFixture,
} from './fixtures.test-support.js';
import { Witness } from './witness.js';
import { serveWitness, type RunningWitness } from './witness-server.js';

async function witnessAt(f: LogFixture, name: string, seconds: number) {
  const key = generateNoteKey(name, { type: SIG_TYPE_COSIGNATURE_V1 });
  const witness = new Witness({
    skey: key.skey,
    logs: [{ origin: ORIGIN, vkeys: [f.logKey.vkey] }],
    statePath: join(f.dir, `${name}.state.json`),
    now: () => seconds,
  });
  const running: RunningWitness = await serveWitness(witness, { host: '127.0.0.1', port: 0 });
  return { running, endpoint: { name, vkey: key.vkey, url: running.url } };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`log time is the witness quorum's time, stored and recomputed: ${kind}`, async (t) => {
    const f = await logFixtureOn(kind);
    if (typeof f === 'string') return t.skip(f);
    const ws = [
      await witnessAt(f, 'witness.a', 1_800_000_000),
      await witnessAt(f, 'witness.liar', 1), // a clock (or a lie) far in the past
      await witnessAt(f, 'witness.c', 1_800_000_060),
    ];
    try {
      const options = {
        witnesses: ws.map((w) => w.endpoint),
        witnessQuorum: 2,
        batchIntervalMs: 5,
        checkpointIntervalMs: 10,
      };
      let seq = await startSequencer(f, options);
      const index = await seq.append(await entry(f.signer));
      await seq.checkpointCovering(index);
      const want = new Date(1_800_000_000 * 1000).toISOString();
      assert.equal((await f.store.loggedAt('pak-afg', [index])).get(index), want);
      await seq.stop();
      // Times lost (e.g. checkpoints stored before log times existed): recomputed at start.
      await f.store.db.deleteFrom('log_times').execute();
      assert.equal((await f.store.loggedAt('pak-afg', [index])).size, 0);
      seq = await startSequencer(f, options);
      assert.equal((await f.store.loggedAt('pak-afg', [index])).get(index), want);
      await seq.stop();
      // A quorum of 3: the third smallest timestamp.
      const strict = await startSequencer(f, { ...options, witnessQuorum: 3 });
      const later = await strict.append(await entry(f.signer));
      await strict.checkpointCovering(later);
      assert.equal(
        (await f.store.loggedAt('pak-afg', [later])).get(later),
        new Date(1_800_000_060 * 1000).toISOString(),
      );
      await strict.stop();
    } finally {
      for (const w of ws) await w.running.close();
      await f.close();
    }
  });
}
