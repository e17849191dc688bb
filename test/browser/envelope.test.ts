// The signed envelope is one implementation for Node and the browser (WebCrypto Ed25519). This test
// bundles src/core as it is, runs it in headless Chromium, and checks that entries signed on either
// side verify on the other, and that the same key signs the same bytes in both (Ed25519 is
// deterministic, RFC 8032 §5.1.6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateNoteKey } from '../../src/tlog/note-key.js';
import { canonicalize } from '../../src/core/canonical-json.js';
import { parseEntry, signEnvelope, verifyEnvelope } from '../../src/core/envelope.js';
import { exampleBody } from '../../src/core/examples.js';
import { importVerifier, signerFromNoteKey } from '../../src/core/signing.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM}`;
if (skip && process.env.CI === 'true') throw new Error(`browser test: ${skip}; CI must run it`);

const ENTRY = `
import { canonicalize } from './src/core/canonical-json.ts';
import { parseEntry, signEnvelope, verifyEnvelope } from './src/core/envelope.ts';
import { exampleBody } from './src/core/examples.ts';
import { generateBrowserSigner, importVerifier, signerFromNoteKey } from './src/core/signing.ts';
const enc = new TextEncoder();
const dec = new TextDecoder();
globalThis.core = {
  canonicalize,
  async verify(entryText, vkey) {
    const envelope = parseEntry(enc.encode(entryText));
    return verifyEnvelope(envelope, await importVerifier(vkey));
  },
  async signWithNoteKey(skey, kind, id, at) {
    const signer = await signerFromNoteKey(skey);
    const { bytes } = await signEnvelope({ mission: 'pak-afg', kind, body: exampleBody(kind), id, at }, signer);
    return dec.decode(bytes);
  },
  async signWithBrowserKey(kind) {
    const signer = await generateBrowserSigner('browser-user.pak-afg');
    const { bytes } = await signEnvelope({ mission: 'pak-afg', kind, body: exampleBody(kind) }, signer);
    return { entry: dec.decode(bytes), vkey: signer.vkey };
  },
};
document.title = 'ready';
`;

interface CoreInPage {
  canonicalize(v: unknown): string;
  verify(entry: string, vkey: string): Promise<boolean>;
  signWithNoteKey(skey: string, kind: string, id: string, at: string): Promise<string>;
  signWithBrowserKey(kind: string): Promise<{ entry: string; vkey: string }>;
}

let browser: Browser | undefined;
let server: Server | undefined;
let page: Page | undefined;

before(async () => {
  if (skip) return;
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;
  // Served from 127.0.0.1: WebCrypto needs a secure context, which localhost is.
  server = createServer((req, res) => {
    if (req.url === '/core.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<script type="module" src="/core.js"></script>');
    }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('canonical JSON is identical in the browser', { skip }, async () => {
  const value = { b: [1e21, 0.000001, -0, 'é\u000f'], a: { z: null, y: true } };
  assert.equal(
    await page!.evaluate(
      (v) => (globalThis as unknown as { core: CoreInPage }).core.canonicalize(v),
      value,
    ),
    canonicalize(value),
  );
});

test('the same key signs the same entry bytes in Node and in the browser', { skip }, async () => {
  const { skey, vkey } = generateNoteKey('analyst.pak-afg');
  const id = '019a0a4c-2f00-7000-8000-00000000abcd';
  const at = '2025-10-20T10:00:00.000Z';
  const signer = await signerFromNoteKey(skey);
  for (const kind of ['report', 'finding', 'crossing'] as const) {
    const { bytes } = await signEnvelope(
      { mission: 'pak-afg', kind, body: exampleBody(kind), id, at },
      signer,
    );
    const browserEntry = await page!.evaluate(
      ([s, k, i, a]) =>
        (globalThis as unknown as { core: CoreInPage }).core.signWithNoteKey(s!, k!, i!, a!),
      [skey, kind, id, at],
    );
    assert.equal(browserEntry, new TextDecoder().decode(bytes), kind);
    assert.equal(
      await page!.evaluate(
        ([e, v]) => (globalThis as unknown as { core: CoreInPage }).core.verify(e!, v!),
        [browserEntry, vkey],
      ),
      true,
    );
  }
});

test(
  'a non-extractable browser key signs entries that Node verifies; tampering is caught',
  { skip },
  async () => {
    const { entry, vkey } = await page!.evaluate(() =>
      (globalThis as unknown as { core: CoreInPage }).core.signWithBrowserKey('report'),
    );
    const key = await importVerifier(vkey);
    const envelope = parseEntry(new TextEncoder().encode(entry));
    assert.equal(await verifyEnvelope(envelope, key), true);
    assert.equal(
      await verifyEnvelope({ ...envelope, body: { ...envelope.body, title: 'Altered' } }, key),
      false,
    );
    const other = generateNoteKey('someone.pak-afg');
    assert.equal(
      await page!.evaluate(
        ([e, v]) => (globalThis as unknown as { core: CoreInPage }).core.verify(e!, v!),
        [entry, other.vkey],
      ),
      false,
    );
  },
);
