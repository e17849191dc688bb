// Issue 9.5: a data directory that cannot be created is one line naming the problem and the way
// out (not a spin at 100% CPU on /proc, not a raw errno); `init` makes it owner-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

/** The CLI in a child process (killed if it hangs, which is what /proc used to do). */
function truceline(args: string[]) {
  const script = `import { main } from ${JSON.stringify(CLI)}; process.exitCode = await main(${JSON.stringify(args)});`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TRUCELINE_DATA: '' },
  });
}

function assertOneLine(r: ReturnType<typeof truceline>, dir: string) {
  assert.equal(r.signal, null, `not killed by the hang guard (stderr: ${r.stderr})`);
  assert.notEqual(r.status, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(
    lines[0]!,
    new RegExp(
      `^truceline: couldn't use the data directory ${dir}.*: .+ \\(choose a writable --data directory\\)$`,
    ),
  );
  assert.doesNotMatch(lines[0]!, /\bE[A-Z]{3,}\b/, 'no raw errno');
}

test('serve --data /proc/nonexistent: one line and a non-zero exit', () => {
  assertOneLine(truceline(['serve', '--data', '/proc/nonexistent', '--port', '0']), '/proc');
});

test('serve --data under a file: one line naming the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-datadir-'));
  try {
    writeFileSync(join(dir, 'file'), 'x');
    const r = truceline(['serve', '--data', join(dir, 'file', 'data'), '--port', '0']);
    assertOneLine(r, join(dir, 'file'));
    assert.match(r.stderr, /a parent is a file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('init: the data directory is 0700 and the database and its WAL/SHM 0600', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-init-'));
  try {
    const data = join(dir, 'data');
    const r = truceline(['init', '--mission', 'missions/pak-afg.json', '--data', data]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(statSync(data).mode & 0o777, 0o700);
    const db = join(data, 'truceline.db');
    assert.equal(statSync(db).mode & 0o777, 0o600);
    for (const f of [`${db}-wal`, `${db}-shm`])
      if (existsSync(f)) assert.equal(statSync(f).mode & 0o777, 0o600, f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
