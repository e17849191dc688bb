// `truceline backup` and `truceline restore` (issue 14 item 5) on both stores: a backup taken while
// the demo server serves and takes new entries, restored into a fresh data directory (and a fresh
// PostgreSQL database), served again, passes `truceline verify` against the checkpoint the
// witnesses cosigned before the backup, and keeps growing (its witnesses still cosign). A damaged
// backup and a non-empty target are refused with a one-line reason.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint } from '../src/tlog/checkpoint.js';
import { parseNote } from '../src/tlog/note.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { startServe } from './support/cli.js';
import { runCliAsync, submitReports } from './support/lying-log.js';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function lastJson(out: string): Record<string, unknown> {
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

function sizeOf(stateFile: string): number {
  return parseCheckpoint(parseNote(readFileSync(stateFile, 'utf8')).text).size;
}

async function roundTrip(kind: 'sqlite' | 'postgres', t: { skip(reason: string): void }) {
  const dir = mkdtempSync(join(tmpdir(), `truceline-backup-${kind}-`));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  let sourceDb: string[] = [];
  let targetDb: string[] = [];
  if (kind === 'postgres') {
    const a = await withFreshDatabase();
    const b = await withFreshDatabase();
    if (typeof a === 'string' || typeof b === 'string') {
      t.skip(typeof a === 'string' ? a : String(b));
      return;
    }
    cleanups.push(a.drop, b.drop);
    sourceDb = ['--db', a.url];
    targetDb = ['--db', b.url];
  }
  const data = join(dir, 'data');
  const env = { TRUCELINE_LOG_BATCH_INTERVAL_MS: '5' };
  const source = await startServe(['--demo', '--port', '0', '--data', data, ...sourceDb], env);
  cleanups.push(async () => void (await source.stop()));
  const policyFile = join(dir, 'policy.txt');
  writeFileSync(policyFile, await (await fetch(`${source.url}/log/pak-afg/policy`)).text());

  // The checkpoint the witnesses cosigned before the backup, saved as verify's state.
  await submitReports(source.url, data, 40);
  const state = join(dir, 'state');
  const before = await runCliAsync([
    'verify',
    '--log',
    `${source.url}/log/pak-afg/`,
    '--policy',
    policyFile,
    '--state',
    state,
    '--json',
  ]);
  assert.equal(before.code, 0, before.stderr);
  const cosignedSize = sizeOf(state);
  assert.ok(cosignedSize >= 40);

  // Back up while the server keeps taking entries.
  const backupDir = join(dir, 'backup');
  const writing = submitReports(source.url, data, 64);
  const backup = await runCliAsync(['backup', '--data', data, ...sourceDb, '--out', backupDir]);
  const written = await writing;
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /^truceline: backed up .* to .*: \d+ files, \d+ bytes/);
  assert.equal(written.length, 64);
  const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
    store: string;
    files: { path: string }[];
  };
  assert.equal(manifest.store, kind);
  const paths = manifest.files.map((f) => f.path);
  assert.ok(paths.includes(kind === 'sqlite' ? 'store.sqlite' : 'store.pgdump'), paths.join());
  assert.ok(paths.includes('data/keys/log.pak-afg.key'), paths.join());
  assert.ok(
    !paths.some((p) => p.startsWith('data/truceline.db')),
    'the live database is not copied raw',
  );
  // The backup holds secret keys: only its owner may read it.
  assert.equal(statSync(join(backupDir, 'data/keys/log.pak-afg.key')).mode & 0o077, 0);
  await source.stop();

  // A non-empty target and a damaged backup are refused; nothing is half restored.
  const busy = join(dir, 'busy');
  mkdirSync(busy);
  writeFileSync(join(busy, 'something'), 'x');
  const refused = await runCliAsync(['restore', backupDir, '--data', busy, ...targetDb]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr.trim(), /^truceline: couldn't write the data directory .* not empty/);
  const damaged = join(dir, 'damaged');
  await runCliAsync(['backup', '--data', data, ...sourceDb, '--out', damaged]);
  const key = join(damaged, 'data/keys/log.pak-afg.key');
  writeFileSync(key, readFileSync(key, 'utf8').replace(/.$/s, 'X'));
  const bad = await runCliAsync(['restore', damaged, '--data', join(dir, 'from-damaged')]);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr.trim(),
    /^truceline: couldn't restore: data\/keys\/log\.pak-afg\.key differs from the manifest/,
  );
  assert.equal(existsSync(join(dir, 'from-damaged')), false);

  // Restore into a fresh directory, serve it, verify against the pre-backup checkpoint.
  const restoredData = join(dir, 'restored');
  const restore = await runCliAsync(['restore', backupDir, '--data', restoredData, ...targetDb]);
  assert.equal(restore.code, 0, restore.stderr);
  const restored = await startServe(
    ['--demo', '--port', '0', '--data', restoredData, ...targetDb],
    env,
  );
  cleanups.push(async () => void (await restored.stop()));
  const logUrl = `${restored.url}/log/pak-afg/`;
  const check = await runCliAsync([
    'verify',
    '--log',
    logUrl,
    '--policy',
    policyFile,
    '--state',
    state,
    '--json',
  ]);
  assert.equal(check.code, 0, check.stderr);
  const report = lastJson(check.stdout);
  assert.equal(report.consistentWith, cosignedSize);
  assert.ok((report.size as number) >= cosignedSize);
  assert.ok((report.cosigners as string[]).length >= 2);

  // The restored server takes new entries (the credentials point at the restored keys) and its
  // witnesses cosign them, consistent with everything verified before.
  const creds = readFileSync(join(restoredData, 'demo-credentials.json'), 'utf8');
  assert.ok(!creds.includes(data + '/'), 'credentials re-pointed at the restored directory');
  await submitReports(restored.url, restoredData, 5);
  const grown = await runCliAsync([
    'verify',
    '--log',
    logUrl,
    '--policy',
    policyFile,
    '--state',
    state,
    '--json',
  ]);
  assert.equal(grown.code, 0, grown.stderr);
  assert.ok((lastJson(grown.stdout).size as number) >= (report.size as number) + 5);
}

test('backup while serving, restore into a fresh SQLite data directory, verify', async (t) => {
  await roundTrip('sqlite', t);
});

test('backup while serving, restore into a fresh PostgreSQL database, verify', async (t) => {
  await roundTrip('postgres', t);
});
