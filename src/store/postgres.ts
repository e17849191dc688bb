// The production store: PostgreSQL through `pg`. Several stateless API processes may share it.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { Store } from './store.js';

const INT8_OID = 20;

// Entry indexes are bigint columns; they stay below 2^53, so they are read as JS numbers.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export async function openPostgresStore(
  url: string,
  options: { max?: number } = {},
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: 5000,
  });
  // An idle pooled connection can be closed by the server at any time (restart, failover,
  // pg_terminate_backend). pg reports that as a pool 'error' event, which would crash the process
  // without a listener; the pool drops that client and opens a new one on the next query.
  pool.on('error', (err) => {
    console.error(`truceline: PostgreSQL closed an idle connection: ${err.message}`);
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new StoreError(
      'unavailable',
      `couldn't connect to PostgreSQL at ${redact(url)}: ${(cause as Error).message} (is the server running and the URL right?)`,
      { cause },
    );
  }
  const store = new Store(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
  await store.migrate();
  return store;
}

/** The URL without its password, for error messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
