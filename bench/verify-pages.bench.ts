// The verification pages in headless Chromium against the demo (its whole story, a few hundred
// entries): the incident page's time from navigation to data-verify-status="verified" (fresh
// browser context each time: no cached tiles, no checkpoint seen before) and the requests it
// makes to the log; and the log page's full check in its Web Worker, printed as a ratio to the
// same audit in Node (`truceline verify`'s auditLog over HTTP from the same server, same run).
// Medians of 5 runs. Run alone: node --import tsx bench/verify-pages.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { auditLog } from '../src/log/audit.js';
import { httpLogSource } from '../src/log/audit-source.js';
import { startDemoServer } from '../src/server/demo-server.test-support.js';
import { parsePolicy } from '../src/tlog/policy.js';
import { CHROMIUM } from '../test/browser/support.js';
import {
  CHROMIUM_ARGS,
  buildPages,
  startProxy,
  verifyOutcome,
} from '../test/browser/verify-support.js';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const pages = mkdtempSync(join(tmpdir(), 'truceline-bench-pages-'));
  const demo = await startDemoServer('bench-verify-pages');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const seen: string[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  try {
    await buildPages(pages, false);
    proxy = await startProxy(demo.server.url, pages, () => undefined, seen);
    const base = proxy.url;
    const slug = 'pak-afg';
    const { items } = (await (
      await fetch(`${demo.server.url}/api/v1/missions/${slug}/incidents?limit=1`)
    ).json()) as { items: { id: string }[] };
    const incident = `${base}/missions/${slug}/incidents/${items[0]!.id}`;

    const pageMs: number[] = [];
    let logRequests = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      seen.length = 0;
      const t0 = performance.now();
      await page.goto(incident);
      const out = await verifyOutcome(page);
      pageMs.push(performance.now() - t0);
      if (out.status !== 'verified') throw new Error(`bench: ${out.reason}: ${out.message}`);
      logRequests = seen.filter((p) => p.startsWith('/log/') || p.endsWith('/keys')).length;
      await context.close();
    }

    const checkMs: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/missions/${slug}/verify`);
      const t0 = performance.now();
      await page.waitForFunction(
        () =>
          ['verified', 'failed'].includes(
            (
              globalThis as unknown as {
                document: { querySelector(s: string): { getAttribute(a: string): string } | null };
              }
            ).document
              .querySelector('[data-check]')
              ?.getAttribute('data-check') ?? '',
          ),
        null,
        { timeout: 300_000 },
      );
      // From the page's load to the worker's answer (the worker starts as the page renders).
      checkMs.push(performance.now() - t0);
      const el = page.locator('[data-check]');
      if ((await el.getAttribute('data-check')) !== 'verified')
        throw new Error(`bench: full check ${await el.getAttribute('data-check-message')}`);
      size = Number(await el.getAttribute('data-check-size'));
      await context.close();
    }

    const policy = parsePolicy(await (await fetch(`${demo.server.url}/log/${slug}/policy`)).text());
    const nodeMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await auditLog(httpLogSource(`${demo.server.url}/log/${slug}/`), policy);
      nodeMs.push(performance.now() - t0);
    }

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `incident page, navigation to verified: ${ms(median(pageMs))} (median of ${RUNS}; ${logRequests} log and key-index requests)`,
    );
    console.log(
      `log page, full check of ${size} entries in a Web Worker: ${ms(median(checkMs))}; Node auditLog over HTTP: ${ms(median(nodeMs))}; ratio ${(median(checkMs) / median(nodeMs)).toFixed(1)}x`,
    );
  } finally {
    await browser.close();
    await new Promise((r) => (proxy ? proxy.server.close(r) : r(undefined)));
    await demo.close();
    rmSync(pages, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
