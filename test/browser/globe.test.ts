// The globe page in a real browser: starts `truceline serve --demo` in a temporary data directory,
// loads the page in headless Chromium (Debian's /usr/bin/chromium; never downloads one), and checks
// that the globe canvas has drawn the world, that the crossings and the mission are on the page,
// that rotation stops on interaction, and that no request left 127.0.0.1.
// No frame rates or durations are asserted: software rendering here is slow and uneven.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { decodePng, type Rgba } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
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
const READY_TIMEOUT_MS = 45_000;

const skip = existsSync(CHROMIUM)
  ? false
  : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
if (skip && process.env.CI === 'true') {
  throw new Error(`browser test: ${skip}; CI must run it`);
}
if (skip) console.log(`# browser test skipped: ${skip}`);

interface Mission {
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
interface PageGlobals {
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
async function fenceNetwork(context: BrowserContext, seen: string[], offsite: string[]) {
  context.on('request', (r) => seen.push(r.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
}

async function waitForGlobe(page: Page): Promise<string> {
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
async function readCanvas(page: Page): Promise<Rgba> {
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

function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many opaque pixels lie within `tol` (per channel) of each colour. */
function countColors(img: Rgba, colors: Record<string, string>, tol = 14) {
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

test('the globe page draws the world, the line and the crossings, offline', { skip }, async (t) => {
  const base = server!.url;
  const list = (await (await fetch(`${base}/api/v1/missions`)).json()) as {
    missions: { slug: string }[];
  };
  const slug = list.missions[0]?.slug;
  assert.ok(slug, 'the demo server has a mission');
  const mission = (await (await fetch(`${base}/api/v1/missions/${slug}`)).json()) as Mission;
  assert.ok(mission.crossings.length > 0, 'the demo mission has crossings');

  const context = await browser!.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'no-preference',
    serviceWorkers: 'block',
  });
  const seen: string[] = [];
  const offsite: string[] = [];
  await fenceNetwork(context, seen, offsite);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });

  await page.goto(`${base}/`);
  assert.equal(await waitForGlobe(page), 'ready', 'the globe reached its first idle');

  // The mission and its crossings are on the page, as text.
  assert.equal((await page.locator('#mission-name').textContent())?.trim(), mission.name);
  for (const c of mission.crossings) {
    const marker = page.locator(`.maplibregl-marker[data-crossing="${c.id}"]`);
    assert.equal(await marker.count(), 1, `a marker for ${c.id}`);
    assert.equal(await marker.getAttribute('data-approximate'), String(c.approximate));
    const label = (await marker.locator('.crossing__label').textContent()) ?? '';
    assert.equal(label, c.approximate ? `≈ ${c.name}` : c.name);
    assert.equal(await page.locator(`#panel [data-crossing="${c.id}"]`).count(), 1);
  }

  // The canvas itself has drawn the globe: lots of opaque pixels, land and ocean colours, the
  // boundary colour, and more than a handful of distinct colours.
  const colors = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).__truceline!.colors,
  );
  const { ocean, land, landMission, boundary } = colors;
  const img = await readCanvas(page);
  const stats = countColors(img, { ocean, land, landMission, boundary });
  const info = JSON.stringify(stats);
  t.diagnostic(`canvas ${img.width}×${img.height}: ${info}`);
  assert.ok(stats.opaque > stats.total * 0.15, `the globe covers the canvas: ${info}`);
  assert.ok(stats.counts.ocean! > stats.total * 0.02, `ocean is drawn: ${info}`);
  assert.ok(stats.counts.land! > stats.total * 0.02, `land is drawn: ${info}`);
  assert.ok(stats.counts.landMission! > 20, `the mission's countries are drawn: ${info}`);
  assert.ok(stats.counts.boundary! > 5, `the boundary line is drawn: ${info}`);
  assert.ok(stats.distinct > 8, `more than a flat fill: ${info}`);

  // It turns by itself, and stops when the user takes hold of it.
  const spin = () =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__truceline!.globe.spinner.current);
  assert.equal(await spin(), 'spinning');
  const box = (await page.locator('#globe canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.55);
  assert.equal(await spin(), 'paused');
  assert.equal((await page.locator('#spin-toggle').textContent())?.trim(), 'Stop rotation');

  // Clicking a crossing in the panel marks it on the map.
  const first = mission.crossings[0]!;
  await page.locator(`#panel button[data-crossing="${first.id}"]`).click();
  assert.equal(
    await page.locator(`#panel button[data-crossing="${first.id}"]`).getAttribute('aria-current'),
    'true',
  );
  const classes = await page
    .locator(`.maplibregl-marker[data-crossing="${first.id}"]`)
    .getAttribute('class');
  assert.ok(classes?.split(/\s+/).includes('is-selected'), `marker classes: ${classes}`);

  assert.deepEqual(offsite, [], 'no request left 127.0.0.1');
  assert.ok(
    seen.some((u) => u.includes(`/api/v1/missions/${slug}`)),
    'the page loaded the mission from the API',
  );
  assert.deepEqual(problems, [], 'no errors in the page');
  await context.close();
});

test('with reduced motion the globe does not turn until asked', { skip }, async () => {
  const context = await browser!.newContext({
    viewport: { width: 1024, height: 700 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const offsite: string[] = [];
  await fenceNetwork(context, [], offsite);
  const page = await context.newPage();
  await page.goto(`${server!.url}/`);
  assert.equal(await waitForGlobe(page), 'ready');
  const spin = () =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__truceline!.globe.spinner.current);
  assert.equal(await spin(), 'off');
  const toggle = page.locator('#spin-toggle');
  assert.equal((await toggle.textContent())?.trim(), 'Start rotation');
  await toggle.click();
  assert.equal(await spin(), 'spinning');
  assert.equal((await toggle.textContent())?.trim(), 'Stop rotation');
  assert.deepEqual(offsite, [], 'no request left 127.0.0.1');
  await context.close();
});
