// The API docs page in headless Chromium, served by the real server with its CSP: it renders every
// operation of the OpenAPI document, loads nothing from another origin, and violates no policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { resolveConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM}`;
if (skip && process.env.CI === 'true') throw new Error(`browser test: ${skip}; CI must run it`);

test(
  'api docs page: renders the OpenAPI document under the CSP, same origin only',
  { skip },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truceline-docs-'));
    const server = await startServer(
      resolveConfig({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true }, {}),
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const origins = new Set<string>();
      page.on('console', (m) => {
        // Failed loads are checked below by URL (the browser's own /favicon.ico is not the page's).
        if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
          problems.push(m.text());
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
          problems.push(`${r.status()} ${r.url()}`);
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => origins.add(new URL(r.url()).origin));
      await page.goto(`${server.url}/api/docs`);
      await page.waitForSelector('section.op', { timeout: 30_000 });
      const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const operations = Object.values(doc.paths).reduce(
        (n, ops) => n + Object.keys(ops).length,
        0,
      );
      assert.equal(await page.locator('section.op').count(), operations);
      const paths = await page.locator('section.op .path').allTextContents();
      assert.ok(paths.includes('/api/v1/missions/{slug}/entries'));
      assert.deepEqual([...origins], [new URL(server.url).origin]);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
