// The embedded default store: one SQLite file through better-sqlite3@12, in WAL mode with
// synchronous=FULL so an acknowledged write survives a crash or power loss.
import { mkdirSync, accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { StoreError } from './errors.js';
import { cachingStatements } from './sqlite-statement-cache.js';
import type { Database } from './schema.js';
import { Store } from './store.js';

export async function openSqliteStore(path: string): Promise<Store> {
  let sqlite: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      accessSync(dirname(path), constants.W_OK);
    }
    sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (cause) {
    throw new StoreError(
      'unavailable',
      `couldn't open SQLite database ${path}: ${(cause as Error).message} (choose a writable --data directory)`,
      { cause },
    );
  }
  const store = new Store(
    new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) }),
    'sqlite',
  );
  await store.migrate();
  return store;
}
