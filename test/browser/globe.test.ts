// The globe page in a real browser: starts `truceline serve --demo` in a temporary data directory,
// loads the page in headless Chromium (Debian's /usr/bin/chromium; never downloads one), and checks
// that the globe canvas has drawn the world, that the crossings and the mission are on the page,
// that rotation stops on interaction, and that no request left 127.0.0.1.
// No frame rates or durations are asserted: software rendering here is slow and uneven.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countColors,
  fenceNetwork,
  readCanvas,
  skip,
  useDemoServer,
  waitForGlobe,
  type Mission,
  type PageGlobals,
} from './support.js';

const harness = useDemoServer();

test('the globe page draws the world, the line and the crossings, offline', { skip }, async (t) => {
  const { url: base, browser } = harness();
  const list = (await (await fetch(`${base}/api/v1/missions`)).json()) as {
    missions: { slug: string }[];
  };
  const slug = list.missions[0]?.slug;
  assert.ok(slug, 'the demo server has a mission');
  const mission = (await (await fetch(`${base}/api/v1/missions/${slug}`)).json()) as Mission;
  assert.ok(mission.crossings.length > 0, 'the demo mission has crossings');

  const context = await browser.newContext({
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
  const { url: base, browser } = harness();
  const context = await browser.newContext({
    viewport: { width: 1024, height: 700 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const offsite: string[] = [];
  await fenceNetwork(context, [], offsite);
  const page = await context.newPage();
  await page.goto(`${base}/`);
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
