// Conditional GETs of the read API over real HTTP, on SQLite and on PostgreSQL (issue 12 item 5):
// every opted-in read carries a weak ETag, Cache-Control and Vary; a matching If-None-Match is a
// 304 with no body (GET and HEAD); a new entry changes the tag; the analyst, the parties and the
// public get different tags for the same URL, and a tag never earns a 304 for another viewer;
// errors carry no tag; full tiles and hashed web assets stay immutable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { startDemoServer, type DemoServer } from '../demo-server.test-support.js';
import { PRIVATE_CACHE, PUBLIC_CACHE } from './plugin.js';

const M = 'pak-afg';
/** The read routes that opt in (paths under /api/v1/missions/pak-afg, or absolute). */
const READS = [
  '/incidents?limit=100',
  '/crossings',
  '/compliance',
  '/compliance?asOf=2025-11-01',
  '/stats/daily',
  '/commitments',
  '/incidents.csv',
  '/incidents.geojson',
  '/incidents.jsonl?since=-1',
  '',
  '/api/v1/missions',
];
/** A body without the clock's own fields (compliance's asOf: the time it was computed). */
const sansClock = (body: string) => body.replace(/"asOf":"[^"]*"/g, '"asOf":…');
const WEAK_TAG = /^W\/"[\x21\x23-\x7e]+"$/;

function suite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`HTTP caching of reads on ${name}`, () => {
    let demo: DemoServer | undefined;
    let drop: (() => Promise<void>) | undefined;
    let skip: string | undefined;
    let base = '';
    const as = (user?: string): Record<string, string> =>
      user ? { authorization: `Bearer ${demo!.creds.users[user]!.token}` } : {};
    const url = (path: string) => (path.startsWith('/api/') ? demo!.server.url : base) + path;
    const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
      fetch(url(path), { method, headers });

    /**
     * Waits (bounded) until the log is at rest: every entry applied and covered by a published
     * checkpoint. Before that a tag may move between two requests, as it should.
     */
    const settle = async () => {
      for (let i = 0; i < 200; i++) {
        const s = (await (await fetch(`${base}/log`)).json()) as {
          size: number;
          checkpoint: { size: number } | null;
        };
        const tag = (await get('/commitments')).headers.get('etag') ?? '';
        if (s.checkpoint?.size === s.size && tag.startsWith(`W/"${s.size}.${s.size}.`)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail('the demo log did not come to rest');
    };

    before(async () => {
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      demo = await startDemoServer(`http-cache-${name}`, d ? { db: d.url } : {});
      base = `${demo.server.url}/api/v1/missions/${M}`;
    });
    after(async () => {
      await demo?.close();
      await drop?.();
    });

    test('every opted-in read: a weak ETag, honest Cache-Control and Vary; a match is a bodiless 304', async (t) => {
      if (skip) return t.skip(skip);
      await settle();
      for (const path of READS) {
        const r = await get(path);
        const body = await r.text();
        assert.equal(r.status, 200, `${path}: ${body.slice(0, 200)}`);
        const tag = r.headers.get('etag');
        assert.match(tag ?? '', WEAK_TAG, `${path}: ETag`);
        assert.equal(r.headers.get('cache-control'), PUBLIC_CACHE, path);
        assert.match(r.headers.get('vary') ?? '', /\bAuthorization\b.*\bCookie\b/, path);

        for (const method of ['GET', 'HEAD']) {
          const c = await get(path, { 'if-none-match': tag! }, method);
          assert.equal(c.status, 304, `${method} ${path}`);
          assert.equal(await c.text(), '', `${method} ${path}: a 304 has no body`);
          assert.equal(c.headers.get('content-length'), null, `${method} ${path}`);
          // RFC 9110 §15.4.5: the 304 carries what the 200 would have.
          assert.equal(c.headers.get('etag'), tag, `${method} ${path}`);
          assert.equal(c.headers.get('cache-control'), PUBLIC_CACHE, `${method} ${path}`);
          assert.match(c.headers.get('vary') ?? '', /\bAuthorization\b.*\bCookie\b/);
        }
        // Weak comparison: the strong form of the same opaque tag, and a list holding it.
        const opaque = tag!.slice(2);
        for (const asked of [opaque, `"nope", ${tag}`, '*'])
          assert.equal(
            (await get(path, { 'if-none-match': asked })).status,
            304,
            `${path} ${asked}`,
          );
        // Another tag, or a malformed field, is a full answer.
        for (const asked of [`W/"x${opaque.slice(1)}`, 'W/"0.0-x"', opaque.slice(1, -1)]) {
          const full = await get(path, { 'if-none-match': asked });
          assert.equal(full.status, 200, `${path} ${asked}`);
          assert.equal(sansClock(await full.text()), sansClock(body), `${path}: the same body`);
        }
      }
    });

    test('an incident detail is tagged too (it reads the clock for deadlines)', async (t) => {
      if (skip) return t.skip(skip);
      const list = (await (await get('/incidents?limit=5')).json()) as { items: { id: string }[] };
      assert.ok(list.items.length > 0, 'the demo has released incidents');
      const path = `/incidents/${list.items[0]!.id}`;
      const r = await get(path);
      assert.equal(r.status, 200);
      const tag = r.headers.get('etag')!;
      assert.match(tag, WEAK_TAG);
      const c = await get(path, { 'if-none-match': tag });
      // The tag names the minute: across a minute boundary the answer is a full one, never stale.
      assert.ok(c.status === 304 || (c.status === 200 && c.headers.get('etag') !== tag));
    });

    test('each viewer has its own tag for the same URL, and a 304 never crosses viewers', async (t) => {
      if (skip) return t.skip(skip);
      await settle();
      const path = '/incidents?limit=1000';
      const viewers = [undefined, 'analyst', 'af-liaison', 'pk-liaison', 'monitor', 'qa-mediator'];
      const seen = new Map<string | undefined, { tag: string; body: string }>();
      for (const v of viewers) {
        const r = await get(path, as(v));
        assert.equal(r.status, 200, `${v}`);
        assert.equal(r.headers.get('cache-control'), v ? PRIVATE_CACHE : PUBLIC_CACHE, `${v}`);
        seen.set(v, { tag: r.headers.get('etag')!, body: await r.text() });
      }
      const tags = [...seen.values()].map((s) => s.tag);
      assert.equal(new Set(tags).size, viewers.length, `distinct tags: ${tags.join(' ')}`);
      const pub = seen.get(undefined)!;
      const analyst = seen.get('analyst')!;
      assert.ok(analyst.body.length > pub.body.length, 'the analyst sees more than the public');
      for (const v of viewers)
        for (const w of viewers) {
          const r = await get(path, { ...as(v), 'if-none-match': seen.get(w)!.tag });
          if (v === w) {
            assert.equal(r.status, 304, `${v} with its own tag`);
            continue;
          }
          assert.equal(r.status, 200, `${v ?? 'public'} presenting ${w ?? 'public'}'s tag`);
          assert.equal(await r.text(), seen.get(v)!.body, `${v ?? 'public'}: its own view`);
        }
      // A bad token is refused whatever tag it presents.
      const bad = await get(path, {
        authorization: 'Bearer tl_notarealtoken000000',
        'if-none-match': pub.tag,
      });
      assert.equal(bad.status, 401);
      assert.equal(bad.headers.get('etag'), null);
      // The mission documents are the same for every caller (tagged by their body): public, and
      // a token, even a bad one, changes nothing there, as before they were tagged.
      const doc = await get('', { authorization: 'Bearer tl_notarealtoken000000' });
      assert.equal(doc.status, 200);
      assert.equal(doc.headers.get('cache-control'), PUBLIC_CACHE);
      assert.equal(doc.headers.get('etag'), (await get('')).headers.get('etag'));
    });

    test('a new entry changes the tag; the old one then earns the new view', async (t) => {
      if (skip) return t.skip(skip);
      await settle();
      const path = '/incidents?limit=100';
      const first = await get(path);
      const oldTag = first.headers.get('etag')!;
      // The public's crossings, asked twice (the second answer is the kept one).
      const crossings = async () => {
        const r = await get('/crossings');
        return { tag: r.headers.get('etag')!, body: await r.text() };
      };
      const before = await crossings();
      assert.deepEqual(await crossings(), before);
      const applied = (tag: string) => Number(/^W\/"(\d+)\./.exec(tag)![1]);
      // A monitor's crossing status: public at filing (the default disclosure rules).
      const u = demo!.creds.users['monitor']!;
      const signer = await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim());
      const cause = `Closed for the cache test at ${Date.now()}.`;
      const { bytes } = await signEnvelope(
        {
          mission: M,
          kind: 'crossing',
          body: { ...(exampleBody('crossing') as Record<string, unknown>), cause },
        },
        signer,
      );
      const posted = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
        body: new Uint8Array(bytes),
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const { index } = (await posted.json()) as { index: number };
      assert.ok(applied(oldTag) <= index, `${oldTag} predates entry ${index}`);
      // The projection follows the log: wait (bounded) until it has applied the entry.
      let tag = oldTag;
      for (let i = 0; i < 100 && applied(tag) <= index; i++) {
        await new Promise((r) => setTimeout(r, 50));
        tag = (await get(path, { 'if-none-match': oldTag })).headers.get('etag')!;
      }
      assert.ok(applied(tag) > index, `the tag ${tag} reflects entry ${index}`);
      assert.notEqual(tag, oldTag);
      const again = await get(path, { 'if-none-match': oldTag });
      assert.equal(again.status, 200, 'the old tag is no longer current');
      assert.equal(again.headers.get('etag'), tag);
      await settle();
      // The public's kept crossings give way to the new view, which is then kept in turn.
      const after = await crossings();
      assert.notEqual(after.tag, before.tag);
      assert.ok(!before.body.includes(cause) && after.body.includes(cause), 'the new status shows');
      assert.deepEqual(await crossings(), after);
      const now = (await get(path)).headers.get('etag')!;
      assert.equal((await get(path, { 'if-none-match': now })).status, 304);
    });

    test('errors carry no tag, and a tag does not turn them into a 304', async (t) => {
      if (skip) return t.skip(skip);
      const { headers } = await get('/incidents');
      const tag = headers.get('etag')!;
      for (const [path, status] of [
        ['/api/v1/missions/no-such-mission/incidents', 404],
        ['/api/v1/missions/Bad_Slug/incidents', 400],
        ['/incidents?limit=0', 400],
        ['/incidents/019a0a4c-2f00-7000-8000-0000000000ff', 404],
        ['/api/v1/missions/no-such-mission', 404],
      ] as const) {
        const r = await get(path, { 'if-none-match': tag });
        assert.equal(r.status, status, path);
        assert.equal(r.headers.get('etag'), null, path);
      }
    });

    test('full tiles and hashed web assets stay immutable; the checkpoint and partial tiles do not', async (t) => {
      if (skip) return t.skip(skip);
      const root = demo!.server.url;
      const status = (await (await fetch(`${base}/log`)).json()) as { size: number };
      assert.ok(status.size >= 256, `the demo log has a full tile (size ${status.size})`);
      const full = await fetch(`${root}/log/${M}/tile/0/000`);
      assert.equal(full.status, 200);
      assert.equal(full.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const partial = await fetch(`${root}/log/${M}/tile/0/001.p/${status.size % 256 || 1}`);
      if (status.size % 256 !== 0) {
        assert.equal(partial.status, 200);
        assert.match(partial.headers.get('cache-control') ?? '', /max-age=1\b/);
      }
      assert.equal(
        (await fetch(`${root}/log/${M}/checkpoint`)).headers.get('cache-control'),
        'no-cache',
      );
      const index = await fetch(`${root}/`);
      if (index.status === 404) return t.skip('dist/web is not built (npm run build:web)');
      assert.equal(index.headers.get('cache-control'), 'no-cache');
      const asset = /\/assets\/[^"']+\.js/.exec(await index.text())?.[0];
      assert.ok(asset, 'index.html loads a hashed script');
      const a = await fetch(`${root}${asset}`);
      assert.equal(a.status, 200);
      assert.equal(a.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    });
  });
}

suite('SQLite', () => Promise.resolve(null));
suite('PostgreSQL', withFreshDatabase);
