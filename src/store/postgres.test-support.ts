// Test support: a fresh PostgreSQL database per suite on the local server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function adminUrl(): string {
  return process.env.TRUCELINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** Creates a database; returns its URL and a drop function, or a skip reason outside CI. */
export async function withFreshDatabase(): Promise<
  { url: string; drop(): Promise<void> } | string
> {
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    const reason = `PostgreSQL unreachable at ${adminUrl()}: ${(err as Error).message}`;
    if (process.env.CI === 'true')
      throw new Error(`${reason} (CI=true: the PostgreSQL suite must run)`);
    console.log(`# skipping PostgreSQL tests: ${reason}`);
    return reason;
  }
  const name = `truceline_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      // Give connections closing in the background a moment before forcing them out.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
