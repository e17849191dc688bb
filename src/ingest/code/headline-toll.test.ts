// Issue 13, item 3: a toll counted once when the headline and the body both give it, and "kills 3"
// in an RSS item gives a figure. Through the real readers, coder and gazetteer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from '../article/feed.js';
import { parsePlainText } from '../article/plain-text.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { codeArticle } from './coder.js';

const gazetteer = loadGazetteer();

test('headline toll: a headline run into the first line and the body give 12, not 24', () => {
  const article = parsePlainText(
    'Published: 2025-11-04\n\n12 killed in Kurram clash PESHAWAR: Militants attacked a security checkpost in Kurram on Monday, killing 12 soldiers.',
  );
  const es = codeArticle(article, { gazetteer });
  assert.deepEqual(
    es.map((e) => [e.type, e.date, e.fatalities]),
    [['armed_clash', '2025-11-03', 12]],
  );
});

test('headline toll: "kills 3" in an RSS item gives the figure', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Blast kills 3 in Quetta</title><link>https://example.com/a</link><pubDate>Mon, 03 Nov 2025 08:00:00 GMT</pubDate><description>A blast in Quetta kills 3 people, police said.</description></item></channel></rss>`;
  const [article] = parseFeed(rss);
  assert.ok(article);
  const es = codeArticle(article, { gazetteer });
  assert.equal(es.length, 1);
  assert.equal(es[0]?.fatalities, 3);
  assert.equal(es[0]?.location?.name, 'Quetta');
});
