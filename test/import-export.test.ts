// `truceline import` and `truceline export` against real `truceline serve --demo` processes
// (issue 14 items 2 and 3): real UCDP GED rows (testdata/import/, CC BY 4.0) imported as an
// analyst's signed reports and incidents, a second import of the same file adds nothing, bad rows
// are reported by line and field without stopping the good ones, --dry-run files nothing; and the
// ACLED round trip: export a mission, import the file into a second mission, export again, the
// same rows.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../src/server/export/csv.test-support.js';
import { ACLED_COLUMNS } from '../src/server/export/acled.js';
import { ROOT, startServe, type RunningCli } from './support/cli.js';
import { runCliAsync } from './support/lying-log.js';

const SAMPLE = join(ROOT, 'testdata/import/ucdp-ged-sample.csv');
let dir: string;
let a: RunningCli;
let b: RunningCli;
let credsA: string;
let credsB: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-import-'));
  const env = { TRUCELINE_LOG_BATCH_INTERVAL_MS: '5' };
  [a, b] = await Promise.all([
    startServe(['--demo', '--port', '0', '--data', join(dir, 'a')], env),
    startServe(['--demo', '--port', '0', '--data', join(dir, 'b')], env),
  ]);
  credsA = join(dir, 'a', 'demo-credentials.json');
  credsB = join(dir, 'b', 'demo-credentials.json');
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function count(server: RunningCli, creds: string): Promise<number> {
  const out = join(dir, `count-${Math.random()}.jsonl`);
  const r = await runCliAsync([
    'export',
    '--credentials',
    creds,
    '--as',
    'analyst',
    '--format',
    'jsonl',
    '-o',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  void server;
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l !== '').length;
}

test('UCDP GED rows import once: a second import adds nothing; bad rows are named, good rows filed', async () => {
  const before = await count(b, credsB);
  const dry = await runCliAsync([
    'import',
    SAMPLE,
    '--credentials',
    credsB,
    '--as',
    'analyst',
    '--dry-run',
  ]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /100 rows, 100 would be imported, 0 with errors \(dry run/);
  assert.equal(await count(b, credsB), before, 'a dry run files nothing');

  const first = await runCliAsync(['import', SAMPLE, '--credentials', credsB, '--as', 'analyst']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /100 rows, 100 imported, 0 already imported, 0 with errors/);
  assert.equal(await count(b, credsB), before + 100);
  const second = await runCliAsync(['import', SAMPLE, '--credentials', credsB, '--as', 'analyst']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /100 rows, 0 imported, 100 already imported/);
  assert.equal(await count(b, credsB), before + 100, 'the same file twice adds nothing');

  // The imported incidents carry their source: UCDP's event id and the licence's citation.
  const out = join(dir, 'b.jsonl');
  await runCliAsync([
    'export',
    '--credentials',
    credsB,
    '--as',
    'analyst',
    '--format',
    'jsonl',
    '-o',
    out,
  ]);
  const text = readFileSync(out, 'utf8');
  assert.ok(text.includes('"country":"PH"') && text.includes('"country":"UA"'));

  // Bad rows: a date, a latitude and a country out of reach; the good rows still go in.
  const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
  const header = lines[0]!.split(',');
  const col = (n: string) => header.indexOf(n);
  const rows = parseCsv(readFileSync(SAMPLE, 'utf8')).slice(1, 4);
  const edited = rows.map((r, i) => {
    const c = [...r];
    c[col('id')] = `9${i}0000${i}`;
    if (i === 0) c[col('date_start')] = '1990-02-31';
    if (i === 1) c[col('latitude')] = '123.5';
    return c;
  });
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, [header, ...edited].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
  const errors = join(dir, 'errors.jsonl');
  const r = await runCliAsync([
    'import',
    bad,
    '--credentials',
    credsB,
    '--as',
    'analyst',
    '--errors',
    errors,
  ]);
  assert.equal(r.code, 1, 'a run with bad rows exits 1');
  assert.match(r.stdout, /3 rows, 1 imported, 0 already imported, 2 with errors/);
  const reported = readFileSync(errors, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { line: number; field: string; reason: string });
  assert.deepEqual(
    reported.map((e) => [e.line > 1, e.field]),
    [
      [true, 'date_start'],
      [true, 'latitude'],
    ],
  );
  assert.match(reported[0]!.reason, /not a date/);
  assert.match(reported[1]!.reason, /outside -90\.\.90/);
});

test('ACLED round trip: export, import into a second mission, export again, the same rows', async () => {
  const first = join(dir, 'a.csv');
  const r1 = await runCliAsync([
    'export',
    '--credentials',
    credsA,
    '--as',
    'analyst',
    '--format',
    'acled',
    '-o',
    first,
  ]);
  assert.equal(r1.code, 0, r1.stderr);
  const original = parseCsv(readFileSync(first, 'utf8'));
  assert.deepEqual(original[0], [...ACLED_COLUMNS]);
  assert.ok(original.length > 5);
  // Into the other demo server's mission (its own log and keys); it holds the same story, so its
  // export after the import must hold every original row twice.
  const before = parseCsv(
    await (async () => {
      const f = join(dir, 'b-before.csv');
      await runCliAsync(['export', '--credentials', credsB, '--as', 'analyst', '-o', f]);
      return readFileSync(f, 'utf8');
    })(),
  );
  const imp = await runCliAsync(['import', first, '--credentials', credsB, '--as', 'analyst']);
  assert.equal(imp.code, 0, imp.stderr + imp.stdout);
  const again = join(dir, 'b-after.csv');
  await runCliAsync(['export', '--credentials', credsB, '--as', 'analyst', '-o', again]);
  const after = parseCsv(readFileSync(again, 'utf8'));
  // What an import cannot carry over: the event id (the new log's index), the export time, the
  // tags (workflow status) and the source column (the import names its file).
  const skip = new Set(['event_id_cnty', 'timestamp', 'tags', 'source']);
  const keep = ACLED_COLUMNS.map((c, i) => [c, i] as const).filter(([c]) => !skip.has(c));
  const key = (r: string[]) => JSON.stringify(keep.map(([, i]) => r[i]));
  const bag = (rows: string[][]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  const added = bag(after.slice(1));
  for (const [k, n] of bag(before.slice(1))) added.set(k, (added.get(k) ?? 0) - n);
  for (const [k, n] of [...added]) if (n === 0) added.delete(k);
  assert.deepEqual(added, bag(original.slice(1)), 'the imported rows export as the original rows');
});

test('truceline report period writes the route report for the caller', async () => {
  const out = join(dir, 'report.json');
  const r = await runCliAsync([
    'report',
    'period',
    '--credentials',
    credsA,
    '--as',
    'analyst',
    '--date',
    '2025-01-01',
    '--to',
    '2025-12-31',
    '-o',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(readFileSync(out, 'utf8')) as {
    period: { days: number };
    counts: { total: number };
    checkpoint: { size: number } | null;
  };
  assert.equal(rep.period.days, 365);
  assert.ok(rep.checkpoint && rep.checkpoint.size > 0);
  const bad = await runCliAsync([
    'report',
    'period',
    '--credentials',
    credsA,
    '--as',
    'analyst',
    '--date',
    '2025-01-01',
  ]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^truceline: report period needs --to DATE/);
});
