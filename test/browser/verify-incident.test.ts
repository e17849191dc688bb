// The incident page verifies itself against the public log, in headless Chromium against the demo
// server (run from source) behind a proxy: an honest server gives data-verify-status="verified"
// with every record's signature checked; a server that tampers with an entry, a tile, the
// checkpoint's signature or its cosignatures, or shows a history inconsistent with what this
// browser saw before, gives "failed" with data-verify-reason naming exactly that. Waits are bounded
// (READY_TIMEOUT_MS); nothing here measures time.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  decodeEntryBundle,
  ed25519NoteSigner,
  encodeEntryBundle,
  entryBundlePath,
  formatCheckpoint,
  generateNoteKey,
  parseCheckpoint,
  parseNote,
  parsePolicy,
  signNote,
  cosignatureSigner,
  formatTileIndex,
  tileHashSourceAsync,
  tilePath,
  treeHashAsync,
  TILE_WIDTH,
  addSignatures,
  formatNote,
  type NoteSignature,
} from '../../src/tlog/index.js';
import { openPage, skip, useVerifyHarness, verifyOutcome } from './verify-support.js';

const harness = useVerifyHarness();
const SHOTS = '/tmp/shots';

interface Detail {
  id: string;
  records: {
    id: string;
    index: number;
    kind: string;
    author: string;
    sealed?: { commitmentIndex: number; revealIndex: number } | null;
  }[];
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return (await res.json()) as T;
}

/** The released incident with the most records (the demo's richest page). */
async function richestIncident(base: string): Promise<{ slug: string; detail: Detail }> {
  const { missions } = await json<{ missions: { slug: string }[] }>(`${base}/api/v1/missions`);
  const slug = missions[0]!.slug;
  const { items } = await json<{ items: { id: string }[] }>(
    `${base}/api/v1/missions/${slug}/incidents?limit=100`,
  );
  assert.ok(items.length > 0, 'the demo has released incidents');
  let best: Detail | undefined;
  for (const i of items) {
    const d = await json<Detail>(`${base}/api/v1/missions/${slug}/incidents/${i.id}`);
    if (!best || d.records.length > best.records.length) best = d;
  }
  return { slug, detail: best! };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cached: { slug: string; detail: Detail } | undefined;
async function incident(base: string) {
  cached ??= await richestIncident(base);
  return cached;
}

async function checkpointOf(base: string, slug: string) {
  const note = await (await fetch(`${base}/log/${slug}/checkpoint`)).text();
  return { note, cp: parseCheckpoint(parseNote(note).text) };
}

test('an honest server: the incident page reaches verified', { skip }, async () => {
  const h = harness();
  h.setTamper(undefined);
  const { slug, detail } = await incident(h.upstream);
  const { context, page, problems, offsite } = await openPage(h.browser);
  try {
    const url = `${h.url}/missions/${slug}/incidents/${detail.id}`;
    await page.goto(url);
    const out = await verifyOutcome(page);
    assert.equal(out.status, 'verified', `${out.reason}: ${out.message}`);
    assert.equal(out.reason, null);
    const { cp } = await checkpointOf(h.upstream, slug);
    assert.match(
      out.text,
      new RegExp(`All ${detail.records.length} records are in the public log`),
    );
    // The page verified the checkpoint it fetched (the demo may still be appending: at least ours).
    const said = /Checkpoint ([\d,]+) is cosigned by 3 of 3 witnesses/.exec(out.text);
    assert.ok(said, out.text);
    const pageSize = Number(said[1]!.replace(/,/g, ''));
    assert.ok(pageSize >= cp.size, `${pageSize} >= ${cp.size}`);
    assert.match(out.text, /had not seen this log before/);
    // Every record is listed in log order and says its signature verified, by its author; a
    // sealed one also that its reveal matches its commitment; each offers its proofs.
    const items = page.locator('.ip-rec');
    assert.equal(await items.count(), detail.records.length);
    const sorted = [...detail.records].sort((a, b) => a.index - b.index);
    assert.ok(
      sorted.some((r) => r.sealed),
      'the demo incident has records that entered the log sealed',
    );
    for (const [n, r] of sorted.entries()) {
      const li = items.nth(n);
      assert.equal(await li.getAttribute('data-index'), String(r.index));
      const sig = li.locator('.ip-sig');
      assert.equal(await sig.getAttribute('data-sig'), 'verified', `record at ${r.index}`);
      const said = await sig.innerText();
      assert.match(said, new RegExp(`Signature by ${esc(r.author)} verified`));
      if (r.sealed)
        assert.match(
          said,
          new RegExp(`Revealed and matches commitment at index ${r.sealed.commitmentIndex}`),
        );
      const offered = await li
        .locator('a.ip-download')
        .evaluateAll((as) =>
          as.map((a) =>
            Number((a as unknown as { dataset: { proofIndex: string } }).dataset.proofIndex),
          ),
        );
      assert.deepEqual(
        offered,
        r.sealed ? [r.sealed.revealIndex, r.sealed.commitmentIndex] : [r.index],
      );
    }
    // A proof downloads as a c2sp.org/tlog-proof@v1 bundle for that entry and this checkpoint.
    const first = sorted.find((r) => !r.sealed)!;
    const li = page.locator(`.ip-rec[data-index="${first.index}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      li.locator('a.ip-download').first().click(),
    ]);
    const bundle = readFileSync(await download.path()).toString();
    assert.match(bundle, new RegExp(`^c2sp\\.org/tlog-proof@v1\\nindex ${first.index}\\n`));
    const bundleCheckpoint = bundle.slice(bundle.indexOf('\n\n') + 2);
    assert.equal(parseCheckpoint(parseNote(bundleCheckpoint).text).size, pageSize);
    await shot(page, 'check-incident-desktop.png');

    // The details are one click away: the signed checkpoint and the policy, verbatim.
    await page.locator('.ip-verify__details summary').click();
    assert.equal(
      (await page.locator('.ip-verify__details pre').first().innerText()).trim(),
      (await checkpointOf(h.upstream, slug)).note.trim(),
    );

    // A second visit from the same browser checks the new checkpoint against the one it kept.
    await page.goto(url);
    const again = await verifyOutcome(page);
    assert.equal(again.status, 'verified', `${again.reason}: ${again.message}`);
    assert.match(again.text, /The log only grew since checkpoint/);
    assert.deepEqual(problems, []);
    assert.deepEqual(offsite, []);
  } finally {
    await context.close();
  }
});

/** Loads the incident page in a fresh browser context through `tamper` and returns the outcome. */
async function failedWith(
  tamper: Parameters<ReturnType<typeof harness>['setTamper']>[0],
  shotName?: string,
) {
  const h = harness();
  const { slug, detail } = await incident(h.upstream);
  const { context, page, problems } = await openPage(h.browser);
  try {
    h.setTamper(tamper);
    await page.goto(`${h.url}/missions/${slug}/incidents/${detail.id}`);
    const out = await verifyOutcome(page);
    if (shotName) await shot(page, shotName);
    assert.deepEqual(problems, []);
    return out;
  } finally {
    h.setTamper(undefined);
    await context.close();
  }
}

/** A record the page proves by its own leaf (not sealed), and its index. */
async function plainRecord(base: string): Promise<number> {
  const { detail } = await incident(base);
  const r = [...detail.records].sort((a, b) => a.index - b.index).find((x) => !x.sealed);
  assert.ok(r, 'the incident has a record that entered the log in the clear');
  return r.index;
}

test('a tampered entry: failed, naming the entry', { skip }, async () => {
  const h = harness();
  const { slug } = await incident(h.upstream);
  const index = await plainRecord(h.upstream);
  const n = Math.floor(index / TILE_WIDTH);
  const prefix = `/log/${slug}/${entryBundlePath(n, TILE_WIDTH).replace(/\/\d{3}$/, '/')}`;
  let hit = 0;
  const out = await failedWith((path, body) => {
    if (!path.startsWith(`/log/${slug}/tile/entries/`)) return undefined;
    const entries = decodeEntryBundle(body);
    const e = entries[index % TILE_WIDTH];
    if (!e) return undefined;
    // Same length, one letter changed inside the signed JSON: still parses, no longer the leaf.
    const text = Buffer.from(e).toString('utf8');
    const at = text.indexOf('"body":{') + 9;
    const changed = text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
    entries[index % TILE_WIDTH] = new Uint8Array(Buffer.from(changed));
    hit++;
    return Buffer.from(encodeEntryBundle(entries));
  });
  assert.ok(hit > 0, `the proxy changed entry ${index} (${prefix})`);
  assert.equal(out.status, 'failed');
  assert.equal(out.reason, `entry-tampered@${index}`, out.message ?? '');
  assert.match(out.message ?? '', new RegExp(`index ${index}\\).* is not the one in checkpoint`));
});

test('a tampered tile: failed, naming the tiles', { skip }, async () => {
  const h = harness();
  const { slug } = await incident(h.upstream);
  const index = await plainRecord(h.upstream);
  // The level-0 tile holding the record's leaf, at whatever width the page asks for.
  const tile = `/log/${slug}/tile/0/${formatTileIndex(Math.floor(index / TILE_WIDTH))}`;
  let hit = 0;
  const out = await failedWith((path, body) => {
    if (path !== tile && !path.startsWith(`${tile}.p/`)) return undefined;
    const b = Buffer.from(body);
    const at = (index % TILE_WIDTH) * 32;
    b[at] = b[at]! ^ 0x01; // the record's own leaf hash
    hit++;
    return b;
  }, 'check-incident-failed-tile.png');
  assert.ok(hit > 0, `the proxy changed ${tile}`);
  assert.equal(out.status, 'failed');
  // The changed leaf is part of every other entry's proof: the first entry proven (the mission
  // document at index 0) is the one named.
  assert.equal(out.reason, 'tile-tampered@0', out.message ?? '');
  assert.match(out.message ?? '', /tiles served for .* do not lead to the root hash of checkpoint/);
});

test('a checkpoint signed by another key: failed, naming the log key', { skip }, async () => {
  const h = harness();
  const { slug } = await incident(h.upstream);
  const out = await failedWith((path, body) => {
    if (path !== `/log/${slug}/checkpoint`) return undefined;
    const note = parseNote(body.toString());
    const origin = parseCheckpoint(note.text).origin;
    const other = generateNoteKey(origin); // the log's name, another key
    const witnesses = note.signatures.filter((s: NoteSignature) => s.name !== origin);
    return addSignatures(signNote(note.text, [ed25519NoteSigner(other.skey)]), witnesses);
  });
  assert.equal(out.status, 'failed');
  assert.equal(out.reason, 'checkpoint-signature', out.message ?? '');
  assert.match(out.message ?? '', /not signed by the log key in the policy/);
});

test('a checkpoint short of the quorum: failed, naming the quorum', { skip }, async () => {
  const h = harness();
  const { slug } = await incident(h.upstream);
  const policy = parsePolicy(await (await fetch(`${h.upstream}/log/${slug}/policy`)).text());
  const out = await failedWith((path, body) => {
    if (path !== `/log/${slug}/checkpoint`) return undefined;
    const note = parseNote(body.toString());
    const origin = parseCheckpoint(note.text).origin;
    const keepOne = note.signatures.filter((s) => s.name !== origin).slice(0, 1);
    const log = note.signatures.filter((s) => s.name === origin);
    return formatNote({ text: note.text, signatures: [...log, ...keepOne] });
  });
  assert.equal(out.status, 'failed');
  assert.equal(out.reason, 'quorum', out.message ?? '');
  assert.equal(policy.groups[0]?.threshold, 2, 'the demo policy needs 2 of 3 witnesses');
  assert.match(out.message ?? '', /cosigned by 1 of the policy's witnesses; the policy needs 2/);
});

test('a checkpoint inconsistent with one seen earlier: failed, in red', { skip }, async () => {
  const h = harness();
  const { slug, detail } = await incident(h.upstream);
  const { cp } = await checkpointOf(h.upstream, slug);
  const keys = join(h.dataDir, 'keys');
  const logKey = readFileSync(join(keys, `log.${slug}.key`), 'utf8').trim();
  const policy = parsePolicy(await (await fetch(`${h.upstream}/log/${slug}/policy`)).text());
  const witnessKeys = policy.witnesses.map((w) =>
    readFileSync(join(keys, `witness.${w.key.name}.key`), 'utf8').trim(),
  );
  // A fork: a smaller tree with another root, signed by the real log key and cosigned by the real
  // witnesses' keys (what a compromised log and witnesses could show one reader).
  const forked = signNote(
    formatCheckpoint({
      origin: cp.origin,
      size: cp.size - 1,
      rootHash: new Uint8Array(32).fill(7),
      extensions: [],
    }),
    [
      ed25519NoteSigner(logKey),
      ...witnessKeys.map((k) => cosignatureSigner(k, () => Math.floor(Date.now() / 1000))),
    ],
  );
  const { context, page, problems } = await openPage(h.browser);
  try {
    const url = `${h.url}/missions/${slug}/incidents/${detail.id}`;
    // First visit: this browser is shown the fork (and keeps its checkpoint).
    h.setTamper((path) => (path === `/log/${slug}/checkpoint` ? forked : undefined));
    await page.goto(url);
    await verifyOutcome(page);
    // Second visit: the real log, which does not extend the fork.
    h.setTamper(undefined);
    await page.goto(url);
    const out = await verifyOutcome(page);
    await shot(page, 'check-incident-failed-history.png');
    assert.equal(out.status, 'failed');
    assert.equal(out.reason, 'consistency', out.message ?? '');
    assert.match(
      out.message ?? '',
      new RegExp(
        `checkpoint [\\d,]+ is not consistent with checkpoint ${esc((cp.size - 1).toLocaleString('en-GB'))} seen earlier`,
      ),
    );
    const history = page.locator('.ip-verify__history');
    assert.match(await history.innerText(), /different history/);
    const color = await history.evaluate(
      (e) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }
        ).getComputedStyle(e).color,
    );
    assert.equal(color, 'rgb(255, 107, 107)', 'said in red');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test(
  'hostile text from the API stays text, and the page says it is not the log',
  { skip },
  async () => {
    const h = harness();
    const { slug, detail } = await incident(h.upstream);
    const hostile =
      '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
    const target = [...detail.records].sort((a, b) => a.index - b.index).find((r) => !r.sealed)!;
    const { context, page, problems } = await openPage(h.browser);
    try {
      h.setTamper((path, body) => {
        if (path !== `/api/v1/missions/${slug}/incidents/${detail.id}`) return undefined;
        const d = JSON.parse(body.toString()) as {
          title: string;
          records: { id: string; body: Record<string, unknown> }[];
        };
        d.title = hostile;
        const r = d.records.find((x) => x.id === target.id)!;
        r.body = { ...r.body, title: hostile, description: hostile, statement: hostile };
        return JSON.stringify(d);
      });
      await page.goto(`${h.url}/missions/${slug}/incidents/${detail.id}`);
      const out = await verifyOutcome(page);
      assert.equal(await page.locator('h1').innerText(), hostile, 'the title is shown as text');
      assert.equal(await page.locator('article img, article script').count(), 0);
      assert.equal(
        await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned),
        undefined,
      );
      // The page's copy is not what the log holds: said, naming the record.
      assert.equal(out.status, 'failed');
      assert.equal(out.reason, `entry-differs@${target.index}`, out.message ?? '');
      assert.match(
        out.message ?? '',
        new RegExp(`differs from the log entry at index ${target.index} \\(body\\)`),
      );
      const sig = page.locator(`.ip-rec[data-index="${target.index}"] .ip-sig`);
      assert.equal(await sig.getAttribute('data-sig'), 'failed');
      assert.deepEqual(problems, []);
    } finally {
      h.setTamper(undefined);
      await context.close();
    }
  },
);

test(
  'a sealed record pointed at another commitment: failed, naming the reveal',
  { skip },
  async () => {
    const h = harness();
    const { slug, detail } = await incident(h.upstream);
    const sealed = detail.records.filter((r) => r.sealed).sort((a, b) => a.index - b.index);
    assert.ok(sealed.length >= 2, 'the incident has two sealed records');
    const [a, b] = [sealed[0]!, sealed[1]!];
    const out = await failedWith((path, body) => {
      if (path !== `/api/v1/missions/${slug}/incidents/${detail.id}`) return undefined;
      const d = JSON.parse(body.toString()) as Detail;
      const r = d.records.find((x) => x.id === a.id)!;
      r.sealed = { ...r.sealed!, commitmentIndex: b.sealed!.commitmentIndex };
      return JSON.stringify(d);
    });
    assert.equal(out.status, 'failed');
    assert.equal(out.reason, `sealed@${a.sealed!.revealIndex}`, out.message ?? '');
    assert.match(out.message ?? '', /the reveal of .* fails: it names commitment .*, not /);
  },
);

test(
  "a key index that leaves out an author's key: failed, naming the author",
  { skip },
  async () => {
    const h = harness();
    const { slug, detail } = await incident(h.upstream);
    // A record whose author's key registers no other key (leaving it out breaks nothing else).
    const keys = await json<{ items: { author: string; body: { vkey?: string } }[] }>(
      `${h.upstream}/api/v1/missions/${slug}/keys`,
    );
    const idOf = (vkey?: string) => vkey?.split('+').slice(0, 2).join('+');
    const signsOthers = (author: string) =>
      keys.items.some((k) => k.author === author && idOf(k.body.vkey) !== author);
    const first = [...detail.records]
      .sort((a, b) => a.index - b.index)
      .find((r) => !signsOthers(r.author));
    assert.ok(first, 'a record by an author who registers no other key');
    const out = await failedWith((path, body) => {
      if (path !== `/api/v1/missions/${slug}/keys`) return undefined;
      const d = JSON.parse(body.toString()) as typeof keys;
      d.items = d.items.filter((k) => idOf(k.body.vkey) !== first.author);
      return JSON.stringify(d);
    });
    assert.equal(out.status, 'failed');
    assert.equal(out.reason, `no-key@${first.index}`, out.message ?? '');
    assert.match(
      out.message ?? '',
      new RegExp(`${esc(first.author)}, has no key registered earlier in the log`),
    );
  },
);

test(
  'a policy downgraded to no witnesses: failed, against the mission document',
  { skip },
  async () => {
    const h = harness();
    const { slug } = await incident(h.upstream);
    // The server drops the witnesses from its policy and the cosignatures from its checkpoint: the
    // mission document (log entry 0) still asks for its quorum of witnesses.
    const out = await failedWith((path, body) => {
      if (path === `/log/${slug}/policy`)
        return (
          body
            .toString()
            .split('\n')
            .filter((l) => l.startsWith('log '))
            .join('\n') + '\nquorum none\n'
        );
      if (path === `/log/${slug}/checkpoint`) {
        const note = parseNote(body.toString());
        const origin = parseCheckpoint(note.text).origin;
        return formatNote({
          text: note.text,
          signatures: note.signatures.filter((s) => s.name === origin),
        });
      }
      return undefined;
    });
    assert.equal(out.status, 'failed');
    assert.equal(out.reason, 'policy-mission', out.message ?? '');
    assert.match(out.message ?? '', /its quorum needs 0, the mission 2/);
  },
);

test('another log key than the one this browser saw: failed, in red', { skip }, async () => {
  const h = harness();
  const { slug, detail } = await incident(h.upstream);
  const { context, page, problems } = await openPage(h.browser);
  try {
    const url = `${h.url}/missions/${slug}/incidents/${detail.id}`;
    await page.goto(url);
    assert.equal((await verifyOutcome(page)).status, 'verified');
    // Now a server with its own log key, in its policy and on the checkpoint (witnesses kept).
    let other: { skey: string; vkey: string } | undefined;
    h.setTamper((path, body) => {
      if (path === `/log/${slug}/policy`) {
        const text = body.toString();
        const origin = /^log ([^+\s]+)\+/m.exec(text)![1]!;
        other ??= generateNoteKey(origin);
        return text.replace(/^log \S+/m, `log ${other.vkey}`);
      }
      if (path === `/log/${slug}/checkpoint`) {
        const note = parseNote(body.toString());
        const origin = parseCheckpoint(note.text).origin;
        other ??= generateNoteKey(origin);
        const witnesses = note.signatures.filter((s: NoteSignature) => s.name !== origin);
        return addSignatures(signNote(note.text, [ed25519NoteSigner(other.skey)]), witnesses);
      }
      return undefined;
    });
    await page.goto(url);
    const out = await verifyOutcome(page);
    assert.equal(out.status, 'failed');
    assert.equal(out.reason, 'policy-changed', out.message ?? '');
    assert.match(await page.locator('.ip-verify__history').innerText(), /different history/);
    assert.deepEqual(problems, []);
  } finally {
    h.setTamper(undefined);
    await context.close();
  }
});

test(
  'a checkpoint that does not cover the newest record yet: the page waits for one',
  { skip },
  async () => {
    const h = harness();
    const { slug, detail } = await incident(h.upstream);
    const { cp } = await checkpointOf(h.upstream, slug);
    const newest = Math.max(
      ...detail.records.map((r) => Math.max(r.index, r.sealed?.revealIndex ?? 0)),
    );
    // A true older checkpoint (the real tree at the newest record's index, signed by the real log
    // and witness keys): the log as it stood just before that record.
    const source = tileHashSourceAsync(
      cp.size,
      async (t) =>
        new Uint8Array(
          await (
            await fetch(`${h.upstream}/log/${slug}/${tilePath(t.level, t.index, t.width)}`)
          ).arrayBuffer(),
        ),
    );
    const keys = join(h.dataDir, 'keys');
    const policy = parsePolicy(await (await fetch(`${h.upstream}/log/${slug}/policy`)).text());
    const older = signNote(
      formatCheckpoint({
        origin: cp.origin,
        size: newest,
        rootHash: await treeHashAsync(newest, source),
        extensions: [],
      }),
      [
        ed25519NoteSigner(readFileSync(join(keys, `log.${slug}.key`), 'utf8').trim()),
        ...policy.witnesses.map((w) =>
          cosignatureSigner(
            readFileSync(join(keys, `witness.${w.key.name}.key`), 'utf8').trim(),
            () => Math.floor(Date.now() / 1000),
          ),
        ),
      ],
    );
    let servedOlder = 0;
    const { context, page, problems } = await openPage(h.browser);
    try {
      h.setTamper((path) => {
        if (path !== `/log/${slug}/checkpoint` || servedOlder >= 2) return undefined;
        servedOlder++;
        return older;
      });
      await page.goto(`${h.url}/missions/${slug}/incidents/${detail.id}`);
      const out = await verifyOutcome(page);
      assert.equal(servedOlder, 2, 'the page was shown the older checkpoint twice first');
      assert.equal(out.status, 'verified', `${out.reason}: ${out.message}`);
      const size = Number(/Checkpoint ([\d,]+) is cosigned/.exec(out.text)?.[1]?.replace(/,/g, ''));
      assert.ok(size > newest, `verified against checkpoint ${size}, which covers index ${newest}`);
      assert.deepEqual(problems, []);
    } finally {
      h.setTamper(undefined);
      await context.close();
    }
  },
);
