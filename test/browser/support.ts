// Shared by the browser tests of the globe page: the demo server (`truceline serve --demo` in a
// temporary data directory), Debian's Chromium (never downloaded), a network fence that keeps the
// page on 127.0.0.1, and readers of the map canvas's pixels.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { decodePng, type Rgba } from './png.js';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Another server entry point with the same CLI contract (for developing the page alone). */
const BIN = process.env.TRUCELINE_TEST_BIN ?? join(ROOT, 'bin/truceline.js');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
/** Guards against a hang (a failure, not a speed check): software WebGL takes a few seconds. */
export const READY_TIMEOUT_MS = 45_000;

export const skip = existsSync(CHROMIUM)
  ? false
  : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
if (skip && process.env.CI === 'true') {
  throw new Error(`browser test: ${skip}; CI must run it`);
}
if (skip) console.log(`# browser test skipped: ${skip}`);

export interface Mission {
  slug: string;
  name: string;
  crossings: { id: string; name: string; approximate: boolean }[];
}

type Server = ChildProcessByStdio<null, Readable, Readable>;

/**
 * The page globals the test reads inside the browser, typed here so this file compiles without
 * the DOM lib. Callbacks passed to page.evaluate run in the page: they reach these through
 * `globalThis` and may not use anything from this module.
 */
export interface PageGlobals {
  document: { body: { dataset: Record<string, string | undefined> } };
  __truceline?: {
    map: {
      once(event: 'render', listener: () => void): void;
      triggerRepaint(): void;
      getCanvas(): { toDataURL(type: string): string };
    };
    globe: { spinner: { current: string } };
    colors: Record<'ocean' | 'land' | 'landMission' | 'boundary', string>;
  };
}

/** Starts the server and resolves with its base URL once it prints its listening line. */
function startServer(dataDir: string): Promise<{ proc: Server; url: string }> {
  const proc = spawn(
    process.execPath,
    [BIN, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not print its listening line; stderr:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    const lines = createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
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

/** Sends SIGTERM and resolves with the exit code (SIGKILL and null if it does not stop). */
function stopServer(proc: Server): Promise<number | null> {
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

/** Records every request; aborts, and records, any that would leave 127.0.0.1. */
export async function fenceNetwork(context: BrowserContext, seen: string[], offsite: string[]) {
  context.on('request', (r) => seen.push(r.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
}

export async function waitForGlobe(page: Page): Promise<string> {
  await page.waitForFunction(
    () =>
      !['loading', undefined].includes(
        (globalThis as unknown as PageGlobals).document.body.dataset.globe,
      ),
    null,
    { timeout: READY_TIMEOUT_MS },
  );
  return page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.body.dataset.globe ?? '',
  );
}

/** The map canvas's own pixels, read inside a render (no preserveDrawingBuffer needed). */
export async function readCanvas(page: Page): Promise<Rgba> {
  const dataUrl = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const map = (globalThis as unknown as PageGlobals).__truceline!.map;
        map.once('render', () => resolve(map.getCanvas().toDataURL('image/png')));
        map.triggerRepaint();
      }),
  );
  return decodePng(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many opaque pixels lie within `tol` (per channel) of each colour. */
export function countColors(img: Rgba, colors: Record<string, string>, tol = 14) {
  const targets = Object.entries(colors).map(([k, v]) => [k, hexRgb(v)] as const);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([k]) => [k, 0]));
  let opaque = 0;
  const buckets = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b, a] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, img.data[i + 3]!];
    if (a < 250) continue;
    opaque++;
    buckets.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    for (const [k, [tr, tg, tb]] of targets) {
      if (Math.abs(r - tr) <= tol && Math.abs(g - tg) <= tol && Math.abs(b - tb) <= tol) {
        counts[k]!++;
      }
    }
  }
  return { total: img.width * img.height, opaque, distinct: buckets.size, counts };
}

/** The running demo server and browser, set up once per test file by useDemoServer(). */
export interface Harness {
  url: string;
  browser: Browser;
}

/**
 * Registers before/after hooks that start the demo server and Chromium, and stop them (asserting
 * the server exits cleanly). Read the returned getter inside tests, after `before` has run.
 */
export function useDemoServer(): () => Harness {
  let dataDir = '';
  let server: { proc: Server; url: string } | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (skip) return;
    assert.ok(
      existsSync(join(ROOT, 'dist/web/index.html')),
      'dist/web/index.html is missing: run `npm run build` first',
    );
    dataDir = mkdtempSync(join(tmpdir(), 'truceline-browser-'));
    server = await startServer(dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    const code = server ? await stopServer(server.proc) : 0;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits cleanly (code 0) on SIGTERM');
  });
  return () => {
    assert.ok(server && browser, 'the demo server and the browser are running');
    return { url: server.url, browser };
  };
}
