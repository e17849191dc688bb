// Test support: a store of either kind for a suite — SQLite in a temporary directory, or a fresh
// PostgreSQL database on the local server — with the cleanup that closes and removes it. On
// PostgreSQL the answer is the skip reason when the server is unreachable outside CI (in CI that
// throws: the PostgreSQL suites must run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from './postgres.js';
import { withFreshDatabase } from './postgres.test-support.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type TestStoreKind = 'sqlite' | 'postgres';

export interface TestStore {
  store: Store;
  cleanup(): Promise<void>;
}

export async function openTestStore(kind: TestStoreKind): Promise<TestStore | string> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'truceline-store-'));
    const store = await openSqliteStore(join(dir, 'test.db'));
    return {
      store,
      async cleanup() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const fresh = await withFreshDatabase();
  if (typeof fresh === 'string') return fresh;
  const store = await openPostgresStore(fresh.url);
  return {
    store,
    async cleanup() {
      await store.close();
      await fresh.drop();
    },
  };
}
