// axe-core on the console's sections (issue 11): the party's inbox and key requests, and the
// monitor's tasks, in English, Urdu and Pashto, signed in with a registered key: no serious or
// critical violation. Real Chromium against the demo server (SQLite; the pages are the same on
// PostgreSQL, whose runs are in console-inbox/monitor/keys).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  seriousViolations as serious,
  signIn,
  skip,
  useConsoleHarness,
  useKeyFile,
} from './console.test-support.js';

async function check(
  browser: Browser,
  url: string,
  user: { name: string; password: string; keyFile: string },
  sections: { id: string; ready: string }[],
): Promise<void> {
  // bypassCSP only to inject axe-core: the page's CSP allows no inline script, rightly.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/console/${sections[0]!.id}`);
    await signIn(page, user.name, user.password);
    await useKeyFile(page, user.keyFile);
    for (const lang of ['en', 'ur', 'ps'])
      for (const s of sections) {
        await page.goto(`${url}/console/${s.id}?lang=${lang}`);
        await page.locator(`body[data-section="${s.id}"]`).waitFor();
        await page.locator(s.ready).first().waitFor();
        assert.deepEqual(await serious(page), [], `${s.id} (${lang})`);
      }
  } finally {
    await context.close();
  }
}

describe('console sections on sqlite', () => {
  const harness = useConsoleHarness('sqlite');
  test('axe-core: inbox, key requests, tasks', { skip }, async (t) => {
    const h = harness();
    if (typeof h === 'string') return t.skip(h);
    const users = h.demo.creds.users;
    await check(h.browser, h.url, { name: 'pk-liaison', ...users['pk-liaison']! }, [
      { id: 'inbox', ready: '#inbox-against table, #inbox-none' },
      { id: 'key-requests', ready: '[data-steward]' },
    ]);
    await check(h.browser, h.url, { name: 'monitor', ...users.monitor! }, [
      { id: 'tasks', ready: '#monitor-tasks ul, #monitor-none' },
    ]);
  });
});
