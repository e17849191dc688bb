// Runs the conformance suite against a real PostgreSQL on 127.0.0.1:5432 in a fresh database that
// is dropped afterwards. With CI=true an unreachable server fails the run; elsewhere it skips.
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './test-stores.test-support.js';
import pg from 'pg';
import { StoreError } from './errors.js';
import { openPostgresStore } from './postgres.js';
import { storeConformance } from './store.test-suite.js';
import { adminUrl, withFreshDatabase } from './postgres.test-support.js';

storeConformance('postgres', () => openTestStore('postgres'));

test('postgres: an unreachable server is a clear error naming the URL without its password', async () => {
  await assert.rejects(
    openPostgresStore('postgres://u:secret@127.0.0.1:1/none'),
    (e: unknown) =>
      e instanceof StoreError &&
      e.code === 'unavailable' &&
      /127\.0\.0\.1:1/.test(e.message) &&
      !/secret/.test(e.message),
  );
});

test('postgres: the admin URL points at the local server', () => {
  assert.match(adminUrl(), /^postgres:\/\//);
  assert.ok(pg.Pool);
  assert.equal(randomBytes(4).length, 4);
});

test('postgres: a connection the server terminates does not crash the process', async (t) => {
  const fresh = await withFreshDatabase();
  if (typeof fresh === 'string') return t.skip(fresh);
  const store = await openPostgresStore(fresh.url, { max: 4 });
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  // Any 'error' event nobody listens for would surface here as an uncaught exception and fail the
  // test; the store must absorb the termination wherever it lands: on an idle pooled client, on a
  // query in flight, or on a client checked out between two queries.
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  process.on('uncaughtException', onUncaught);
  try {
    assert.equal(await store.entryCount('none'), 0);
    const name = new URL(fresh.url).pathname.slice(1);
    const terminate = () =>
      admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    for (let round = 0; round < 5; round++) {
      // Queries keep the pool's clients busy while the server kills them.
      let stop = false;
      const busy = Array.from({ length: 4 }, async () => {
        while (!stop) await store.entryCount('none').catch(() => undefined);
      });
      await new Promise((r) => setTimeout(r, 20));
      await terminate();
      await new Promise((r) => setTimeout(r, 20));
      stop = true;
      await Promise.all(busy);
    }
    await terminate();
    // The pool drops the dead clients and the next query runs on a new connection.
    let count: number | undefined;
    for (let i = 0; i < 20 && count === undefined; i++) {
      count = await store.entryCount('none').catch(() => undefined);
      if (count === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(count, 0);
    assert.deepEqual(uncaught, []);
  } finally {
    process.off('uncaughtException', onUncaught);
    await admin.end();
    await store.close();
    await fresh.drop();
  }
});
