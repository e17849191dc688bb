// Shared by the console's browser tests (issue 11): the demo server in this process (a temporary
// data directory and its demo-credentials.json), the portal built by vite from web/ into a
// temporary directory (dist/web/ belongs to `npm run build`), and a same-origin front that serves
// those pages and passes /api and /log through unchanged — method, headers (Host and Origin
// included, so the server's same-origin and CSRF checks run as in production), cookies and body.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { startDemoServer, type DemoServer } from '../../src/server/demo-server.test-support.js';
import { withFreshDatabase } from '../../src/store/postgres.test-support.js';
import { CHROMIUM, skip } from './support.js';

export { skip };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  // The map library's worker (web/src/console/map): a module worker needs a JavaScript type.
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
};

function startFront(upstream: URL, pages: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/') || path.startsWith('/log/')) {
      const up = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers, // Host stays the front's: the origin the browser is on
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      up.on('error', (err) => res.writeHead(502).end(String(err)));
      req.pipe(up);
      return;
    }
    // The service worker is a root file, as `truceline serve` serves it (web/src/sw.ts).
    const file =
      path.startsWith('/assets/') || path === '/sw.js'
        ? normalize(join(pages, path))
        : join(pages, 'index.html');
    if (!file.startsWith(pages) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

export interface ConsoleHarness {
  /** The front's URL: pages, and the real server behind /api and /log. */
  url: string;
  /** The real server's URL, for the test's own API reads. */
  upstream: string;
  demo: DemoServer;
  browser: Browser;
}

let built: Promise<string> | undefined;
/** The portal built once per test file (both stores' suites serve the same pages). */
function buildOnce(): Promise<string> {
  built ??= (async () => {
    const pages = mkdtempSync(join(tmpdir(), 'truceline-console-pages-'));
    await build({
      configFile: join(ROOT, 'web/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: pages, emptyOutDir: true },
    });
    process.once('exit', () => rmSync(pages, { recursive: true, force: true }));
    return pages;
  })();
  return built;
}

/**
 * Starts the demo on `store` (PostgreSQL: a fresh database, or a skip reason when the server does
 * not answer outside CI), the front and Chromium, inside the calling suite; stops them after it.
 */
export function useConsoleHarness(
  store: 'sqlite' | 'postgres' = 'sqlite',
): () => ConsoleHarness | string {
  let pages = '';
  let demo: DemoServer | undefined;
  let front: { server: Server; url: string } | undefined;
  let browser: Browser | undefined;
  let pgSkip: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    if (skip) return;
    let db: string | undefined;
    if (store === 'postgres') {
      const fresh = await withFreshDatabase();
      if (typeof fresh === 'string') {
        pgSkip = fresh;
        return;
      }
      db = fresh.url;
      drop = fresh.drop;
    }
    const [d, p] = await Promise.all([
      startDemoServer(`console-${store}`, db ? { db } : {}),
      buildOnce(),
    ]);
    demo = d;
    pages = p;
    front = await startFront(new URL(d.server.url), pages);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => (front ? front.server.close(r) : r(undefined)));
    await demo?.close();
    await drop?.();
  });
  return () => {
    if (pgSkip) return pgSkip;
    if (!demo || !front || !browser) throw new Error('console harness not started');
    return { url: front.url, upstream: demo.server.url, demo, browser };
  };
}
