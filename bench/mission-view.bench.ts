// The mission view with 100,000 released incidents (issue 10 "Performance"), in headless Chromium:
// time to the first list render and the first map render, the JS heap, the DOM node count (the
// list virtualised: no 100,000 rows) and the landing's cold transferred bytes. Each figure is
// printed beside the same measurement of the demo alone (21 released incidents), taken in this
// run on this machine, as a ratio; the landing's bytes against its 600 kB budget.
//   npm run bench -- mission-view            (BENCH_VIEW_INCIDENTS=100000 by default)
// Incidents are written straight into the read model (bench/bulk-incidents.ts) above the demo
// log's own indices, all released, on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { resolveConfig } from '../src/server/config.js';
import { startServer } from '../src/server/serve.js';
import { openStore } from '../src/store/open.js';
import { CHROMIUM } from '../test/browser/support.js';
import { loadIncidents } from './bulk-incidents.js';

const N = Number(process.env.BENCH_VIEW_INCIDENTS ?? 100_000);
const M = 'pak-afg';
const FIRST_IDX = 10_000_000;
const LANDING_BUDGET = 600_000;
const TIMEOUT_MS = 180_000;

interface ViewFigures {
  listMs: number;
  mapMs: number;
  readyMs: number;
  heapBytes: number;
  domNodes: number;
  listRows: number;
  shown: string;
}

// Run in the page before its scripts: note when the list's first row and the map first appear.
const OBSERVE = `(() => {
  const t = (globalThis.__bench = { list: null, map: null, ready: null });
  const check = () => {
    const now = performance.now();
    if (t.list === null && document.querySelector('[data-testid="incident-list"] li.vrow')) t.list = now;
    const b = document.body && document.body.dataset;
    if (b && t.map === null && b.globe === 'ready') t.map = now;
    if (b && t.ready === null && b.mission === 'ready') t.ready = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function missionView(browser: Browser, base: string): Promise<ViewFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}/missions/${M}`);
  await page.waitForFunction(
    () => {
      const b = (globalThis as unknown as { __bench: Record<string, number | null> }).__bench;
      return b.list !== null && b.map !== null && b.ready !== null;
    },
    null,
    { timeout: TIMEOUT_MS, polling: 100 },
  );
  const t = await page.evaluate(
    () => (globalThis as unknown as { __bench: Record<string, number> }).__bench,
  );
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = await page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          getElementsByTagName(t: string): { length: number };
          querySelectorAll(s: string): { length: number };
          querySelector(s: string): { textContent: string | null } | null;
        };
      }
    ).document;
    return {
      nodes: d.getElementsByTagName('*').length,
      rows: d.querySelectorAll('li.vrow').length,
      shown: d.querySelector('#mission-count')?.textContent ?? '',
    };
  });
  await context.close();
  return {
    listMs: t.list!,
    mapMs: t.map!,
    readyMs: t.ready!,
    heapBytes: heap.usedSize,
    domNodes: dom.nodes,
    listRows: dom.rows,
    shown: dom.shown,
  };
}

function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => (n += d.length));
      res.on('end', () => resolve(n + res.rawHeaders.reduce((a, v) => a + v.length + 2, 0) + 17));
    }).on('error', reject);
  });
}

/** The landing's bytes on the wire, cold (cache off), the map worker's script counted as sent. */
async function landingBytes(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const counted = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    urls.set(e.requestId, e.request.url),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const u = urls.get(e.requestId) ?? e.requestId;
    counted.set(u, (counted.get(u) ?? 0) + e.encodedDataLength);
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${base}/`);
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } })
        .document.body.dataset.incidents === 'ready',
    null,
    { timeout: TIMEOUT_MS },
  );
  await page.waitForLoadState('networkidle');
  for (const w of workers) {
    if (!w.startsWith(base)) continue;
    const wire = await wireBytes(w, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    if (wire > (counted.get(w) ?? 0)) counted.set(w, wire);
  }
  await context.close();
  return [...counted.values()].reduce((a, b) => a + b, 0);
}

async function measure(browser: Browser, dataDir: string) {
  const server = await startServer(
    resolveConfig({ port: 0, host: '127.0.0.1', dataDir, db: 'sqlite', demo: true }, {}),
  );
  const base = server.url.replace('localhost', '127.0.0.1');
  try {
    // One warm-up load (the server's first answers, the browser's compile cache), then the figures.
    await missionView(browser, base);
    return { view: await missionView(browser, base), landing: await landingBytes(browser, base) };
  } finally {
    await server.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-mission-view-'));
  const dataDir = join(dir, 'data');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-quic'],
  });
  try {
    const demo = await measure(browser, dataDir);
    const store = await openStore('sqlite', dataDir);
    try {
      await loadIncidents(store, N, { mission: M, firstIdx: FIRST_IDX });
      // All released (the loader leaves three in ten in the workflow): the public sees N.
      await sql`update wf_incidents set status = 'released' where idx >= ${FIRST_IDX}`.execute(
        store.db,
      );
    } finally {
      await store.close();
    }
    const big = await measure(browser, dataDir);
    const rows: [string, number, number, (n: number) => string][] = [
      ['first list render', demo.view.listMs, big.view.listMs, (n) => `${n.toFixed(0)} ms`],
      ['first map render', demo.view.mapMs, big.view.mapMs, (n) => `${n.toFixed(0)} ms`],
      [
        'list final (data-mission=ready)',
        demo.view.readyMs,
        big.view.readyMs,
        (n) => `${n.toFixed(0)} ms`,
      ],
      ['JS heap after GC', demo.view.heapBytes, big.view.heapBytes, kb],
      ['DOM elements', demo.view.domNodes, big.view.domNodes, String],
      ['list rows in the DOM', demo.view.listRows, big.view.listRows, String],
      ['landing, cold, on the wire', demo.landing, big.landing, (n) => `${n} B`],
    ];
    console.log(
      `mission view, headless Chromium 1280×860, SQLite; demo (21 released) vs demo + ${N.toLocaleString('en')} released`,
    );
    for (const [name, a, b, f] of rows)
      console.log(
        `  ${name.padEnd(32)} ${f(a).padStart(10)} → ${f(b).padStart(10)}  ${ratio(b, a)}`,
      );
    console.log(`  list says: "${demo.view.shown}" → "${big.view.shown}"`);
    console.log(
      `  landing budget: ${big.landing} of ${LANDING_BUDGET} B = ${ratio(big.landing, LANDING_BUDGET)} (≤ 1.00× wanted)`,
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
