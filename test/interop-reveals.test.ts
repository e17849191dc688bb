// The independent Go client (test/interop/main.go) checks every reveal against the commitment it
// names (issue 9, finding 2), on logs built below the workflow rules (as a dishonest operator could
// write them) and served over real HTTP: an honest log-signed sealed commitment and its reveal pass;
// a reveal whose entry is not the committed one, or whose entry's kind differs from the
// commitment's clear field, fails naming the entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
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
import { ROOT } from './support/cli.js';

const GOPATH_SYSTEM = '/usr/share/gocode';

function run(
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

/** Serves a log's tiles, bundles and checkpoint under /log/; answers the Go client's run. */
async function interop(bin: string, dir: string, entries: Uint8Array[]) {
  const { files, note } = buildTiles(entries);
  const server = createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/log\//, '');
    const body = path === 'checkpoint' ? Buffer.from(note) : files.get(path);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200).end(Buffer.from(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const policy = join(dir, 'log.policy');
  writeFileSync(policy, revealPolicyText);
  try {
    const { port } = server.address() as AddressInfo;
    return await run(bin, ['-log', `http://127.0.0.1:${port}/log/`, '-policy', policy]);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

test('the Go client checks every reveal against its commitment, clear fields included', async (t) => {
  const v = spawnSync('go', ['version'], { encoding: 'utf8' });
  const xmod = existsSync(join(GOPATH_SYSTEM, 'src/golang.org/x/mod/sumdb/tlog'));
  if (v.error || v.status !== 0 || !xmod) {
    const why =
      'go or golang.org/x/mod is not installed (apt-get install golang-go golang-golang-x-mod-dev)';
    if (process.env.CI === 'true') assert.fail(why);
    return t.skip(why);
  }
  const dir = mkdtempSync(join(tmpdir(), 'truceline-interop-reveals-'));
  try {
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

    const p = await revealParties();
    const c = await committed(p);
    const body = c.commitment.envelope.body as { digest: string; side: string };
    const clear = { kind: 'report', author: p.pk.author, record: c.inner.envelope.id };
    const sealedC = await sign(p.admin, 'commitment', { ...body, sealed: clear });
    const reveal = await sign(p.admin, 'reveal', { ...c.reveal, commitment: sealedC.envelope.id });
    const good = await interop(bin, dir, [...(await genesis(p)), sealedC.bytes, reveal.bytes]);
    assert.equal(good.code, 0, good.err);
    const j = JSON.parse(good.out) as { ok: boolean; commitments: number; reveals: number };
    assert.deepEqual([j.ok, j.commitments, j.reveals], [true, 1, 1]);

    // Another entry than the committed one: the digest does not match.
    const other = await sign(p.pk, 'report', { ...c.inner.envelope.body, title: 'Swapped' });
    const swapped = await sign(p.admin, 'reveal', {
      ...c.reveal,
      commitment: sealedC.envelope.id,
      entry: new TextDecoder().decode(other.bytes),
    });
    const bad = await interop(bin, dir, [...(await genesis(p)), sealedC.bytes, swapped.bytes]);
    assert.notEqual(bad.code, 0);
    assert.match(
      bad.err,
      /reveal at entry 4 does not match the digest of the commitment at entry 3/,
    );

    // The right entry, but the commitment's clear kind told the public something else.
    const lying = await sign(p.admin, 'commitment', {
      ...body,
      sealed: { ...clear, kind: 'task' },
    });
    const opened = await sign(p.admin, 'reveal', { ...c.reveal, commitment: lying.envelope.id });
    const lie = await interop(bin, dir, [...(await genesis(p)), lying.bytes, opened.bytes]);
    assert.notEqual(lie.code, 0);
    assert.match(lie.err, /revealed at entry 4 is report .* the commitment at entry 3 says task/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
