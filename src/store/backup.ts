// Copying a store while the server serves it, and putting a copy back.
// SQLite: the online backup API (https://www.sqlite.org/backup.html) through better-sqlite3's
// `.backup()`, which copies pages in steps from its own connection, so writers in the serving
// process keep going (WAL mode) and the copy is one consistent snapshot.
// PostgreSQL: `pg_dump --format=custom` (one consistent snapshot, taken in a repeatable-read
// transaction: https://www.postgresql.org/docs/current/app-pgdump.html) and `pg_restore` into an
// empty database.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** Where the store lives, from the --db option: a SQLite file path or a PostgreSQL URL. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Copies a SQLite database file to `to` (which must not exist) with the online backup API. */
export async function backupSqlite(from: string, to: string): Promise<void> {
  if (!existsSync(from))
    throw new Error(`couldn't back up ${from}: no such database (check --data or --db)`);
  const db = new BetterSqlite3(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(to);
  } finally {
    db.close();
  }
  checkSqlite(to);
}

/** Throws unless the file is a SQLite database that passes `PRAGMA integrity_check`. */
export function checkSqlite(path: string): void {
  const db = new BetterSqlite3(path, { fileMustExist: true, readonly: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the SQLite copy ${path} is damaged: ${String(result)}`);
  } finally {
    db.close();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolveRun, rejectRun) => {
    let child;
    try {
      child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      rejectRun(err as Error);
      return;
    }
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', (err: NodeJS.ErrnoException) =>
      rejectRun(
        new Error(
          err.code === 'ENOENT'
            ? `couldn't run ${command}: it is not installed (install the PostgreSQL client tools, e.g. apt-get install postgresql-client)`
            : `couldn't run ${command}: ${err.message}`,
        ),
      ),
    );
    child.once('exit', (code) => {
      if (code === 0) resolveRun();
      else
        rejectRun(
          new Error(
            `${command} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
          ),
        );
    });
  });
}

/** Dumps a PostgreSQL database into one custom-format archive file. */
export async function backupPostgres(url: string, to: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', to, url]);
}

/** Restores a custom-format archive into `url`, which must hold no tables yet. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `couldn't connect to ${redactUrl(url)}: ${(err as Error).message} (create the empty database first: createdb NAME)`,
    );
  }
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    if ((rows[0]?.n ?? 0) > 0)
      throw new Error(
        `couldn't restore into ${redactUrl(url)}: the database already holds ${rows[0]!.n} tables (restore into a new, empty database)`,
      );
  } finally {
    await client.end();
  }
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    '--dbname',
    url,
    file,
  ]);
}

/** A PostgreSQL URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database';
  }
}
