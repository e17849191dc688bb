// The portal's report page for one day in real Chromium against the real demo server, on SQLite
// and PostgreSQL (issue 14 item 1): the incidents by the mission's sectors against the day before,
// with change levels and a row for incidents outside every sector, as the report API computes them
// (the API's own counts are checked against the sectors' boxes in
// src/server/routes/reports-formats.test-suite.ts). The rows add up to the day's total the page
// shows; Urdu at 390 px names the outside row in Urdu, is right to left, fits the width and has no
// serious axe-core violation. Screenshots /tmp/shots/report-day-*.png (1280 px en, 390 px ur).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { skip, useConsoleHarness, type ConsoleHarness } from './console-support.js';
import { fenceNetwork, READY_TIMEOUT_MS } from './support.js';

const SHOTS = '/tmp/shots';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OUTSIDE = '(outside the sectors)';

interface Change {
  current: number;
  previous: number;
  level: string;
}
interface DailyReport {
  counts: { total: number };
  change: { bySector: Record<string, Change> | null };
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return (await res.json()) as T;
}

/** The demo day whose report has incidents in the most sectors (and so the most to check). */
async function busiestSectorDay(h: ConsoleHarness, slug: string) {
  const api = `${h.upstream}/api/v1/missions/${slug}`;
  const { items } = await json<{ items: { date: string }[] }>(`${api}/incidents?limit=1000`);
  const days = [...new Set(items.map((i) => i.date.slice(0, 10)))];
  assert.ok(days.length > 0, 'the demo has released incidents');
  let best: { day: string; report: DailyReport; inSectors: number } | undefined;
  for (const day of days) {
    const report = await json<DailyReport>(`${api}/reports/daily?date=${day}`);
    assert.ok(report.change.bySector, 'the demo mission defines sectors');
    const inSectors = Object.entries(report.change.bySector).filter(
      ([k, c]) => k !== OUTSIDE && c.current > 0,
    ).length;
    if (!best || inSectors > best.inSectors) best = { day, report, inSectors };
  }
  assert.ok(best && best.inSectors > 0, 'some demo day has incidents in a sector');
  return best;
}

async function openReport(browser: Browser, url: string, width: number) {
  // bypassCSP only so the test can inject axe-core; the page's own scripts are the app's.
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  const offsite: string[] = [];
  await fenceNetwork(context, [], offsite);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const v = document.body.dataset.report;
      return v === 'ready' || v === 'error';
    },
    null,
    { timeout: READY_TIMEOUT_MS },
  );
  assert.equal(await page.evaluate(() => document.body.dataset.report), 'ready', url);
  return { context, page, problems, offsite };
}

interface SectorRow {
  key: string;
  label: string;
  current: string;
  previous: string;
  level: string;
  levelText: string;
}

function sectorRows(page: Page): Promise<SectorRow[]> {
  return page.locator('.report__sectors tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute('data-sector') ?? '',
      label: tr.querySelector('th')?.textContent ?? '',
      current: tr.querySelector('[data-count="current"]')?.textContent ?? '',
      previous: tr.querySelector('[data-count="previous"]')?.textContent ?? '',
      level: tr.getAttribute('data-level') ?? '',
      levelText: tr.querySelector('td:last-child')?.textContent ?? '',
    })),
  );
}

async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const r = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  const slug = h.demo.creds.mission;
  const { day, report } = await busiestSectorDay(h, slug);
  const bySector = report.change.bySector!;
  const keys = Object.keys(bySector);
  assert.ok(keys.includes(OUTSIDE), 'the report has a row for incidents outside the sectors');
  mkdirSync(SHOTS, { recursive: true });
  const suffix = store === 'sqlite' ? '' : `-${store}`;

  // English, desktop: one row per sector as the API counts it, outside last, in English.
  const en = await openReport(h.browser, `${h.url}/missions/${slug}/reports/${day}?lang=en`, 1280);
  try {
    const rows = await sectorRows(en.page);
    assert.deepEqual(rows.map((r) => r.key).sort(), [...keys].sort(), 'one row per sector');
    assert.equal(rows.at(-1)?.key, OUTSIDE, 'incidents outside every sector come last');
    assert.equal(rows.at(-1)?.label, 'Outside the sectors');
    const levels: Record<string, string> = {
      large_increase: 'large increase',
      moderate_increase: 'moderate increase',
      limited_change: 'limited change',
      large_decrease: 'large decrease',
    };
    for (const r of rows) {
      const c = bySector[r.key]!;
      if (r.key !== OUTSIDE)
        assert.equal(r.label, r.key, 'a sector is named as the mission names it');
      assert.equal(Number(r.current), c.current, `${r.key}: that day`);
      assert.equal(Number(r.previous), c.previous, `${r.key}: the day before`);
      assert.equal(r.level, c.level, `${r.key}: level`);
      assert.equal(r.levelText, levels[c.level], `${r.key}: level in words`);
    }
    const total = Number(await en.page.locator('[data-total="incidents"]').textContent());
    assert.equal(total, report.counts.total, "the page's total is the report's");
    assert.equal(
      rows.reduce((a, r) => a + Number(r.current), 0),
      total,
      'the sector rows add up to the day total',
    );
    // Days since the last major incident are counted to the cut-off, and the page says so.
    assert.match((await en.page.locator('[data-major]').textContent()) ?? '', /^As of .*: /);
    // The same day as PDF, one click away: a PDF, from this server.
    const pdfHref = await en.page
      .getByRole('link', { name: 'The report as PDF (names its checkpoint)' })
      .getAttribute('href');
    const pdf = await en.page.request.get(new URL(pdfHref!, h.url).href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    // The sector table is labelled by its heading, for screen readers.
    const region = en.page.getByRole('region', { name: 'By sector' });
    assert.equal(await region.count(), 1);
    await en.page.screenshot({ path: join(SHOTS, `report-day${suffix}-en.png`), fullPage: true });
    assert.deepEqual(await serious(en.page), [], 'axe-core, en 1280 px');
    assert.deepEqual(en.problems, []);
    assert.deepEqual(en.offsite, [], 'no request leaves the server');
  } finally {
    await en.context.close();
  }

  // Urdu at 390 px: the outside row in Urdu, right to left, nothing wider than the screen.
  const ur = await openReport(h.browser, `${h.url}/missions/${slug}/reports/${day}?lang=ur`, 390);
  try {
    assert.equal(await ur.page.evaluate(() => document.documentElement.dir), 'rtl');
    const rows = await sectorRows(ur.page);
    assert.equal(rows.length, keys.length);
    assert.equal(rows.at(-1)?.label, 'سیکٹروں سے باہر');
    for (const r of rows) assert.doesNotMatch(r.levelText, /[a-z]/, `${r.key}: level in Urdu`);
    const overflow = await ur.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the Urdu report at 390 px is ${overflow}px too wide`);
    // Urdu letters come from the font this server ships (fonts.css), not whatever the system
    // has (Debian's drew ہ and ے as boxes): the face is declared and was loaded for this page.
    const naskh = await ur.page.evaluate(async () => {
      await document.fonts.ready;
      const statuses: string[] = [];
      document.fonts.forEach((f) => {
        if (f.family.replace(/["']/g, '') === 'Noto Naskh Arabic') statuses.push(f.status);
      });
      return statuses;
    });
    assert.ok(naskh.includes('loaded'), `Noto Naskh Arabic faces: ${naskh.join(', ') || 'none'}`);
    await ur.page.screenshot({
      path: join(SHOTS, `report-day${suffix}-ur-390.png`),
      fullPage: true,
    });
    assert.deepEqual(await serious(ur.page), [], 'axe-core, ur 390 px');
    assert.deepEqual(ur.problems, []);
  } finally {
    await ur.context.close();
  }
}

export function reportSuite(store: 'sqlite' | 'postgres'): void {
  describe(`the report page on ${store}`, () => {
    const harness = useConsoleHarness(store);
    test(
      "a day's report shows the incidents by sector against the day before, outside included",
      { skip },
      async (t) => {
        const h = harness();
        if (typeof h === 'string') return t.skip(h);
        await scenario(h, store);
      },
    );
  });
}
