import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from './feed.js';
import { parseHtml } from './html.js';
import { parseJsonLines } from './json-lines.js';
import { parsePlainText } from './plain-text.js';
import { assertAllowedHost } from './feed-poller.js';
import { IngestError } from '../errors.js';

test('plain text: wire dateline is metadata, not body', () => {
  const a = parsePlainText(
    'Published: 13 October 2025\n\nHeadline of the wire story here\n\nPESHAWAR, Pakistan (Reuters) - Pakistan closed the border on Sunday.',
  );
  assert.equal(a.published, '2025-10-13');
  assert.equal(a.dateline, 'Peshawar, Pakistan');
  assert.equal(a.outlet, 'Reuters');
  assert.ok(a.body.startsWith('Pakistan closed'));
});

test('plain text: a date line after the body is the publication date', () => {
  const a = parsePlainText(
    'BANNU: Militants attacked a police station on Wednesday night, police said.\n\nDated: 18 September 2025',
  );
  assert.equal(a.published, '2025-09-18');
});

test('html: main text and metadata', () => {
  const a = parseHtml(
    '<html><head><meta property="og:title" content="Clash in Kurram"><meta property="article:published_time" content="2025-10-05T09:30:00+05:00"></head><body><nav>Home | World</nav><article><h1>Clash in Kurram</h1><p>Security forces repulsed an attack on a border post in Kurram district on Saturday, officials said. The fighting lasted for several hours and the area was later cleared.</p></article><footer>Copyright</footer></body></html>',
  );
  assert.equal(a.headline, 'Clash in Kurram');
  assert.equal(a.published, '2025-10-05');
  assert.ok(a.body.includes('repulsed an attack'));
  assert.ok(!a.body.includes('Home | World'));
});

test('feeds: RSS items and Atom entries become articles', () => {
  const rss = parseFeed(
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Dawn</title><item><title>Torkham closed</title><link>https://example.org/a</link><pubDate>Mon, 13 Oct 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;Pakistan closed the Torkham crossing on Sunday.&lt;/p&gt;</description></item></channel></rss>',
  );
  assert.equal(rss.length, 1);
  assert.equal(rss[0]?.url, 'https://example.org/a');
  assert.equal(rss[0]?.published, '2025-10-13');
  assert.ok(rss[0]?.body.includes('Torkham'));
  const atom = parseFeed(
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>Talks</title><link href="https://example.org/b"/><published>2025-10-19T10:00:00Z</published><content type="html">&lt;p&gt;Talks were held in Doha.&lt;/p&gt;</content></entry></feed>',
  );
  assert.equal(atom[0]?.url, 'https://example.org/b');
  assert.throws(
    () => parseFeed('<html></html>'),
    (e: unknown) => e instanceof IngestError && e.code === 'bad_feed',
  );
});

test('json lines: text and html records; errors name the line', () => {
  const as = parseJsonLines(
    '{"url":"u1","headline":"H","published":"2025-10-12","text":"Clashes erupted in Kurram on Saturday."}\n{"url":"u2","html":"<p>Talks were held in Doha.</p>"}\n',
  );
  assert.equal(as.length, 2);
  assert.equal(as[0]?.published, '2025-10-12');
  assert.equal(as[1]?.published, null);
  assert.throws(() => parseJsonLines('{"url":"x"}'), /line 1/);
});

test('feed poller: only allowed hosts are fetched', () => {
  assert.throws(
    () => assertAllowedHost('http://169.254.169.254/latest', ['www.dawn.com']),
    IngestError,
  );
  assert.equal(
    assertAllowedHost('https://www.dawn.com/feeds/home', ['www.dawn.com']).hostname,
    'www.dawn.com',
  );
});

test('plain text: date lines with outlet and place fields, and day-first numeric dates', () => {
  const cases: [string, string][] = [
    ['Reuters | Published March 3, 2026 | Updated March 3, 2026 09:14pm', '2026-03-03'],
    ['Geo News | Peshawar | May 9, 2026', '2026-05-09'],
    ['ANI | Kabul, 4 April 2026', '2026-04-04'],
    ['Dated: 19-12-2025', '2025-12-19'],
    ['07/05/2026', '2026-05-07'],
  ];
  for (const [line, date] of cases) {
    const a = parsePlainText(
      `${line}\n\nSome headline about the border today\n\nMilitants attacked a post in Bannu on Monday, officials said.`,
    );
    assert.equal(a.published, date, line);
    assert.equal(a.headline, 'Some headline about the border today', line);
  }
});

test('plain text: a title-case dateline with a day is metadata, not body', () => {
  const a = parsePlainText(
    'Published: 28 September 2025\n\nFamilies leave Kurram border villages\n\nParachinar, Sept 28: Dozens of families have left their homes, elders said.',
  );
  assert.equal(a.dateline, 'Parachinar');
  assert.ok(a.body.startsWith('Dozens of families'));
});

test('plain text: a "Published:" line beats an earlier date line', () => {
  const a = parsePlainText(
    'Regional overview\nWeek of 29 November - 5 December 2025\nPublished: 8 December 2025\n\nOn 1 December, militants attacked a police post in Bannu, police said.',
  );
  assert.equal(a.published, '2025-12-08');
});

test('plain text: "Kabul (AFP) –" is a dateline; a Solar Hijri date beside the Gregorian is ignored', () => {
  const a = parsePlainText(
    'Some headline for the story\n\n1404/08/21 - 12 November 2025\n\nKabul (AFP) – Pakistani and Afghan forces clashed on Tuesday near the border, officials said.',
  );
  assert.equal(a.published, '2025-11-12');
  assert.equal(a.dateline, 'Kabul');
  assert.ok(a.body.startsWith('Pakistani and Afghan forces'));
});

test('html: the publication date from JSON-LD when no meta tag gives it', () => {
  const a = parseHtml(
    '<html><head><title>T</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-12T08:00:00+05:00"}</script></head><body><article><h1>Clash at the border</h1><p>Pakistani and Afghan forces exchanged fire near the Torkham crossing on Tuesday, officials said, the latest in a series of clashes this month.</p></article></body></html>',
  );
  assert.equal(a.published, '2025-11-12');
});
