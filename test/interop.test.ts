// Independent client interop (issue 3): a Go program of our own (test/interop/main.go) built only
// on golang.org/x/mod/sumdb/note and sumdb/tlog (Debian's golang-golang-x-mod-dev, GOPATH mode,
// nothing from the network) verifies the demo log as served — checkpoint, policy keys and quorum,
// C2SP tiles and entry bundles, every entry's inclusion — before and after more entries are
// added, and consistency between the two checkpoints. Skips (saying why) when `go` is missing,
// except in CI (CI=true), where .ci/run installs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint } from '../src/tlog/checkpoint.js';
import { parseNote } from '../src/tlog/note.js';
import { generateNoteKey, SIG_TYPE_COSIGNATURE_V1 } from '../src/tlog/note-key.js';
import { ROOT, startServe } from './support/cli.js';
import { submitReports } from './support/lying-log.js';

const GOPATH_SYSTEM = '/usr/share/gocode';
const X_MOD = join(GOPATH_SYSTEM, 'src/golang.org/x/mod/sumdb/tlog');

function missingGo(): string | undefined {
  const v = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) return 'go is not installed (apt-get install golang-go)';
  if (!existsSync(X_MOD))
    return `golang.org/x/mod is not in ${GOPATH_SYSTEM} (apt-get install golang-golang-x-mod-dev)`;
  return undefined;
}

/** Runs the Go client without blocking this process (the server answers from a child anyway). */
function runInterop(
  bin: string,
  args: string[],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

test('an independent Go client (x/mod sumdb/note + sumdb/tlog) verifies the demo log, before and after more entries', async (t) => {
  const why = missingGo();
  if (why) {
    if (process.env.CI === 'true') assert.fail(`interop needs Go in CI: ${why}`);
    console.log(`# interop skipped: ${why}`);
    t.skip(why);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'truceline-interop-'));
  const data = join(dir, 'data');
  const bin = join(dir, 'interop');
  const build = spawnSync('go', ['build', '-o', bin, '.'], {
    cwd: join(ROOT, 'test/interop'),
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: `${GOPATH_SYSTEM}:${join(dir, 'gopath')}`,
      GOCACHE: join(dir, 'gocache'),
      GOFLAGS: '',
      GOPROXY: 'off',
    },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, `go build failed: ${build.stderr}`);

  const server = await startServe(['--demo', '--port', '0', '--data', data], {
    TRUCELINE_LOG_BATCH_INTERVAL_MS: '5',
  });
  try {
    const log = `${server.url}/log/pak-afg/`;
    const policy = `${log}policy`;
    const first = join(dir, 'first.checkpoint');
    const r1 = await runInterop(bin, ['-log', log, '-policy', policy, '-save', first]);
    assert.equal(r1.code, 0, r1.err);
    const j1 = JSON.parse(r1.out) as Record<string, unknown>;
    assert.equal(j1.ok, true);
    assert.equal(j1.origin, 'localhost/pak-afg');
    assert.equal(j1.entries, j1.size);
    assert.ok((j1.cosigners as string[]).length >= 2, 'quorum 2 of 3');
    const size1 = parseCheckpoint(parseNote(readFileSync(first, 'utf8')).text).size;
    assert.equal(j1.size, size1);

    // More entries: across a full tile, so level-1 tiles and partial tiles are read too.
    await submitReports(server.url, data, 300);
    const r2 = await runInterop(bin, ['-log', log, '-policy', policy, '-old', first]);
    assert.equal(r2.code, 0, r2.err);
    const j2 = JSON.parse(r2.out) as Record<string, unknown>;
    assert.ok((j2.size as number) >= size1 + 300);
    assert.equal(j2.entries, j2.size);
    assert.equal(j2.consistentWith, size1);
    assert.ok((j2.consistencyProofHashes as number) > 0);

    // And it is not a rubber stamp: a policy that also requires a witness that never cosigned.
    const extra = generateNoteKey('witness.extra.example', { type: SIG_TYPE_COSIGNATURE_V1 });
    const text = await (await fetch(policy)).text();
    const lines = text
      .trim()
      .split('\n')
      .filter((l) => !/^(group|quorum) /.test(l));
    const names = lines.filter((l) => l.startsWith('witness ')).map((l) => l.split(' ')[1]!);
    const strict = join(dir, 'strict.policy');
    writeFileSync(
      strict,
      [
        ...lines,
        `witness extra ${extra.vkey}`,
        `group every all ${[...names, 'extra'].join(' ')}`,
        'quorum every',
        '',
      ].join('\n'),
    );
    const r3 = await runInterop(bin, ['-log', log, '-policy', strict]);
    assert.notEqual(r3.code, 0);
    assert.match(r3.err, /do not meet quorum "every"/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
