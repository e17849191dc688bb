// Chooses a driver from the --db option: "sqlite" (the default, a file in the data directory),
// "sqlite:/path/file.db", or a postgres:// / postgresql:// URL.
import { join } from 'node:path';
import { StoreError } from './errors.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_SQLITE_FILE = 'truceline.db';

export async function openStore(db: string, dataDir: string): Promise<Store> {
  if (db === 'sqlite') return openSqliteStore(join(dataDir, DEFAULT_SQLITE_FILE));
  if (db.startsWith('sqlite:')) return openSqliteStore(db.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(db)) return openPostgresStore(db);
  throw new StoreError(
    'invalid',
    `couldn't open store "${db}": use sqlite, sqlite:PATH or postgres://…`,
  );
}
