// `truceline verify --log` checks reveals (issue 4, item 6): a log served over real HTTP whose
// reveal does not hash to the commitment it names — written below the workflow rules, as only a
// dishonest operator could, with a correctly signed checkpoint and tiles — fails verification with
// a one-line reason naming both indices; the same log with an honest reveal passes, and so does
// the demo's log with the reveal its story files. The command runs from source in a child process
// (the built dist/ may lag behind the working tree).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildTiles,
  committed,
  genesis,
  revealParties,
  revealPolicyText,
  sign,
} from '../src/log/reveal-log.test-support.js';
import { auditLog } from '../src/log/audit.js';
import { httpLogSource } from '../src/log/audit-source.js';
import { resolveConfig } from '../src/server/config.js';
import { startServer } from '../src/server/serve.js';
import { parsePolicy } from '../src/tlog/policy.js';
import { ROOT } from './support/cli.js';

let dir: string;
let policyFile: string;
let server: Server;
let base: string;
/** Logs served by name: /<name>/<tlog-tiles path>. */
const logs = new Map<string, { files: Map<string, Uint8Array>; note: string }>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-reveals-'));
  policyFile = join(dir, 'policy.txt');
  writeFileSync(policyFile, revealPolicyText);
  server = createServer((req, res) => {
    const [, name, ...rest] = (req.url ?? '').split('/');
    const log = logs.get(name ?? '');
    const path = rest.join('/');
    const body =
      path === 'checkpoint' ? new TextEncoder().encode(log?.note ?? '') : log?.files.get(path);
    if (!log || !body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const p = await revealParties();
  const c = await committed(p);
  const honest = await sign(p.pk, 'reveal', c.reveal);
  const other = await sign(p.pk, 'report', { ...c.inner.envelope.body, title: 'Swapped' });
  const lie = await sign(p.pk, 'reveal', {
    ...c.reveal,
    entry: new TextDecoder().decode(other.bytes),
  });
  const start = await genesis(p);
  logs.set('honest', buildTiles([...start, c.commitment.bytes, honest.bytes]));
  logs.set('lying', buildTiles([...start, c.commitment.bytes, other.bytes, lie.bytes]));
});

after(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** `truceline verify …` as the bin runs it (one "truceline: reason" line on failure). */
function truceline(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});
    try { process.exitCode = await main(process.argv.slice(1)); }
    catch (err) { console.error('truceline: ' + (err instanceof Error ? err.message : String(err))); process.exitCode = 1; }`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

test('truceline verify accepts a log whose reveal matches its commitment', async () => {
  const r = await truceline([
    'verify',
    '--log',
    `${base}/honest/`,
    '--policy',
    policyFile,
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ok: boolean; size: number };
  assert.deepEqual([out.ok, out.size], [true, 5]);
});

test('truceline verify fails on a reveal that does not match its commitment, naming the indices', async () => {
  const r = await truceline([
    'verify',
    '--log',
    `${base}/lying/`,
    '--policy',
    policyFile,
    '--json',
  ]);
  assert.notEqual(r.code, 0, r.stdout);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ok: boolean; code: string };
  assert.deepEqual([out.ok, out.code], [false, 'bad_reveal']);
  const last = r.stderr.trim().split('\n').pop()!;
  assert.match(
    last,
    /^truceline: verification failed: couldn't verify the reveal at entry 5: its salt and entry do not hash to the digest of the commitment at entry 3 /,
  );
});

test("the demo's log, with the confidential report its story reveals, passes the audit", async () => {
  const demo = await startServer(
    resolveConfig(
      { port: 0, host: '127.0.0.1', dataDir: join(dir, 'demo'), demo: true, logBatchIntervalMs: 5 },
      {},
    ),
  );
  try {
    const url = `${demo.url}/log/pak-afg/`;
    const policy = parsePolicy(await (await fetch(`${url}policy`)).text());
    // The checkpoint is signed at most once a second: wait until it covers the whole log.
    for (let i = 0; i < 50; i++) {
      const h = (await (await fetch(`${demo.url}/api/v1/health`)).json()) as {
        logs: Record<string, { size: number; checkpointSize: number | null }>;
      };
      const l = h.logs['pak-afg']!;
      if (l.checkpointSize === l.size) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const { report } = await auditLog(httpLogSource(url), policy);
    assert.ok((report.envelopes?.kinds.reveal ?? 0) >= 1, 'the demo reveals a commitment');
    assert.ok((report.envelopes?.kinds.commitment ?? 0) >= 1);
  } finally {
    await demo.close();
  }
});
