import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './test-stores.test-support.js';
import { sql } from 'kysely';
import { StoreError } from './errors.js';
import { openSqliteStore } from './sqlite.js';
import { storeConformance } from './store.test-suite.js';

storeConformance('sqlite', () => openTestStore('sqlite'));

test('sqlite: an unusable location is a clear error', async () => {
  // A regular file where a directory should be: refused even for root, unlike permission bits.
  const dir = mkdtempSync(join(tmpdir(), 'truceline-sqlite-'));
  writeFileSync(join(dir, 'file'), '');
  try {
    await assert.rejects(
      openSqliteStore(join(dir, 'file', 'sub', 'test.db')),
      (e: unknown) =>
        e instanceof StoreError && e.code === 'unavailable' && /--data/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite: WAL and synchronous=FULL are set', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-sqlite-'));
  const store = await openSqliteStore(join(dir, 'wal.db'));
  try {
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    assert.equal(rows[0]?.journal_mode, 'wal');
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    assert.equal(sync.rows[0]?.synchronous, 2, 'FULL is 2');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
