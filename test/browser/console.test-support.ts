// The steps every console browser test takes (issue 11), in one place: sign in through the form,
// load a demo user's key file and wait until the log has registered it, file entries over the API
// as another user's own console would, screenshots named by area and store, no sideways scrolling
// at phone width, axe-core's serious violations, and one test file per store.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signEnvelope } from '../../src/core/envelope.js';
import type { EntryKind } from '../../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../../src/core/signing.js';
import { skip, useConsoleHarness, type ConsoleHarness } from './console-support.js';
import { fenceNetwork } from './support.js';

export { skip, useConsoleHarness, type ConsoleHarness };

const SHOTS = '/tmp/shots';

/**
 * Screenshot paths for one area: /tmp/shots/console-<area>-<name> on SQLite and
 * console-<area>-<store>-<name> on another store, so both stores' runs keep their pictures (no
 * area: console-<name>).
 */
export function shotsFor(area: string, store: string): (name: string) => string {
  mkdirSync(SHOTS, { recursive: true });
  const base = area ? `console-${area}` : 'console';
  const prefix = store === 'sqlite' ? base : `${base}-${store}`;
  return (name) => join(SHOTS, name ? `${prefix}-${name}` : `${prefix}.png`);
}

/** Fills the sign-in form and presses "Sign in"; the caller waits for what it expects. */
export async function submitSignIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the console says it is signed in. */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  await submitSignIn(page, name, password);
  await page.locator('body[data-console="signed-in"]').waitFor();
}

/** Imports a signed-note key file and waits until the console shows the log registered it. */
export async function useKeyFile(page: Page, keyFile: string): Promise<void> {
  await page.locator('#key-file').setInputFiles(keyFile);
  await page.locator('.console-key[data-key="registered"]').waitFor();
}

/** The page's errors (its own 4xx answers aside: those are refusals it shows) and entry POSTs. */
export function watchPage(page: Page): { problems: string[]; entryPosts: number[] } {
  const problems: string[] = [];
  const entryPosts: number[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of (400|401|403|422)/.test(msg.text()))
      problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/entries'))
      entryPosts.push(r.status());
  });
  return { problems, entryPosts };
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors. */
  problems: string[];
}

/**
 * A new browser context on `path` (e.g. "/console/desk?q=x"), signed in as the demo user `user`
 * with their key file registered. `offsite` collects any request that leaves the server (the
 * console must work with no other host); `axe` lets the test inject axe-core past the page's CSP.
 */
export async function openConsole(
  h: ConsoleHarness,
  user: string,
  path: string,
  opts: { offsite?: string[]; axe?: boolean; width?: number } = {},
): Promise<ConsolePage> {
  const u = h.demo.creds.users[user];
  assert.ok(u, `no demo user ${user}`);
  const context = await h.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    ...(opts.axe ? { bypassCSP: true } : {}),
  });
  if (opts.offsite) await fenceNetwork(context, [], opts.offsite);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(`${h.url}${path}`);
  await signIn(page, user, u.password);
  await useKeyFile(page, u.keyFile);
  return { context, page, problems };
}

/** Fails when the page scrolls sideways, naming the elements that stick out. */
export async function assertNoSideScroll(page: Page): Promise<void> {
  const { over, wide } = await page.evaluate(() => {
    const e = document.documentElement;
    const edge = e.clientWidth + 1;
    return {
      over: e.scrollWidth - e.clientWidth,
      wide: Array.from(document.querySelectorAll('body *'))
        .filter((x) => x.getBoundingClientRect().right > edge)
        .slice(0, 8)
        .map((x) => `${x.tagName}.${x.className} ${Math.round(x.getBoundingClientRect().right)}`),
    };
  });
  assert.ok(over <= 0, `the page scrolls sideways by ${over} px: ${wide.join('; ')}`);
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page (its context needs `axe: true`). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const r = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export interface Posted {
  id: string;
  status: number;
  answer: Record<string, unknown>;
}

/** Entries signed with demo users' key files and filed over the real API (their own consoles). */
export function apiAs(h: ConsoleHarness) {
  const { creds } = h.demo;
  const api = `${h.upstream}/api/v1/missions/${creds.mission}`;
  const signers = new Map<string, Promise<Signer>>();
  const signer = (user: string): Promise<Signer> => {
    let s = signers.get(user);
    if (!s) {
      s = signerFromNoteKey(readFileSync(creds.users[user]!.keyFile, 'utf8').trim());
      signers.set(user, s);
    }
    return s;
  };
  const token = (user: string) => creds.users[user]!.token;
  const post = async (user: string, kind: EntryKind, body: unknown): Promise<Posted> => {
    const { envelope, bytes } = await signEnvelope(
      { mission: creds.mission, kind, body: body as Record<string, unknown> },
      await signer(user),
    );
    const res = await fetch(`${api}/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(user)}`, 'content-type': 'application/json' },
      body: Buffer.from(bytes),
    });
    return {
      id: envelope.id,
      status: res.status,
      answer: (await res.json()) as Record<string, unknown>,
    };
  };
  return {
    api,
    signer,
    post,
    /** Files one entry and requires the 201; returns its id. */
    async file(user: string, kind: EntryKind, body: unknown): Promise<string> {
      const r = await post(user, kind, body);
      assert.equal(r.status, 201, `${kind}: ${JSON.stringify(r.answer)}`);
      return r.id;
    },
    /** Files entries of one kind in one batch request; returns their ids in order. */
    async fileBatch(user: string, kind: EntryKind, bodies: unknown[]): Promise<string[]> {
      const s = await signer(user);
      const signed = await Promise.all(
        bodies.map((body) =>
          signEnvelope({ mission: creds.mission, kind, body: body as Record<string, unknown> }, s),
        ),
      );
      const res = await fetch(`${api}/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token(user)}`, 'content-type': 'application/jsonl' },
        body: signed.map((x) => Buffer.from(x.bytes).toString('utf8')).join('\n') + '\n',
      });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { index?: number });
      for (const l of lines.slice(0, bodies.length))
        assert.ok(l.index !== undefined, JSON.stringify(l));
      return signed.map((x) => x.envelope.id);
    },
    /** A mission read (`path` after /missions/<m>) as `user`, or as the public when null. */
    async read<T>(user: string | null, path: string): Promise<T> {
      const res = await fetch(`${api}${path}`, {
        headers: user ? { authorization: `Bearer ${token(user)}` } : {},
      });
      assert.equal(res.status, 200, `${path}: ${res.status}`);
      return (await res.json()) as T;
    },
  };
}

/** One store's suite of one test: each store has its own file within the runner's time limit. */
export function consoleSuite(
  area: string,
  store: 'sqlite' | 'postgres',
  name: string,
  run: (h: ConsoleHarness, store: string) => Promise<void>,
): void {
  describe(`console ${area} on ${store}`, () => {
    const harness = useConsoleHarness(store);
    test(name, { skip }, async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await run(h, store);
    });
  });
}
