// The demo's news (issue 10 item 8) on SQLite and PostgreSQL: on first start the server codes
// missions/pak-afg.news.json with the mission document and files one signed `article` entry per
// text, by the news coder's own identity (its own key, role news_coder, not an analyst's), after
// the story; that identity may file nothing but articles. Read back from the log's own tiles: each
// entry verifies against the coder's registered key, holds the SHA-256 of its text (never the text), and
// carries machine-coded events placed in the mission's region; the Urgun report agrees with the
// released Urgun incident (same type, within a day and 25 km) and the Spin Boldak report, which
// says the blasts were quarry work, sits on the incident the mechanism found to be a false report.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parseEntry, verifyEnvelope } from '../../core/envelope.js';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { importVerifier, signerFromNoteKey } from '../../core/signing.js';
import { readFileSync } from 'node:fs';
import type { Credentials } from '../provision.js';
import { decodeEntryBundle, entryBundlePath, tileWidthAt, TILE_WIDTH } from '../../tlog/tiles.js';
import { distanceKm, MATCH_MAX_DAYS, MATCH_MAX_KM, parsePlainText } from '../../ingest/index.js';
import type { ArticleBody } from '../../ingest/index.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { startDemoServer } from '../demo-server.test-support.js';
import { demoNewsFile, loadDemoNews } from './demo-news.js';

const slug = 'pak-afg';
type LoggedEvent = ArticleBody['events'][number];

/** The ingest matcher's rule (src/ingest/match/incidents.ts) on a logged event. */
function agrees(
  e: LoggedEvent,
  i: { type: string; date: string; lat: number; lon: number },
): boolean {
  if (e.type !== i.type || !e.date || !e.location) return false;
  const days = Math.abs(Date.parse(e.date) - Date.parse(i.date)) / 86_400_000;
  return (
    days <= MATCH_MAX_DAYS &&
    distanceKm(e.location.lat, e.location.lon, i.lat, i.lon) <= MATCH_MAX_KM
  );
}

interface LoggedArticle {
  index: number;
  author: string;
  body: ArticleBody;
  bytes: Uint8Array;
}

async function logEntries(base: string): Promise<{ size: number; entries: Uint8Array[] }> {
  // The integrated size (the published checkpoint may lag it while witnesses cosign).
  const { size } = (await (await fetch(`${base}/api/v1/missions/${slug}/log`)).json()) as {
    size: number;
  };
  const entries: Uint8Array[] = [];
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const w = tileWidthAt(0, n, size);
    const res = await fetch(`${base}/log/${slug}/${entryBundlePath(n, w)}`);
    assert.equal(res.status, 200);
    entries.push(...decodeEntryBundle(new Uint8Array(await res.arrayBuffer()), w));
  }
  return { size, entries };
}

async function checkDemoNews(base: string, creds: Credentials): Promise<void> {
  const coder = coderOf(creds);
  const analystAuthor = coder.author;
  assert.notEqual(coder.author, creds.users['analyst']?.author, 'not the analyst user');
  const news = loadDemoNews(demoNewsFile(slug));
  const { entries } = await logEntries(base);
  const articles: LoggedArticle[] = [];
  entries.forEach((bytes, index) => {
    const e = parseEntry(bytes);
    if (e.kind === 'article')
      articles.push({ index, author: e.author, body: e.body as ArticleBody, bytes });
  });
  assert.equal(articles.length, news.articles.length, 'one article entry per demo text');
  // Filed after the story: every article follows the last non-article entry.
  const lastOther = entries.findLastIndex((b) => parseEntry(b).kind !== 'article');
  assert.ok(
    articles.every((a) => a.index > lastOther),
    'the news follows the story',
  );

  // Signed by the coder's key as the log registers it, under its own role.
  const keys = (await (await fetch(`${base}/api/v1/missions/${slug}/keys`)).json()) as {
    items: { body: { action: string; vkey?: string; role?: string } }[];
  };
  // A verifier key is "<name>+<hash>+<key>", and an envelope's author its "<name>+<hash>".
  const registered = keys.items.find(
    (k) => k.body.action === 'register' && k.body.vkey?.startsWith(`${analystAuthor}+`),
  );
  const vkey = registered?.body.vkey;
  assert.ok(vkey, 'the news coder has a registered key');
  assert.equal(registered?.body.role, 'news_coder');
  const deskKey = await importVerifier(vkey);
  for (const a of articles) {
    assert.equal(a.author, analystAuthor);
    const envelope = parseEntry(a.bytes);
    assert.equal(await verifyEnvelope(envelope, deskKey), true);
  }

  for (const a of articles) {
    const source = news.articles.find((x) => x.headline === a.body.headline);
    assert.ok(source, `"${a.body.headline}" is one of the demo's texts`);
    assert.equal(a.body.published, source.published);
    // The text is not logged, only the hash of the body the coder read.
    const parsed = parsePlainText(source.text, source);
    const normalised = parsed.body.replace(/\s+/g, ' ').trim();
    assert.equal(a.body.contentSha256, createHash('sha256').update(normalised).digest('hex'));
    assert.equal(JSON.stringify(a.body).includes(source.text), false);
    assert.ok(a.body.events.length >= 1, `"${source.headline}" has coded events`);
    for (const e of a.body.events) {
      assert.ok(e.location, `"${source.headline}": the event is placed`);
      // In the mission's region (Pakistan–Afghanistan), not a same-named place elsewhere.
      assert.ok(['PK', 'AF', null].includes(e.location.country), e.location.name);
      assert.ok(e.location.lat > 29 && e.location.lat < 37, `${e.location.name} lat`);
      assert.ok(e.location.lon > 60 && e.location.lon < 75, `${e.location.name} lon`);
    }
  }
  assert.equal(new Set(articles.map((a) => a.body.headline)).size, news.articles.length);

  const incidents = (
    (await (await fetch(`${base}/api/v1/missions/${slug}/incidents?limit=1000`)).json()) as {
      items: {
        id: string;
        title: string;
        type: string;
        date: string;
        verdict: string | null;
        location: { lat: number; lon: number };
      }[];
    }
  ).items;
  const ref = (title: RegExp) => {
    const i = incidents.find((x) => title.test(x.title));
    assert.ok(i, `the demo has the incident ${title}`);
    return { ...i, date: i.date.slice(0, 10), lat: i.location.lat, lon: i.location.lon };
  };
  const eventsOf = (headline: RegExp) => {
    const a = articles.find((x) => headline.test(x.body.headline));
    assert.ok(a, `the demo has the article ${headline}`);
    return a.body.events;
  };
  // Corroborates the Afghan side's allegation.
  const urgun = ref(/Urgun/);
  assert.ok(eventsOf(/Urgun/).some((e) => agrees(e, urgun)));
  // Contradicts it: the same place and day as an incident found to be a false report.
  const spin = ref(/^Explosions east of Spin Boldak/);
  assert.equal(spin.verdict, 'false_report');
  assert.ok(eventsOf(/quarry/).some((e) => agrees(e, spin)));
}

function coderOf(creds: Credentials): Credentials['users'][string] {
  const a = creds.users[loadDemoNews(demoNewsFile(slug)).as];
  assert.ok(a, 'the news file names a demo user');
  return a;
}

/** The news coder's key files articles only: a report signed with it is refused by the rules. */
async function checkCoderFilesOnlyArticles(base: string, creds: Credentials): Promise<void> {
  const coder = coderOf(creds);
  const signer = await signerFromNoteKey(readFileSync(coder.keyFile, 'utf8').trim());
  const { bytes } = await signEnvelope(
    { mission: slug, kind: 'report', body: exampleBody('report') as never },
    signer,
  );
  const r = await fetch(`${base}/api/v1/missions/${slug}/entries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${coder.token}`, 'content-type': 'application/json' },
    body: new Uint8Array(bytes),
  });
  const text = await r.text();
  assert.equal(r.status, 403, text);
  assert.match(text, /kind_author/);
  // And it reads what the public reads: no unreleased incident.
  const mine = (await (
    await fetch(`${base}/api/v1/missions/${slug}/incidents?limit=1000`, {
      headers: { authorization: `Bearer ${coder.token}` },
    })
  ).json()) as { items: { status: string }[] };
  assert.ok(mine.items.every((i) => i.status === 'released'));
}

test('demo news (SQLite): coded with the mission and filed as signed articles', async () => {
  const demo = await startDemoServer('demo-news');
  try {
    await checkDemoNews(demo.server.url, demo.creds);
    await checkCoderFilesOnlyArticles(demo.server.url, demo.creds);
  } finally {
    await demo.close();
  }
});

test('demo news (PostgreSQL): coded with the mission and filed as signed articles', async (t) => {
  const pg = await withFreshDatabase();
  if (typeof pg === 'string') return t.skip(pg);
  const demo = await startDemoServer('demo-news-pg', { db: pg.url });
  try {
    await checkDemoNews(demo.server.url, demo.creds);
    await checkCoderFilesOnlyArticles(demo.server.url, demo.creds);
  } finally {
    await demo.close();
    await pg.drop();
  }
});
