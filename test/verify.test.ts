// `truceline verify` and `truceline mirror` against a real `truceline serve --demo` (issue 3 item 6):
// they accept the demo log before and after more entries, and fail with a one-line reason on a
// tampered tile or entry (a lying proxy), a split view (a validly signed checkpoint that is not
// consistent with the saved state), a policy whose quorum is not met; offline proofs both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint } from '../src/tlog/checkpoint.js';
import { parseNote } from '../src/tlog/note.js';
import { generateNoteKey, SIG_TYPE_COSIGNATURE_V1 } from '../src/tlog/note-key.js';
import { spawn } from 'node:child_process';
import { BIN, ROOT, startServe, type RunningCli } from './support/cli.js';
import { forgeCheckpoint, lyingProxy, runCliAsync, submitReports } from './support/lying-log.js';

let dir: string;
let data: string;
let server: RunningCli;
let policyFile: string;
let logUrl: string;

function verify(args: string[]) {
  return runCliAsync(['verify', ...args]);
}
function json(out: string): Record<string, unknown> {
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}
/** One line on stderr, "truceline: <reason>", and a non-zero exit. */
function assertFails(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.notEqual(r.code, 0, 'exit code');
  const lines = r.stderr.trim().split('\n');
  const last = lines[lines.length - 1]!;
  assert.match(last, /^truceline: /, `stderr: ${r.stderr}`);
  assert.match(last, pattern);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-verify-'));
  data = join(dir, 'data');
  server = await startServe(['--demo', '--port', '0', '--data', data], {
    TRUCELINE_LOG_BATCH_INTERVAL_MS: '5',
  });
  logUrl = `${server.url}/log/pak-afg/`;
  policyFile = join(dir, 'policy.txt');
  writeFileSync(policyFile, await (await fetch(`${logUrl}policy`)).text());
});

after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the served policy names the log at the server actual URL (not port 0)', () => {
  const port = new URL(server.url).port;
  const logLine = readFileSync(policyFile, 'utf8').split('\n')[0]!;
  assert.match(logLine, /^log localhost\/pak-afg\+[0-9a-f]{8}\+\S+ (\S+)$/);
  assert.equal(logLine.split(' ')[2], `http://localhost:${port}/log/pak-afg/`);
});

test('verify accepts the demo log, then again after more entries, consistent with its state', async () => {
  const state = join(dir, 'state-ok');
  const r1 = await verify(['--log', logUrl, '--policy', policyFile, '--state', state, '--json']);
  assert.equal(r1.code, 0, r1.stderr);
  const j1 = json(r1.stdout);
  assert.equal(j1.ok, true);
  assert.ok((j1.size as number) >= 8);
  assert.equal((j1.envelopes as { entries: number }).entries, j1.size);
  assert.ok((j1.cosigners as string[]).length >= 2);
  assert.equal(parseCheckpoint(parseNote(readFileSync(state, 'utf8')).text).size, j1.size);

  await submitReports(server.url, data, 300);
  const r2 = await verify(['--log', logUrl, '--policy', policyFile, '--state', state, '--json']);
  assert.equal(r2.code, 0, r2.stderr);
  const j2 = json(r2.stdout);
  assert.ok((j2.size as number) >= (j1.size as number) + 300);
  assert.equal(j2.consistentWith, j1.size);
  assert.equal((j2.envelopes as { entries: number }).entries, j2.size);
  assert.ok((j2.tiles as number) >= 3, 'a full tile, a partial tile and a level-1 tile');

  // The policy can be read from its URL too.
  const plain = await verify(['--log', logUrl, '--policy', `${logUrl}policy`]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^truceline: log localhost\/pak-afg verified: \d+ entries/);
});

test('verify fails on a modified entry or tile served by a lying proxy', async () => {
  const flip = (b: Buffer, at: number) => {
    const c = Buffer.from(b);
    c[at] = c[at]! ^ 0x01;
    return c;
  };
  // An entry's byte changed in its bundle (inside the JSON "at" value, so it still parses).
  const entryProxy = await lyingProxy(server.url, (path, body) =>
    path === '/log/pak-afg/tile/entries/000' ? flip(body, body.indexOf('"at":"') + 9) : undefined,
  );
  // A hash changed in the first full level-0 tile.
  const tileProxy = await lyingProxy(server.url, (path, body) =>
    path === '/log/pak-afg/tile/0/000' ? flip(body, 40) : undefined,
  );
  // Entries dropped from the end of the first bundle (a truncated bundle).
  const shortProxy = await lyingProxy(server.url, (path, body) =>
    path === '/log/pak-afg/tile/entries/000' ? body.subarray(0, body.length - 10) : undefined,
  );
  try {
    const e = await verify(['--log', `${entryProxy.url}/log/pak-afg/`, '--policy', policyFile]);
    assertFails(
      e,
      /verification failed: couldn't verify (entry \d+: its signature does not verify|tile tile\/0\/000)/,
    );
    const t = await verify(['--log', `${tileProxy.url}/log/pak-afg/`, '--policy', policyFile]);
    assertFails(t, /verification failed: couldn't verify tile tile\/0\/000: it differs/);
    const s = await verify([
      '--log',
      `${shortProxy.url}/log/pak-afg/`,
      '--policy',
      policyFile,
      '--json',
    ]);
    assertFails(s, /verification failed: couldn't read entry bundle tile\/entries\/000/);
    assert.equal(json(s.stdout).ok, false);
    assert.equal(json(s.stdout).code, 'tile_mismatch');
  } finally {
    await Promise.all([entryProxy.close(), tileProxy.close(), shortProxy.close()]);
  }
});

test('verify and mirror alarm on a split view: a signed, cosigned checkpoint inconsistent with the state', async () => {
  const state = join(dir, 'state-split');
  const ok = await verify(['--log', logUrl, '--policy', policyFile, '--state', state]);
  assert.equal(ok.code, 0, ok.stderr);
  const mirrorDir = join(dir, 'mirror');
  const m1 = await runCliAsync([
    'mirror',
    logUrl,
    '--policy',
    policyFile,
    '--out',
    mirrorDir,
    '--once',
  ]);
  assert.equal(m1.code, 0, m1.stderr);
  const saved = parseCheckpoint(parseNote(readFileSync(state, 'utf8')).text);

  // The operator shows this client another history: the same log key, two witnesses, a bigger
  // tree (the log really has that many entries now) whose root is not an extension of the one
  // verified before.
  await submitReports(server.url, data, 5);
  const forged = forgeCheckpoint(data, saved.origin, saved.size + 5, new Uint8Array(32).fill(7));
  const fork = await lyingProxy(server.url, (path) =>
    path === '/log/pak-afg/checkpoint' ? forged : undefined,
  );
  // And one that rolls back to a smaller tree.
  const rolled = forgeCheckpoint(data, saved.origin, saved.size - 1, new Uint8Array(32).fill(9));
  const rollback = await lyingProxy(server.url, (path) =>
    path === '/log/pak-afg/checkpoint' ? rolled : undefined,
  );
  try {
    const v = await verify([
      '--log',
      `${fork.url}/log/pak-afg/`,
      '--policy',
      policyFile,
      '--state',
      state,
    ]);
    assertFails(v, /split view/);
    assertFails(v, /not consistent with checkpoint \d+ verified before/);
    const r = await verify([
      '--log',
      `${rollback.url}/log/pak-afg/`,
      '--policy',
      policyFile,
      '--state',
      state,
    ]);
    assertFails(r, /the log shrank from \d+ entries/);
    // The state is not overwritten by a failed run.
    assert.equal(parseCheckpoint(parseNote(readFileSync(state, 'utf8')).text).size, saved.size);
    // Without state the fork is still caught: the entries do not give its root.
    const nostate = await verify(['--log', `${fork.url}/log/pak-afg/`, '--policy', policyFile]);
    assertFails(
      nostate,
      /verification failed: couldn't (verify checkpoint|read entry bundle|verify tile)/,
    );

    const m2 = await runCliAsync([
      'mirror',
      `${fork.url}/log/pak-afg/`,
      '--policy',
      policyFile,
      '--out',
      mirrorDir,
      '--once',
    ]);
    assertFails(m2, /ALARM: .*split view/);
    // The copy still holds the last verified checkpoint, and a real sync still works.
    const m3 = await runCliAsync([
      'mirror',
      logUrl,
      '--policy',
      policyFile,
      '--out',
      mirrorDir,
      '--once',
      '--json',
    ]);
    assert.equal(m3.code, 0, m3.stderr);
    assert.equal(json(m3.stdout).size, saved.size + 5);
  } finally {
    await Promise.all([fork.close(), rollback.close()]);
  }
});

test('mirror keeps a verified copy, follows the log, and re-verifies its own files', async () => {
  const mirrorDir = join(dir, 'mirror-follow');
  const m1 = await runCliAsync([
    'mirror',
    logUrl,
    '--policy',
    policyFile,
    '--out',
    mirrorDir,
    '--once',
    '--json',
  ]);
  assert.equal(m1.code, 0, m1.stderr);
  const first = json(m1.stdout);
  await submitReports(server.url, data, 40);
  const m2 = await runCliAsync([
    'mirror',
    logUrl,
    '--policy',
    policyFile,
    '--out',
    mirrorDir,
    '--once',
    '--json',
  ]);
  assert.equal(m2.code, 0, m2.stderr);
  const second = json(m2.stdout);
  assert.equal(second.from, first.size);
  assert.ok((second.size as number) >= (first.size as number) + 40);
  // The old tree's partial tiles are gone: each tile keeps at most the one partial width the
  // new checkpoint implies, and none once its full tile exists.
  const partialDirs = readdirSync(join(mirrorDir, 'tile'), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.p'))
    .map((p) => join(mirrorDir, 'tile', p));
  assert.ok(partialDirs.length > 0, 'a log of this size has partial tiles');
  for (const p of partialDirs) {
    assert.equal(readdirSync(p).length, 1, `${p} holds one width`);
    assert.equal(existsSync(p.slice(0, -2)), false, `${p} sits beside its full tile`);
  }
  // The copy is a log in the tlog-tiles layout: verify can audit it through a static server…
  const served = readFileSync(join(mirrorDir, 'checkpoint'), 'utf8');
  assert.equal(parseCheckpoint(parseNote(served).text).size, second.size);
  // …and a tampered local file is caught when the mirror starts again.
  const bundle = join(mirrorDir, 'tile', 'entries', '000');
  const bytes = readFileSync(bundle);
  bytes[100] = bytes[100]! ^ 0x01;
  writeFileSync(bundle, bytes);
  const m3 = await runCliAsync([
    'mirror',
    logUrl,
    '--policy',
    policyFile,
    '--out',
    mirrorDir,
    '--once',
  ]);
  assertFails(m3, /ALARM: couldn't re-verify the local copy/);
});

test('verify fails when the policy quorum is not met', async () => {
  const extra = generateNoteKey('witness.extra.example', { type: SIG_TYPE_COSIGNATURE_V1 });
  const lines = readFileSync(policyFile, 'utf8').trim().split('\n');
  const witnesses = lines.filter((l) => l.startsWith('witness ')).map((l) => l.split(' ')[1]!);
  const strict = [
    lines[0]!,
    ...lines.filter((l) => l.startsWith('witness ')),
    `witness extra ${extra.vkey}`,
    `group all-of-them all ${[...witnesses, 'extra'].join(' ')}`,
    'quorum all-of-them',
  ].join('\n');
  const file = join(dir, 'strict-policy.txt');
  writeFileSync(file, strict + '\n');
  const r = await verify(['--log', logUrl, '--policy', file]);
  assertFails(r, /do not meet quorum all-of-them/);
});

test('verify PROOF checks one entry offline, and rejects the wrong entry or a bad proof', async () => {
  const [index] = await submitReports(server.url, data, 2);
  const proof = await (
    await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${index}/proof`)
  ).text();
  const entry = Buffer.from(
    await (await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${index}`)).arrayBuffer(),
  );
  const other = Buffer.from(
    await (
      await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${index! - 1}`)
    ).arrayBuffer(),
  );
  const proofFile = join(dir, 'e.tlog-proof');
  const entryFile = join(dir, 'e.json');
  const otherFile = join(dir, 'other.json');
  writeFileSync(proofFile, proof);
  writeFileSync(entryFile, entry);
  writeFileSync(otherFile, other);
  const ok = await verify([proofFile, '--entry', entryFile, '--policy', policyFile, '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  const j = json(ok.stdout);
  assert.equal(j.index, index);
  // The leaf at a report's index is the log's commitment to it: reports are sealed at filing.
  assert.equal((j.entry as { kind: string }).kind, 'commitment');

  assertFails(
    await verify([proofFile, '--entry', otherFile, '--policy', policyFile]),
    /couldn't verify inclusion/,
  );
  // A proof hash changed.
  const lines = proof.split('\n');
  lines[2] = Buffer.alloc(32, 1).toString('base64');
  const badProof = join(dir, 'bad.tlog-proof');
  writeFileSync(badProof, lines.join('\n'));
  assertFails(
    await verify([badProof, '--entry', entryFile, '--policy', policyFile]),
    /couldn't verify inclusion/,
  );
  // Garbage is a parse error, not a crash.
  writeFileSync(badProof, 'c2sp.org/tlog-proof@v1\nindex 01\n');
  assertFails(
    await verify([badProof, '--entry', entryFile, '--policy', policyFile]),
    /couldn't parse tlog proof/,
  );
  // A proof whose checkpoint lacks the quorum.
  const stripped = proof
    .split('\n')
    .filter((l) => !l.startsWith('— witness.'))
    .join('\n');
  writeFileSync(badProof, stripped);
  assertFails(
    await verify([badProof, '--entry', entryFile, '--policy', policyFile]),
    /do not meet quorum/,
  );
  assertFails(await verify([proofFile, '--policy', policyFile]), /needs --entry/);
});

test('mirror follows a growing log, and alarms (non-zero exit) when the log turns to a split view', async () => {
  const mirrorDir = join(dir, 'mirror-live');
  let forged: string | undefined;
  const proxy = await lyingProxy(server.url, (path) =>
    path === '/log/pak-afg/checkpoint' ? forged : undefined,
  );
  const proc = spawn(
    process.execPath,
    [
      BIN,
      'mirror',
      `${proxy.url}/log/pak-afg/`,
      '--policy',
      policyFile,
      '--out',
      mirrorDir,
      '--interval',
      '0.2',
      '--json',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  const sizes = () =>
    out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { size: number }).size);
  const until = async (ok: () => boolean) => {
    while (!ok()) {
      if (proc.exitCode !== null) assert.fail(`mirror exited early: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await until(() => sizes().length > 0);
    const first = sizes()[0]!;
    await submitReports(server.url, data, 20);
    await until(() => sizes().some((s) => s >= first + 20));
    // Now the log shows this mirror a cosigned checkpoint that does not extend what it verified.
    const last = Math.max(...sizes());
    forged = forgeCheckpoint(data, 'localhost/pak-afg', last, new Uint8Array(32).fill(3));
    const code = await exited;
    assert.notEqual(code, 0);
    assert.match(
      err.trim().split('\n').pop()!,
      /^truceline: ALARM: couldn't accept checkpoint \d+: .*split view/,
    );
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    await proxy.close();
  }
});

test('verify --workers checks envelopes in worker threads (the built .js worker) with the same result', async () => {
  const plain = await verify(['--log', logUrl, '--policy', policyFile, '--json']);
  const threaded = await verify([
    '--log',
    logUrl,
    '--policy',
    policyFile,
    '--json',
    '--workers',
    '2',
  ]);
  assert.equal(threaded.code, 0, threaded.stderr);
  const a = json(plain.stdout);
  const b = json(threaded.stdout);
  assert.equal(b.ok, true);
  if (a.size === b.size) assert.deepEqual(b.envelopes, a.envelopes);
  assert.equal((b.envelopes as { entries: number }).entries, b.size);
  assertFails(
    await verify(['--log', logUrl, '--policy', policyFile, '--workers', 'x']),
    /--workers/,
  );
});
