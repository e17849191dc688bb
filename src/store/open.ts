// Chooses a driver from the --db option: "sqlite" (the default, a file in the data directory),
// "sqlite:/path/file.db", or a postgres:// / postgresql:// URL.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_SQLITE_FILE = 'truceline.db';

export async function openStore(db: string, dataDir: string): Promise<Store> {
  if (db === 'sqlite') {
    const file = join(dataDir, DEFAULT_SQLITE_FILE);
    const store = await openSqliteStore(file);
    ownerOnly(file);
    return store;
  }
  if (db.startsWith('sqlite:')) return openSqliteStore(db.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(db)) return openPostgresStore(db);
  throw new StoreError(
    'invalid',
    `couldn't open store "${db}": use sqlite, sqlite:PATH or postgres://…`,
  );
}

/**
 * The database holds confidential records and password hashes: owner-only (0600). SQLite gives the
 * -wal and -shm files the database file's permissions, so those follow once it is 0600.
 */
function ownerOnly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
