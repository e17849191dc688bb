// Import of the 13,440 real UCDP GED rows (../shared/testdata/ucdp-ged/, CC BY 4.0) into a running
// `truceline serve --demo` by `truceline import` as the analyst: two signed entries per row
// (report and incident), through the batch route. Figure: rows/s. Limit measured in the same run:
// the same command's --dry-run (read, parse and map every row, nothing signed or sent), so the
// ratio is the share of the time the log and the read model take.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startServe } from '../test/support/cli.js';
import { runCliAsync } from '../test/support/lying-log.js';

const FILE = resolve(
  import.meta.dirname,
  '../../shared/testdata/ucdp-ged/ucdp-ged-pak-phl-ukr.csv',
);

export async function run(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log(`import: skipped (${FILE} is not here)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'truceline-import-bench-'));
  const data = join(dir, 'data');
  const server = await startServe(['--demo', '--port', '0', '--data', data]);
  try {
    const creds = join(data, 'demo-credentials.json');
    const t0 = performance.now();
    const dry = await runCliAsync([
      'import',
      FILE,
      '--credentials',
      creds,
      '--as',
      'analyst',
      '--dry-run',
    ]);
    const dryMs = performance.now() - t0;
    if (dry.code !== 0) throw new Error(`dry run failed: ${dry.stderr}`);
    const t1 = performance.now();
    // The real import of 13,440 rows takes minutes on this machine: no 120 s test timeout.
    const real = await runCliAsync(
      ['import', FILE, '--credentials', creds, '--as', 'analyst'],
      60 * 60_000,
    );
    const ms = performance.now() - t1;
    if (real.code !== 0) throw new Error(`import failed: ${real.stderr.slice(-500)}`);
    const rows = Number(/(\d+) imported/.exec(real.stdout)?.[1] ?? 0);
    console.log(`import: ${real.stdout.trim()}`);
    console.log(
      `  UCDP GED import into the demo (SQLite, 2 signed entries per row): ${(ms / 1000).toFixed(1)} s, ${((rows / ms) * 1000).toFixed(0)} rows/s`,
    );
    console.log(
      `  limit, the same file's --dry-run (parse and map only): ${(dryMs / 1000).toFixed(1)} s, ${((13440 / dryMs) * 1000).toFixed(0)} rows/s; ratio ${(dryMs / ms).toFixed(2)} (share of the time not spent in the log)`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
