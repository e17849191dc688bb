// GET /api/v1/missions/<slug>/keys on the demo story, on SQLite and PostgreSQL: it lists exactly
// the log's key entries (found by reading every entry bundle of the log), in log order, each with
// the index and fields the log holds; anonymous callers may read it; an unknown or malformed
// mission is refused naming it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntry } from '../../core/envelope.js';
import { canonicalize } from '../../core/canonical-json.js';
import {
  TILE_WIDTH,
  decodeEntryBundle,
  entryBundlePath,
  parseCheckpoint,
  parseNote,
  tileWidthAt,
} from '../../tlog/index.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { startDemoServer } from '../demo-server.test-support.js';
import type { KeyIndexItem } from './keys-index.js';

async function checkKeysIndex(base: string): Promise<void> {
  const slug = 'pak-afg';
  const res = await fetch(`${base}/api/v1/missions/${slug}/keys`);
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: KeyIndexItem[] };
  // Every key entry of the log, read from the tiles up to the listing's last index.
  const note = await (await fetch(`${base}/log/${slug}/checkpoint`)).text();
  const size = parseCheckpoint(parseNote(note).text).size;
  const inLog: KeyIndexItem[] = [];
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const w = tileWidthAt(0, n, size);
    const b = await fetch(`${base}/log/${slug}/${entryBundlePath(n, w)}`);
    assert.equal(b.status, 200);
    decodeEntryBundle(new Uint8Array(await b.arrayBuffer()), w).forEach((bytes, j) => {
      const e = parseEntry(bytes);
      if (e.kind === 'key')
        inLog.push({
          index: n * TILE_WIDTH + j,
          id: e.id,
          at: e.at,
          author: e.author,
          body: e.body,
        });
    });
  }
  assert.ok(inLog.length > 5, 'the demo registers its users’ keys');
  const listed = items.filter((i) => i.index < size);
  assert.deepEqual(
    listed.map((i) => canonicalize(i)),
    inLog.map((i) => canonicalize(i)),
    'the index lists exactly the log’s key entries, in log order, with their fields',
  );
  const bad = await fetch(`${base}/api/v1/missions/NOT_A_SLUG/keys`);
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /slug/);
  const none = await fetch(`${base}/api/v1/missions/no-such-mission/keys`);
  assert.equal(none.status, 404);
}

test('keys index (SQLite): exactly the log’s key entries', async () => {
  const demo = await startDemoServer('keys-index');
  try {
    await checkKeysIndex(demo.server.url);
  } finally {
    await demo.close();
  }
});

test('keys index (PostgreSQL): exactly the log’s key entries', async (t) => {
  const pg = await withFreshDatabase();
  if (typeof pg === 'string') return t.skip(pg);
  const demo = await startDemoServer('keys-index-pg', { db: pg.url });
  try {
    await checkKeysIndex(demo.server.url);
  } finally {
    await demo.close();
    await pg.drop();
  }
});
