// The console in real Chromium (issue 11, first slice): sign-in over the cookie session, a demo
// user's key file imported non-extractable, a report signed in the browser and filed (201, and the
// record then read back through the API), a bad field's error shown beside that field, a refused
// workflow step naming its rule, a wrong password's error, a key created in the browser shown as
// not registered, and sign-out keeping the key. Screenshots into /tmp/shots/console-*.png.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoSideScroll,
  seriousViolations as serious,
  shotsFor,
  skip,
  submitSignIn as signIn,
  useConsoleHarness,
  useKeyFile,
  watchPage as watch,
  type ConsoleHarness,
} from './console.test-support.js';
import { fenceNetwork } from './support.js';

for (const store of ['sqlite', 'postgres'] as const) {
  describe(`console on ${store}`, () => {
    const harness = useConsoleHarness(store);
    test('sign in, use a key file, file a report signed in the browser', { skip }, async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await scenario(h, store);
    });
    if (store === 'sqlite') {
      test('axe-core finds no serious violation on the console', { skip }, async (t) => {
        const h = harness();
        if (typeof h === 'string') return t.skip(h);
        await accessibility(h);
      });
    }
  });
}

async function accessibility(h: ConsoleHarness): Promise<void> {
  const pk = h.demo.creds.users['pk-liaison']!;
  // Only to inject axe-core: the page's CSP allows no inline script, rightly.
  const context = await h.browser.newContext({ bypassCSP: true });
  const offsite: string[] = [];
  await fenceNetwork(context, [], offsite);
  const page = await context.newPage();
  try {
    for (const lang of ['en', 'ur']) {
      await page.goto(`${h.url}/console?lang=${lang}`);
      await page.locator('body[data-console]').waitFor();
      if ((await page.locator('body').getAttribute('data-console')) === 'signed-out') {
        assert.deepEqual(await serious(page), [], `sign-in (${lang})`);
        await page.locator('#signin-name').fill('pk-liaison');
        await page.locator('#signin-password').fill(pk.password);
        await page.locator('form button[type=submit]').click();
      }
      await page.locator('#file-heading').waitFor();
      await useKeyFile(page, pk.keyFile);
      // With field errors shown, as a user under pressure will see it.
      await page.locator('#f-lat').fill('95');
      await page.locator('form.console-form button[type=submit]').click();
      await page.locator('#f-lat[aria-invalid="true"]').waitFor();
      assert.deepEqual(await serious(page), [], `signed in (${lang})`);
    }
    assert.deepEqual(offsite, []);
  } finally {
    await context.close();
  }
}

async function scenario(h: ConsoleHarness, store: string): Promise<void> {
  {
    const health = (await (await fetch(`${h.upstream}/api/v1/health`)).json()) as {
      store: string;
    };
    assert.equal(health.store, store, 'the demo runs on the store this suite names');
    const { creds } = h.demo;
    const pk = creds.users['pk-liaison']!;
    const slug = creds.mission;
    const shot = shotsFor('', store);
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { problems, entryPosts } = watch(page);
    try {
      await page.goto(`${h.url}/console`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.screenshot({ path: shot('signin.png'), fullPage: true });

      // A wrong password: the API's reason beside the form, and still signed out.
      await signIn(page, 'pk-liaison', `${pk.password}-wrong`);
      const signinError = page.locator('#signin-error');
      await signinError.filter({ hasText: 'wrong name or password' }).waitFor();
      assert.equal(await signinError.innerText(), "Couldn't sign in: wrong name or password");
      assert.equal(await page.locator('body').getAttribute('data-console'), 'signed-out');
      await page.screenshot({ path: shot('signin-error.png'), fullPage: true });

      await signIn(page, 'pk-liaison', pk.password);
      await page.locator('[data-user="pk-liaison"]').waitFor();
      assert.equal(await page.locator('body').getAttribute('data-console'), 'signed-in');
      await page.locator('.console-key[data-key="none"]').waitFor();

      // The demo user's key file: imported, active, its author id, registered by the log.
      await useKeyFile(page, pk.keyFile);
      assert.equal(await page.locator('.console-author').innerText(), pk.author);
      assert.match(await page.locator('.console-key__status').innerText(), /Registered by the log/);
      // Held by WebCrypto in IndexedDB, not extractable: no script can read the private key back.
      const stored = await page.evaluate(async () => {
        const g = globalThis as unknown as {
          indexedDB: {
            open(n: string): {
              onsuccess: (() => void) | null;
              result: {
                transaction(s: string): {
                  objectStore(s: string): {
                    getAll(): { onsuccess: (() => void) | null; result: unknown[] };
                  };
                };
              };
            };
          };
          crypto: { subtle: { exportKey(f: string, k: unknown): Promise<unknown> } };
        };
        const db = await new Promise<ReturnType<typeof g.indexedDB.open>['result']>((resolve) => {
          const req = g.indexedDB.open('truceline-console');
          req.onsuccess = () => resolve(req.result);
        });
        const all = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction('keys').objectStore('keys').getAll();
          req.onsuccess = () => resolve(req.result);
        });
        const key = all[0] as {
          author: string;
          privateKey: { extractable: boolean; type: string };
        };
        let exported = 'refused';
        try {
          await g.crypto.subtle.exportKey('pkcs8', key.privateKey);
          exported = 'exported';
        } catch {
          /* expected */
        }
        return {
          n: all.length,
          author: key.author,
          extractable: key.privateKey.extractable,
          type: key.privateKey.type,
          exported,
        };
      });
      assert.deepEqual(stored, {
        n: 1,
        author: pk.author,
        extractable: false,
        type: 'private',
        exported: 'refused',
      });

      // Fill the form.
      const title = 'Console test: mortar rounds near Angoor Adda';
      // A report names no accused party: the field appears only for an allegation.
      assert.equal(await page.getByLabel('Accused party').isVisible(), false);
      await page.getByLabel('Filing').selectOption('allegation');
      assert.equal(await page.getByLabel('Accused party').isVisible(), true);
      await page.getByLabel('Accused party').selectOption('AF');
      await page.getByLabel('Event type').selectOption('shelling');
      await page.getByLabel('Date (UTC)').fill('2025-10-24');
      await page.getByLabel('Date precision').selectOption('1');
      await page.getByLabel('Place name').fill('Angoor Adda');
      await page.getByLabel('Country').selectOption('PK');
      await page.getByLabel('Latitude').fill('95');
      await page.getByLabel('Longitude').fill('69.27');
      await page.getByLabel('Fatalities (optional)').fill('2');
      await page.getByLabel('No cross-border attacks').check();
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Description').fill('Three mortar rounds landed near the crossing.');

      // A bad field: its error beside the field, the field marked invalid, nothing sent.
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      const latError = page.locator('[data-field="lat"] .field-error');
      await latError.filter({ hasText: /\S/ }).waitFor();
      assert.match(await latError.innerText(), /90/);
      assert.equal(await page.getByLabel('Latitude').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('[data-field="lon"] .field-error').innerText(), '');
      assert.match(await page.locator('#file-error').innerText(), /one field to fix/);
      assert.deepEqual(entryPosts, [], 'a record that fails its schema is not sent');
      await page.screenshot({ path: shot('field-error.png'), fullPage: true });

      // A refused workflow step: PK may not file a count claimed by AF (rule party_own_side).
      await page.getByLabel('Latitude').fill('32.62');
      await page.getByLabel('Who claims this figure').fill('AF');
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      const fileError = page.locator('#file-error[data-rule]');
      await fileError.waitFor();
      assert.equal(await fileError.getAttribute('data-rule'), 'party_own_side');
      assert.match(
        await fileError.innerText(),
        /^Refused by the rule "party_own_side": a party may only report for its own side/,
      );
      // …and beside the field it concerns.
      assert.match(
        await page.locator('[data-field="claimedBy"] .field-error').innerText(),
        /its own side/,
      );
      assert.equal(
        await page.getByLabel('Who claims this figure').getAttribute('aria-invalid'),
        'true',
      );
      await page.screenshot({ path: shot('rule.png'), fullPage: true });
      assert.equal(await latError.innerText(), '', 'the fixed field no longer shows an error');
      assert.deepEqual(entryPosts, [403]);

      // A date after today: said beside the date field, nothing sent.
      await page.getByLabel('Who claims this figure').fill('PK');
      await page.getByLabel('Date (UTC)').fill('2099-01-01');
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      const dateError = page.locator('[data-field="date"] .field-error');
      await dateError.filter({ hasText: /\S/ }).waitFor();
      assert.match(await dateError.innerText(), /after today/);
      assert.equal(await page.getByLabel('Date (UTC)').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(entryPosts, [403]);
      await page.getByLabel('Date (UTC)').fill('2025-10-24');

      // Filed: the 201's index, sealed until release, and the record through the API.
      await page.getByLabel('Who claims this figure').fill('PK');
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      const result = page.locator('#file-result[data-index]');
      await result.waitFor();
      assert.deepEqual(entryPosts, [403, 201]);
      const index = Number(await result.getAttribute('data-index'));
      const id = (await result.getAttribute('data-id'))!;
      assert.ok(Number.isInteger(index) && index > 0, `index ${index}`);
      assert.match(await result.innerText(), new RegExp(`Filed: log index ${index}\\.`));
      assert.match(await result.innerText(), /Sealed until release/);
      await page.screenshot({ path: shot('filed.png'), fullPage: true });

      const rec = await fetch(`${h.upstream}/api/v1/missions/${slug}/records/${id}`, {
        headers: { authorization: `Bearer ${pk.token}` },
      });
      assert.equal(rec.status, 200);
      const record = (await rec.json()) as {
        kind: string;
        author: string;
        org: string;
        body: {
          title: string;
          accused: string;
          type: string;
          occurred: { date: string; time_precision: number };
          location: { name: string; lat: number; lon: number };
          fatalities: { count: number; claimedBy: string };
          terms: string[];
        };
      };
      assert.equal(record.kind, 'report');
      assert.equal(record.author, pk.author, 'signed by the key from the key file');
      assert.equal(record.org, 'PK');
      assert.equal(record.body.title, title);
      assert.equal(record.body.accused, 'AF');
      assert.equal(record.body.type, 'shelling');
      assert.deepEqual(record.body.occurred, { date: '2025-10-24', time_precision: 1 });
      assert.equal(record.body.location.name, 'Angoor Adda');
      assert.equal(record.body.location.lat, 32.62);
      assert.equal(record.body.location.lon, 69.27);
      assert.deepEqual(record.body.fatalities, { count: 2, claimedBy: 'PK' });
      assert.deepEqual(record.body.terms, ['no-cross-border-attacks']);
      // The public does not see it: sealed until its incident is released.
      const pub = await fetch(`${h.upstream}/api/v1/missions/${slug}/records/${id}`);
      assert.equal(pub.status, 404);

      // The session ends under the user's feet (the cookie is gone): the 401 says so, a sign-in
      // form takes the "signed in as" card's place with the name filled in, and signing in again
      // files what the form still holds.
      await context.clearCookies();
      await page.getByLabel('Title').fill(`${title} (second)`);
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      await page.locator('body[data-console="session-ended"]').waitFor();
      assert.deepEqual(entryPosts, [403, 201, 401]);
      assert.match(await page.locator('#file-error').innerText(), /session has ended/);
      assert.equal(await page.getByLabel('User name').inputValue(), 'pk-liaison');
      await page.getByLabel('Password').fill(pk.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('body[data-console="signed-in"]').waitFor();
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      await page.locator(`#file-result[data-index]:not([data-index="${index}"])`).waitFor();
      assert.deepEqual(entryPosts, [403, 201, 401, 201]);
      assert.ok(Number(await result.getAttribute('data-index')) > index);

      // A key made in this browser: active, named <user>.<mission>, not registered by the log.
      await page.getByRole('button', { name: 'Create a key in this browser' }).click();
      await page.locator('.console-key[data-key="unregistered"]').waitFor();
      const created = await page.locator('.console-author').innerText();
      assert.match(created, new RegExp(`^pk-liaison\\.${slug}\\+[0-9a-f]{8}$`));
      assert.notEqual(created, pk.author);
      // Its public key, to hand to the steward: the author id is that vkey without its key material.
      const vkey = await page.locator('.console-vkey').innerText();
      assert.ok(vkey.startsWith(`${created}+`), vkey);
      assert.match(await page.locator('.console-key__status').innerText(), /Not registered/);
      // Signing with it is refused until the log has registered it, and said so.
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      await page.locator('#file-error').filter({ hasText: /\S/ }).waitFor();
      // The log's admission refuses it (no workflow rule is reached: the key is unknown).
      assert.match(
        await page.locator('#file-error').innerText(),
        new RegExp(
          `^Refused \\(422\\): .*${created.replace(/[.+]/g, '\\$&')} is not a registered key`,
        ),
      );
      assert.equal(entryPosts.at(-1), 422);
      // The file's key is still here and can be made active again.
      await page
        .locator('.console-key__others li', { hasText: pk.author })
        .getByRole('button', { name: 'Make active' })
        .click();
      await page.locator('.console-key[data-key="registered"]').waitFor();

      // Sign-out ends the session, not the keys.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const me = (await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json())) as {
        role: string;
      };
      assert.equal(me.role, 'public');
      await signIn(page, 'pk-liaison', pk.password);
      await page.locator('.console-key[data-key="registered"]').waitFor();
      assert.equal(await page.locator('.console-author').innerText(), pk.author);
      assert.deepEqual(problems, []);

      // 390 px wide: nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.locator('.console-key[data-key="registered"]').waitFor();
      await assertNoSideScroll(page);
      await page.screenshot({ path: shot('390.png'), fullPage: true });

      // Urdu: right to left, the console's own words.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${h.url}/console?lang=ur`);
      await page.locator('.console-key[data-key="registered"]').waitFor();
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'کنسول');
      await page.getByRole('button', { name: 'دستخط کر کے بھیجیں' }).waitFor();
      assert.equal(
        await page.locator('#f-type option[value="shelling"]').innerText(),
        'گولہ باری، توپ خانہ یا میزائل حملہ',
      );
      await page.screenshot({ path: shot('ur.png'), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
}
