// Shared by the browser tests of the incident and log pages: the demo server run from source
// (`truceline serve --demo` through tsx, in a temporary data directory), the pages built by vite
// from test/browser/verify-harness (the production CSP; the real entry points), a small HTTP proxy
// in front of the real server that serves those pages and can tamper with what the server answers,
// and Debian's Chromium.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, READY_TIMEOUT_MS, fenceNetwork, skip } from './support.js';

export { skip, READY_TIMEOUT_MS };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

type Proc = ChildProcessByStdio<null, Readable, Readable>;

/** Rewrites an answer of the real server: return new bytes, or undefined to pass it through. */
export type Tamper = (path: string, body: Buffer) => Buffer | string | undefined;

function startServer(dataDir: string): Promise<{ proc: Proc; url: string }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'test/browser/verify-bin.ts'),
      'serve',
      '--demo',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not print its listening line; stderr:\n${stderr}`));
    }, READY_TIMEOUT_MS * 2);
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const m = /^truceline: listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening; stderr:\n${stderr}`));
    });
  });
}

function stopServer(proc: Proc): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      resolve(null);
    }, 10_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    proc.kill('SIGTERM');
  });
}

/** The harness pages, or (app: true) the portal itself, built from web/ with its own vite config. */
export async function buildPages(outDir: string, app: boolean): Promise<void> {
  if (app) {
    await build({
      configFile: join(ROOT, 'web/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    return;
  }
  await build({
    configFile: false,
    root: join(ROOT, 'test/browser/verify-harness'),
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

/** The proxy: pages from `pages`, /api and /log from `upstream` through the current tamper. */
export function startProxy(
  upstream: string,
  pages: string,
  tamper: () => Tamper | undefined,
  seen: string[],
): Promise<{ server: HttpServer; url: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/api/') || path.startsWith('/log/')) {
        seen.push(req.url ?? '');
        const up = await fetch(upstream + req.url, {
          method: req.method,
          headers: { accept: req.headers.accept ?? '*/*' },
        });
        let body: Buffer = Buffer.from(await up.arrayBuffer());
        const changed = up.ok ? tamper()?.(path, body) : undefined;
        if (changed !== undefined) body = Buffer.from(changed);
        res.writeHead(up.status, {
          'content-type': up.headers.get('content-type') ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
        return;
      }
      const file = path.startsWith('/assets/')
        ? normalize(join(pages, path))
        : join(pages, 'index.html');
      if (!file.startsWith(pages) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    })().catch((err: unknown) => {
      res.writeHead(502).end(String(err));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}

export interface VerifyHarness {
  /** The proxy's URL (pages, and the real server's API and log behind it). */
  url: string;
  /** The real server's URL (for the test's own reads, untampered). */
  upstream: string;
  dataDir: string;
  browser: Browser;
  /** Sets (or clears) what the proxy changes in the real server's answers. */
  setTamper(t: Tamper | undefined): void;
  /** API and log paths the proxy forwarded since the last call. */
  takeSeen(): string[];
}

/**
 * Starts the server, builds the pages (the harness, or with `app` the portal with its router) and
 * the proxy, and Chromium; stops them after the file's tests.
 */
export function useVerifyHarness(opts: { app?: boolean } = {}): () => VerifyHarness {
  let dataDir = '';
  let pagesDir = '';
  let server: { proc: Proc; url: string } | undefined;
  let proxy: { server: HttpServer; url: string } | undefined;
  let browser: Browser | undefined;
  let tamper: Tamper | undefined;
  let seen: string[] = [];
  before(async () => {
    if (skip) return;
    dataDir = mkdtempSync(join(tmpdir(), 'truceline-verify-'));
    pagesDir = mkdtempSync(join(tmpdir(), 'truceline-verify-pages-'));
    const [s] = await Promise.all([startServer(dataDir), buildPages(pagesDir, opts.app === true)]);
    server = s;
    proxy = await startProxy(server.url, pagesDir, () => tamper, seen);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => (proxy ? proxy.server.close(r) : r(undefined)));
    const code = server ? await stopServer(server.proc) : 0;
    for (const d of [dataDir, pagesDir]) if (d) rmSync(d, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits cleanly (code 0) on SIGTERM');
  });
  return () => {
    assert.ok(server && proxy && browser, 'the demo server, the proxy and the browser are running');
    return {
      url: proxy.url,
      upstream: server.url,
      dataDir,
      browser,
      setTamper: (t) => (tamper = t),
      takeSeen: () => {
        const s = seen;
        seen = [];
        return s;
      },
    };
  };
}

/** A fresh context (its own localStorage) and page, fenced to 127.0.0.1, problems collected. */
export async function openPage(
  browser: Browser,
  opts: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[]; offsite: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const offsite: string[] = [];
  await fenceNetwork(context, [], offsite);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, problems, offsite };
}

/** Waits for the incident page's verification outcome and returns it. */
export async function verifyOutcome(
  page: Page,
): Promise<{ status: string; reason: string | null; message: string | null; text: string }> {
  const el = page.locator('[data-verify-status]');
  await page.waitForFunction(
    () => {
      const e = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(a: string): string | null } | null };
        }
      ).document.querySelector('[data-verify-status]');
      const s = e?.getAttribute('data-verify-status');
      return s === 'verified' || s === 'failed';
    },
    null,
    { timeout: READY_TIMEOUT_MS },
  );
  return {
    status: (await el.getAttribute('data-verify-status')) ?? '',
    reason: await el.getAttribute('data-verify-reason'),
    message: await el.getAttribute('data-verify-message'),
    text: (await el.innerText()).trim(),
  };
}
