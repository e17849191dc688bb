// Kysely's SQLite driver prepares every statement anew; better-sqlite3 statements are reusable, and
// preparing (parsing and planning the SQL) showed up as a few percent of the log's submission
// path. This wraps the database so the same SQL text reuses its prepared statement. A statement
// still being iterated (`busy`, a streamed query) is never handed out twice: a fresh one is
// prepared instead. Bounded, least recently used first out, because list queries with IN (…) of
// varying length produce many distinct texts.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 512;

export function cachingStatements(
  db: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Refresh its place in the LRU order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const fresh = db.prepare(sql);
      if (!cached) {
        cache.set(sql, fresh);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return fresh;
    },
  };
}
