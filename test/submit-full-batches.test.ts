// Issue 12 item 4: `truceline submit -` keeps its requests full however long its input is. A real
// CLI process reads 3,000 distinct report lines from a pipe and posts them to a real server (both
// stores) through a proxy that records every entries request: which envelope ids it carried and
// which index the server answered for each. Then: every request but the last is a full batch, every
// input line has its result line, in input order, naming the envelope made from that line and the
// index the server gave it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleBody } from '../src/core/examples.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { startDemoServer } from '../src/server/demo-server.test-support.js';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).href;
const LINES = 3000;
const BATCH = 500;

interface Recorded {
  /** envelope ids of one entries request, in request order */
  ids: string[];
  status: number;
}

function runCli(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  const code = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code, ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (c) => resolve({ code: c, out })));
}

/** A proxy in front of `target` recording each entries POST's envelopes and the indexes answered. */
async function recordingProxy(target: string) {
  const requests: Recorded[] = [];
  const indexOf = new Map<string, number>();
  const titleOf = new Map<string, string>();
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isEntries =
        req.method === 'POST' &&
        new URL(req.url ?? '/', 'http://proxy').pathname.endsWith('/entries');
      const envelopes = isEntries
        ? body
            .toString()
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => JSON.parse(l) as { id: string; body: { title: string } })
        : [];
      for (const e of envelopes) titleOf.set(e.id, e.body.title);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k]) => !['host', 'connection', 'content-length'].includes(k),
        ),
      ) as Record<string, string>;
      void fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        ...(chunks.length ? { body } : {}),
      }).then(async (r) => {
        const text = await r.text();
        if (isEntries) {
          requests.push({ ids: envelopes.map((e) => e.id), status: r.status });
          if (r.status === 200)
            text
              .split('\n')
              .filter((l) => l !== '')
              .forEach((l, n) => {
                const a = JSON.parse(l) as { index?: number };
                if (typeof a.index === 'number') indexOf.set(envelopes[n]!.id, a.index);
              });
        }
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? '' });
        res.end(text);
      });
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  return { url, requests, indexOf, titleOf, close: () => proxy.close() };
}

for (const store of ['sqlite', 'postgres'] as const) {
  test(`submit - of ${LINES} lines sends full batches and answers every line in order (${store})`, async (t) => {
    const db = store === 'postgres' ? await withFreshDatabase() : undefined;
    if (typeof db === 'string') return t.skip(db);
    const demo = await startDemoServer('submit-batches', db ? { db: db.url } : {});
    const proxy = await recordingProxy(demo.server.url);
    const dir = mkdtempSync(join(tmpdir(), 'truceline-submit-batches-'));
    const credentials = join(dir, 'credentials.json');
    writeFileSync(credentials, JSON.stringify(demo.creds));
    try {
      const input: string[] = [];
      for (let i = 0; i < LINES; i++)
        input.push(JSON.stringify({ ...exampleBody('report'), title: `line ${i}` }));
      const { code, out } = await runCli(
        [
          ...['submit', '--server', proxy.url, '--credentials', credentials],
          ...['--as', 'af-liaison', '--kind', 'report', '--batch', String(BATCH), '-'],
        ],
        input.join('\n') + '\n',
      );
      assert.equal(code, 0, 'every line accepted: exit status 0');

      const retried = proxy.requests.filter((r) => r.status !== 200).length;
      assert.equal(retried, 0, 'no request was refused (a retry would be a smaller batch)');
      const sizes = proxy.requests.map((r) => r.ids.length);
      assert.deepEqual(
        sizes,
        Array.from({ length: LINES / BATCH }, () => BATCH),
        'every request carried a full batch',
      );

      const results = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { index?: number; id?: string; error?: string });
      assert.equal(results.length, LINES, 'one result line per input line');
      results.forEach((r, i) => {
        assert.equal(r.error, undefined, `line ${i} accepted`);
        assert.equal(proxy.titleOf.get(r.id!), `line ${i}`, `result ${i} is line ${i}'s envelope`);
        assert.equal(r.index, proxy.indexOf.get(r.id!), `result ${i} is the index the server gave`);
      });
      assert.equal(new Set(results.map((r) => r.index)).size, LINES, 'distinct indexes');
    } finally {
      proxy.close();
      rmSync(dir, { recursive: true, force: true });
      await demo.close();
      await db?.drop();
    }
  });
}
