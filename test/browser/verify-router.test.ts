// The incident and log pages through the portal itself (web/ built with its own vite config, its
// router calling renderIncidentPage and renderVerifyPage), against the demo server behind the
// proxy: deep links reach "verified", and ?lang=ur renders them right to left in Urdu.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPage, skip, useVerifyHarness, verifyOutcome } from './verify-support.js';

const harness = useVerifyHarness({ app: true });

test(
  'the router serves the incident and log pages, verified, in English and Urdu',
  { skip },
  async () => {
    const h = harness();
    const { missions } = (await (await fetch(`${h.upstream}/api/v1/missions`)).json()) as {
      missions: { slug: string }[];
    };
    const slug = missions[0]!.slug;
    const { items } = (await (
      await fetch(`${h.upstream}/api/v1/missions/${slug}/incidents?limit=5`)
    ).json()) as { items: { id: string; title: string }[] };
    const pick = items[0]!;
    mkdirSync('/tmp/shots', { recursive: true });
    for (const [path, lang, shot] of [
      [`/missions/${slug}/incidents/${pick.id}`, 'en', 'check-router-incident.png'],
      [`/missions/${slug}/incidents/${pick.id}?lang=ur`, 'ur', 'check-router-incident-ur.png'],
      [`/missions/${slug}/verify`, 'en', 'check-router-log.png'],
    ] as const) {
      const { context, page, problems, offsite } = await openPage(h.browser);
      try {
        await page.goto(`${h.url}${path}`);
        const out = await verifyOutcome(page);
        assert.equal(out.status, 'verified', `${path}: ${out.reason}: ${out.message}`);
        const html = page.locator('html');
        assert.equal(await html.getAttribute('lang'), lang);
        assert.equal(await html.getAttribute('dir'), lang === 'ur' ? 'rtl' : 'ltr');
        if (path.includes('/incidents/')) {
          assert.equal(await page.locator('article.ip h1').innerText(), pick.title);
          // The map's first idle, so the screenshot shows it drawn.
          await page.locator('[data-map="ready"]').waitFor({ timeout: 45_000 });
        }
        if (lang === 'ur') assert.match(out.text, /تصدیق شدہ/);
        await page.screenshot({ path: join('/tmp/shots', shot), fullPage: true });
        assert.deepEqual(problems, [], path);
        assert.deepEqual(offsite, [], path);
      } finally {
        await context.close();
      }
    }
  },
);
