// `truceline submit -` as a program uses it: JSON lines on stdin of a real child process, sent to a
// real demo server in JSON-lines batches (seen through a recording proxy), one result line per
// input line in input order, the bad lines refused alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleBody } from '../../core/examples.js';
import { resolveConfig } from '../../server/config.js';
import { startServer } from '../../server/serve.js';

const MAIN = new URL('../main.ts', import.meta.url).href;

function runSubmit(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  const code = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code, ...args],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (c) => resolve({ code: c, out })));
}

test('submit on stdin goes through the batch path, one result line per input line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-submit-'));
  const server = await startServer(
    resolveConfig(
      { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true, logBatchIntervalMs: 5 },
      {},
    ),
  );
  // A proxy that records the content type of every entries POST, then forwards it.
  const seen: string[] = [];
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (
        req.method === 'POST' &&
        new URL(req.url ?? '/', 'http://proxy').pathname.endsWith('/entries')
      )
        seen.push(req.headers['content-type'] ?? '');
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k]) => !['host', 'connection', 'content-length'].includes(k),
        ),
      ) as Record<string, string>;
      void fetch(`${server.url}${req.url}`, {
        method: req.method,
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? '' });
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  try {
    const body = JSON.stringify(exampleBody('report'));
    const input: string[] = [];
    for (let i = 0; i < 25; i++) input.push(body);
    input.splice(7, 0, '{"bad":true}'); // a body its kind's schema refuses (signing fails)
    input.splice(15, 0, 'not json');
    const { code, out } = await runSubmit(
      [
        'submit',
        '--server',
        `http://127.0.0.1:${port}`,
        '--credentials',
        join(dir, 'data', 'demo-credentials.json'),
        '--as',
        'af-liaison', // the example report is Afghanistan's allegation
        '--kind',
        'report',
        '--batch',
        '10',
        '-',
      ],
      input.join('\n') + '\n',
    );
    assert.notEqual(code, null, 'the command ran to its end');
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index?: number; id?: string; error?: string });
    assert.equal(lines.length, input.length, 'one result line per input line');
    assert.ok(lines[7]!.error);
    assert.ok(lines[15]!.error);
    const landed = lines.filter((l) => l.index !== undefined);
    assert.equal(landed.length, 25);
    assert.equal(new Set(landed.map((l) => l.index)).size, 25);
    for (const l of landed) {
      // Reports are sealed at filing: the leaf at the index is the log's commitment to this id.
      const got = await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${l.index}`);
      const leaf = JSON.parse(await got.text()) as {
        kind: string;
        body: { sealed?: { record: string } };
      };
      assert.equal(leaf.kind, 'commitment');
      assert.equal(leaf.body.sealed?.record, l.id);
    }
    assert.ok(seen.length >= 3, `several batches: ${seen.length}`);
    assert.ok(seen.length < 25, `not one request per entry: ${seen.length}`);
    for (const type of seen) assert.match(type, /^application\/jsonl/);
    const creds = JSON.parse(readFileSync(join(dir, 'data', 'demo-credentials.json'), 'utf8')) as {
      users: Record<string, unknown>;
    };
    assert.ok(creds.users['af-liaison']);
  } finally {
    proxy.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
