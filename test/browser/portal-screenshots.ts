// Screenshots of every page of the portal, for people to look at (not a test): desktop, a 390 px
// phone, Urdu and Pashto (desktop and phone each), into /tmp/shots/ (or $SHOTS).
//   node bin/truceline.js serve --demo --port 8099 &
//   node --import tsx test/browser/portal-screenshots.ts http://127.0.0.1:8099
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './support.js';

const base = process.argv[2];
if (!base) {
  console.error('usage: portal-screenshots.ts <base URL of a running `truceline serve --demo`>');
  process.exit(2);
}
const out = process.env.SHOTS ?? '/tmp/shots';
mkdirSync(out, { recursive: true });

const missions = (await (await fetch(`${base}/api/v1/missions`)).json()) as {
  missions: { slug: string }[];
};
const slug = missions.missions[0]!.slug;
const { items } = (await (
  await fetch(`${base}/api/v1/missions/${slug}/incidents?limit=1`)
).json()) as { items: { id: string; date: string }[] };
const first = items[0]!;
const pages: [string, string, string][] = [
  ['landing', '/', 'incidents'],
  ['mission', `/missions/${slug}`, 'mission'],
  ['mission-news', `/missions/${slug}?news=1`, 'news'],
  ['report', `/missions/${slug}/reports/${first.date.slice(0, 10)}`, 'report'],
  ['incident', `/missions/${slug}/incidents/${first.id}`, 'page'],
  ['verify', `/missions/${slug}/verify`, 'page'],
  ['not-found', '/missions/NOPE', 'page'],
];
const variants = [
  ['desktop', 1280, 860, 'en'],
  ['phone', 390, 844, 'en'],
  ['urdu', 1280, 860, 'ur'],
  ['urdu-phone', 390, 844, 'ur'],
  ['pashto', 1280, 860, 'ps'],
  ['pashto-phone', 390, 844, 'ps'],
] as const;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-quic'],
});
for (const [variant, width, height, lang] of variants) {
  const context = await browser.newContext({
    viewport: { width, height },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${variant}: page error: ${e.message}`));
  for (const [name, path, ready] of pages) {
    await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await page
      .waitForFunction(
        (k) => {
          const d = (
            globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }
          ).document.body.dataset;
          return d[k] !== undefined && d[k] !== 'loading';
        },
        ready,
        { timeout: 45_000 },
      )
      .catch(() => console.error(`${variant} ${name}: not ready after 45 s`));
    // The map's tiles settle after the page says it is ready: give them a moment (not measured).
    await page.waitForTimeout(
      name.startsWith('landing') || name.startsWith('mission') ? 3000 : 1500,
    );
    const file = `${out}/${name}-${variant}.png`;
    await page.screenshot({ path: file, fullPage: name !== 'landing' });
    console.log(file);
  }
  await context.close();
}
await browser.close();
