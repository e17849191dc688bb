// Compressed API answers over real HTTP (compression.ts), on SQLite and on PostgreSQL: the list
// comes in brotli or gzip as asked, decodes to the very bytes of the identity answer, keeps its
// weak ETag (a 304 answers either encoding), and says Vary: Accept-Encoding, the 304 too; an
// answer nobody asked to compress is sent as it is; the entry stream (SSE) is never compressed.
// node:http, not fetch: fetch asks for every encoding and decodes in secret.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { withFreshDatabase } from '../store/postgres.test-support.js';
import { startDemoServer, type DemoServer } from './demo-server.test-support.js';

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET; for a stream, the first chunk only (then the connection is dropped). */
function get(url: string, headers: Record<string, string>, firstChunkOnly = false): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        if (firstChunkOnly) {
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) });
          req.destroy();
        }
      });
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', (e) => (firstChunkOnly ? undefined : reject(e)));
    req.end();
  });
}

const varies = (g: Got) =>
  String(g.headers.vary ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase());

function suite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`compressed API answers on ${name}`, () => {
    let demo: DemoServer | undefined;
    let drop: (() => Promise<void>) | undefined;
    let skip: string | undefined;
    let base = '';

    before(async () => {
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      demo = await startDemoServer(`compression-${name}`, d ? { db: d.url } : {});
      base = `${demo.server.url}/api/v1/missions/pak-afg`;
    });
    after(async () => {
      await demo?.close();
      await drop?.();
    });

    test('the list in brotli and gzip decodes to the identity bytes, under one weak ETag', async (t) => {
      if (skip) return t.skip(skip);
      const url = `${base}/incidents?limit=100`;
      const plain = await get(url, { 'accept-encoding': 'identity' });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(
        plain.body.length > 4096,
        `the demo's list is worth compressing (${plain.body.length} B)`,
      );
      assert.ok(varies(plain).includes('accept-encoding'), 'identity varies on the encoding too');
      const tag = String(plain.headers.etag);
      assert.match(tag, /^W\//);

      const br = await get(url, { 'accept-encoding': 'br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.ok(
        br.body.length < plain.body.length / 3,
        `${br.body.length} B of ${plain.body.length}`,
      );
      assert.deepEqual(brotliDecompressSync(br.body), plain.body);
      assert.equal(br.headers.etag, tag);
      assert.ok(varies(br).includes('accept-encoding'));
      for (const v of ['authorization', 'cookie']) assert.ok(varies(br).includes(v), v);

      const gz = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(gunzipSync(gz.body), plain.body);
      assert.equal(gz.headers.etag, tag);

      // The tag validates either encoding: a 304 with no body, which still varies on it.
      const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': tag });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, tag);
      assert.ok(varies(again).includes('accept-encoding'));
    });

    test('a body kept by the cache and served again decodes to the same bytes', async (t) => {
      if (skip) return t.skip(skip);
      // Served twice: the second time from the cache's kept representation (http-cache).
      const url = `${base}/crossings`;
      const first = await get(url, { 'accept-encoding': 'gzip' });
      const second = await get(url, { 'accept-encoding': 'gzip' });
      const plain = await get(url, {});
      const decode = (g: Got) =>
        g.headers['content-encoding'] === 'gzip' ? gunzipSync(g.body) : g.body;
      assert.deepEqual(decode(first), plain.body);
      assert.deepEqual(decode(second), plain.body);
    });

    test('the entry stream is not compressed', async (t) => {
      if (skip) return t.skip(skip);
      const s = await get(
        `${demo!.server.url}/api/v1/stream?mission=pak-afg`,
        { 'accept-encoding': 'br, gzip' },
        true,
      );
      assert.equal(s.status, 200);
      assert.match(String(s.headers['content-type']), /^text\/event-stream/);
      assert.equal(s.headers['content-encoding'], undefined);
      assert.match(s.body.toString('utf8'), /retry: 2000/);
    });
  });
}

suite('SQLite', () => Promise.resolve(null));
suite('PostgreSQL', withFreshDatabase);
