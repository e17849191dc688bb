// How `truceline serve` hands out the web app's files (serve-web.ts), on a small app directory of
// its own: the service worker (/sw.js, web/src/sw.ts) at the root — so its scope is the whole
// site — as JavaScript and re-checked on every load (never immutable: a stale worker would keep
// serving an old build), pre-compressed when asked; hashed assets immutable; the page routes the
// shell, never cached.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { registerWebApp } from './serve-web.js';

const root = mkdtempSync(join(tmpdir(), 'truceline-web-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the service worker is served from the root as JavaScript, never cached as immutable', async () => {
  const sw = `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`;
  writeFileSync(join(root, 'sw.js'), sw);
  writeFileSync(join(root, 'sw.js.br'), brotliCompressSync(sw));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Truceline</title>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'console-abc123.js'), 'export {};');
  const app = Fastify();
  await registerWebApp(app, root);
  try {
    const plain = await app.inject({ url: '/sw.js' });
    assert.equal(plain.statusCode, 200);
    assert.match(String(plain.headers['content-type']), /^(application|text)\/javascript\b/);
    assert.equal(plain.headers['cache-control'], 'no-cache');
    assert.equal(plain.body, sw);
    const br = await app.inject({ url: '/sw.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(br.headers['cache-control'], 'no-cache');

    const asset = await app.inject({ url: '/assets/console-abc123.js' });
    assert.match(String(asset.headers['cache-control']), /immutable/);
    const page = await app.inject({ url: '/console/tasks' });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(page.body, /<title>Truceline/);
  } finally {
    await app.close();
  }
});
