// The log page (/missions/<slug>/verify) and the pages' looks, in headless Chromium against the
// demo server (run from source) behind a proxy: the checkpoint is verified and its witnesses
// listed; the full check in a Web Worker rebuilds the tree of every entry (progress to the end) and
// reaches verified, or failed naming what when the server reorders two entries; axe-core finds no
// serious violation on either page; screenshots at desktop width, 390 px and in Urdu go to
// /tmp/shots. Waits are bounded (READY_TIMEOUT_MS); nothing here measures time.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  TILE_WIDTH,
  decodeEntryBundle,
  encodeEntryBundle,
  parseCheckpoint,
  parseNote,
} from '../../src/tlog/index.js';
import {
  READY_TIMEOUT_MS,
  openPage,
  skip,
  useVerifyHarness,
  verifyOutcome,
} from './verify-support.js';

const harness = useVerifyHarness();
const SHOTS = '/tmp/shots';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Dom {
  document: {
    querySelector(s: string): { getAttribute(a: string): string | null } | null;
    documentElement: { dir: string; lang: string };
  };
}

async function slugOf(base: string): Promise<string> {
  const r = (await (await fetch(`${base}/api/v1/missions`)).json()) as {
    missions: { slug: string }[];
  };
  return r.missions[0]!.slug;
}

async function fullCheck(page: Page): Promise<Record<string, string | null>> {
  await page.waitForFunction(
    () => {
      const s = (globalThis as unknown as Dom).document
        .querySelector('[data-check]')
        ?.getAttribute('data-check');
      return s === 'verified' || s === 'failed';
    },
    null,
    { timeout: READY_TIMEOUT_MS },
  );
  const el = page.locator('[data-check]');
  return {
    check: await el.getAttribute('data-check'),
    reason: await el.getAttribute('data-check-reason'),
    message: await el.getAttribute('data-check-message'),
    entries: await el.getAttribute('data-check-entries'),
    size: await el.getAttribute('data-check-size'),
    text: await el.locator('.vp-check__result').innerText(),
  };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

/** axe-core in the page (CSP bypassed for its script only): the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.n} nodes)`);
}

test('the log page: checkpoint, witnesses, and a full check in a worker', { skip }, async () => {
  const h = harness();
  const slug = await slugOf(h.upstream);
  const note = await (await fetch(`${h.upstream}/log/${slug}/checkpoint`)).text();
  const cp = parseCheckpoint(parseNote(note).text);
  const { context, page, problems, offsite } = await openPage(h.browser);
  try {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`${h.url}/missions/${slug}/verify`);
    const out = await verifyOutcome(page);
    assert.equal(out.status, 'verified', `${out.reason}: ${out.message}`);
    assert.match(out.text, /cosigned by 3 of 3 witnesses/);
    // The demo may still be appending: the page's checkpoint is at least the one read here.
    const shown = Number(await page.locator('[data-log-size]').getAttribute('data-log-size'));
    assert.ok(shown >= cp.size, `${shown} >= ${cp.size}`);
    assert.equal(await page.locator('.vp-witness[data-cosigned="true"]').count(), 3);
    assert.match(await page.locator('.vp-section').first().innerText(), /needs 2 of these 3/);
    const r = await fullCheck(page);
    assert.equal(r.check, 'verified', `${r.reason}: ${r.message}`);
    const checked = Number(r.size);
    assert.ok(checked >= shown, `the worker checked checkpoint ${checked} (>= ${shown})`);
    assert.equal(r.entries, String(checked), 'every entry up to the checkpoint was checked');
    assert.match(
      r.text ?? '',
      new RegExp(`All ${checked.toLocaleString('en-GB')} entries check out`),
    );
    const bar = page.locator('progress.vp-progress');
    assert.equal(await bar.getAttribute('value'), String(checked));
    assert.equal(await bar.getAttribute('max'), String(checked));
    assert.equal(workers.length, 1, 'the full check ran in a Web Worker');
    // The worker fetched every entry bundle of the tree (the proxy saw them).
    const seen = h.takeSeen();
    const bundles = Math.ceil(checked / TILE_WIDTH);
    assert.equal(seen.filter((p) => p.includes('/tile/entries/')).length >= bundles, true);
    assert.deepEqual(problems, []);
    assert.deepEqual(offsite, []);
    await shot(page, 'check-log-desktop.png');
  } finally {
    await context.close();
  }
});

test('the log page: two entries swapped fail the full check', { skip }, async () => {
  const h = harness();
  const slug = await slugOf(h.upstream);
  const { context, page, problems } = await openPage(h.browser);
  // Two adjacent entries after the key genesis, neither a key nor a reveal (valid, signed
  // envelopes both): only their order changes.
  const first = `${h.upstream}/log/${slug}/tile/entries/${await entriesPath(h.upstream, slug)}`;
  const bundle = Buffer.from(await (await fetch(first)).arrayBuffer());
  const entries = decodeEntryBundle(bundle);
  const kindOf = (e: Uint8Array) =>
    (JSON.parse(Buffer.from(e).toString()) as { kind: string }).kind;
  const at = entries.findIndex(
    (e, i) =>
      i > 0 &&
      !['mission', 'key', 'reveal'].includes(kindOf(e)) &&
      entries[i + 1] !== undefined &&
      !['mission', 'key', 'reveal'].includes(kindOf(entries[i + 1]!)),
  );
  assert.ok(at > 0, 'the demo log has two adjacent entries to swap');
  try {
    h.setTamper((path, body) => {
      if (!path.startsWith(`/log/${slug}/tile/entries/000`)) return undefined;
      const list = decodeEntryBundle(body);
      [list[at], list[at + 1]] = [list[at + 1]!, list[at]!];
      return Buffer.from(encodeEntryBundle(list));
    });
    await page.goto(`${h.url}/missions/${slug}/verify`);
    const r = await fullCheck(page);
    assert.equal(r.check, 'failed');
    assert.equal(r.reason, 'entry-tampered', r.message ?? '');
    assert.match(r.message ?? '', /do not rebuild the root hash of checkpoint/);
    assert.deepEqual(problems, []);
    await shot(page, 'check-log-failed.png');
  } finally {
    h.setTamper(undefined);
    await context.close();
  }
});

/** The path of the first entry bundle in the current tree (full or partial). */
async function entriesPath(base: string, slug: string): Promise<string> {
  const cp = parseCheckpoint(
    parseNote(await (await fetch(`${base}/log/${slug}/checkpoint`)).text()).text,
  );
  return cp.size >= TILE_WIDTH ? '000' : `000.p/${cp.size}`;
}

test('both pages: axe-core, 390 px and Urdu (right to left)', { skip }, async () => {
  const h = harness();
  const slug = await slugOf(h.upstream);
  const { items } = (await (
    await fetch(`${h.upstream}/api/v1/missions/${slug}/incidents?limit=100`)
  ).json()) as { items: { id: string }[] };
  const incident = `${h.url}/missions/${slug}/incidents/${items[0]!.id}`;
  const log = `${h.url}/missions/${slug}/verify`;
  for (const [name, url, width, lang] of [
    ['check-incident-390.png', incident, 390, 'en'],
    ['check-incident-ur.png', incident, 1280, 'ur'],
    ['check-incident-ps-390.png', incident, 390, 'ps'],
    ['check-log-390.png', log, 390, 'en'],
    ['check-log-ur.png', log, 1280, 'ur'],
  ] as const) {
    const { context, page, problems } = await openPage(h.browser, { width, height: 844 });
    try {
      await page.goto(`${url}?lang=${lang}`);
      const out = await verifyOutcome(page);
      assert.equal(out.status, 'verified', `${name}: ${out.reason}: ${out.message}`);
      if (url === log) assert.equal((await fullCheck(page)).check, 'verified', name);
      else
        await page.waitForFunction(
          () =>
            (globalThis as unknown as Dom).document
              .querySelector('[data-map]')
              ?.getAttribute('data-map') !== 'loading',
          null,
          { timeout: READY_TIMEOUT_MS },
        );
      const dir = await page.evaluate(
        () => (globalThis as unknown as Dom).document.documentElement.dir,
      );
      assert.equal(dir, lang === 'en' ? 'ltr' : 'rtl');
      if (lang === 'ur') assert.match(out.text, /تمام|چیک پوائنٹ/, 'the outcome is said in Urdu');
      if (lang === 'ps') {
        assert.match(out.text, /ټول/, 'the outcome is said in Pashto');
        assert.match(out.text, /[۰-۹]/, 'with Pashto digits');
      }
      // Nothing wider than the phone.
      const overflow = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document.documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      await shot(page, name);
      await page.screenshot({ path: join(SHOTS, name.replace('.png', '-top.png')) });
      assert.deepEqual(problems, [], name);
    } finally {
      await context.close();
    }
  }
  // axe-core, run with the page's CSP bypassed (its script is injected inline).
  for (const url of [incident, log]) {
    const context = await h.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await verifyOutcome(page);
      if (url === log) await fullCheck(page);
      assert.deepEqual(await seriousViolations(page), [], url);
    } finally {
      await context.close();
    }
  }
});
