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
  // The server can close a connection at any time (restart, failover, pg_terminate_backend). pg
  // reports it as an 'error' event on the client, which crashes the process if nothing listens:
  // the pool listens only while the client is idle, and a client checked out between two queries
  // has no listener at all. So every client gets its own listener as it connects; a query in flight
  // still rejects with the error, and the pool drops the broken client on release and opens a new
  // one for the next query. (The pool re-emits an idle client's error; it is the same event.)
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      console.error(`truceline: PostgreSQL closed a connection: ${err.message}`);
    });
  });
  pool.on('error', () => {});
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
