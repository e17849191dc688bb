// Sequencer.onIntegrated: listeners hear every durable batch once, in index order; a throwing
// listener harms no one; unsubscribing stops the calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntegratedEntry } from './sequencer.js';
import { entry, logFixture, startSequencer } from './fixtures.test-support.js';

test('sequencer: integration listeners', async () => {
  const f = await logFixture();
  try {
    const seq = await startSequencer(f, {
      batchIntervalMs: 5,
      checkpointIntervalMs: 10,
    });
    const heard: IntegratedEntry[] = [];
    seq.onIntegrated(() => {
      throw new Error('a broken listener');
    });
    const off = seq.onIntegrated((mission, batch) => {
      assert.equal(mission, 'pak-afg');
      heard.push(...batch);
    });
    const entries = await Promise.all([1, 2, 3].map(() => entry(f.signer)));
    const indexes = await Promise.all(entries.map((e) => seq.append(e)));
    assert.deepEqual(
      heard.map((h) => h.index),
      indexes.slice().sort((a, b) => a - b),
    );
    assert.deepEqual(heard.map((h) => h.entry.id).sort(), entries.map((e) => e.id).sort());
    off();
    await seq.append(await entry(f.signer));
    assert.equal(heard.length, 3);
    await seq.stop();
  } finally {
    await f.close();
  }
});
