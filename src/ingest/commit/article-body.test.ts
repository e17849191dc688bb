import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleBodySchema } from '../../core/records/article.js';
import { parsePlainText } from '../article/plain-text.js';
import { codeArticle } from '../code/coder.js';
import { IngestError } from '../errors.js';
import type { CodedEvent } from '../types.js';
import { articleBody, FACT_SOURCE, MAX_BODY_BYTES } from './article-body.js';

const TEXT = `Published: 13 October 2025

Pakistan shuts Torkham crossing after clashes

Pakistan closed the Torkham border crossing on Sunday, officials said. Afghan forces fired mortars at Pakistani posts near Angoor Adda on Saturday, killing two soldiers, the ISPR said.`;

test('articleBody: a coded article becomes a valid article entry body', () => {
  const article = parsePlainText(TEXT, { url: 'https://news.example/a' });
  const events = codeArticle(article);
  assert.ok(events.length >= 2);
  const body = articleBody(article, events);
  assert.equal(ArticleBodySchema.safeParse(body).success, true);
  assert.equal(body.contentSha256, article.contentHash);
  assert.equal(body.headline, 'Pakistan shuts Torkham crossing after clashes');
  assert.equal(body.published, '2025-10-13');
  assert.equal(body.events.length, events.length);
  // Only the schema's fields: no `acled`, no `article` echo.
  assert.deepEqual(Object.keys(body.events[0]!).sort(), [
    'actors',
    'confidence',
    'date',
    'evidence',
    'fatalities',
    'fatality_claims',
    'location',
    'time_precision',
    'type',
  ]);
});

test('articleBody: undated events get precision 3, unattributed claims the article as source, no headline a fallback', () => {
  const article = { ...parsePlainText('Some text.'), headline: null, url: null };
  const e: CodedEvent = {
    type: 'border_closure',
    acled: { event_type: 'Strategic developments', sub_event_type: 'Other' },
    date: null,
    time_precision: null,
    location: null,
    actors: [],
    fatalities: 1,
    fatality_claims: [{ source: null, count: 1 }],
    evidence: { sentence: 'x', start: 0, end: 1 },
    confidence: 0.5,
    article: { url: null, headline: null, published: null },
  };
  const body = articleBody(article, [e]);
  assert.equal(body.events[0]?.time_precision, 3);
  assert.deepEqual(body.events[0]?.fatality_claims, [{ source: FACT_SOURCE, count: 1 }]);
  assert.equal(body.headline, 'Some text.');
});

test('articleBody: a body too large for one log entry is trimmed to fit', () => {
  const article = parsePlainText(TEXT);
  const [first] = codeArticle(article);
  assert.ok(first);
  const long = 'word '.repeat(900);
  const many = Array.from({ length: 200 }, (_, i) => ({
    ...first,
    confidence: (i % 10) / 10,
    evidence: { sentence: long, start: i, end: i + 1 },
  }));
  const body = articleBody(article, many);
  assert.ok(Buffer.byteLength(JSON.stringify(body)) <= MAX_BODY_BYTES);
  assert.ok(body.events.length > 0);
});

test('articleBody: an impossible body is an IngestError', () => {
  const article = { ...parsePlainText(TEXT), contentHash: 'not-a-hash' };
  assert.throws(
    () => articleBody(article, []),
    (e: unknown) => e instanceof IngestError && e.code === 'bad_entry',
  );
});

test('articleBody: only absolute http(s) links are kept; javascript:, data: and relative ones are dropped', () => {
  const make = (url: string) => articleBody(parsePlainText(TEXT, { url }), []);
  assert.equal(make('javascript:alert(1)').url, null);
  assert.equal(make(' JavaScript:alert(1)').url, null);
  assert.equal(make('data:text/html,<script>alert(1)</script>').url, null);
  assert.equal(make('/news/a').url, null);
  assert.equal(make('ftp://news.example/a').url, null);
  assert.equal(make('https://news.example/a?id=1').url, 'https://news.example/a?id=1');
  assert.equal(make('http://news.example/a').url, 'http://news.example/a');
  // A dropped link never becomes the headline either.
  const noHeadline = articleBody(
    parsePlainText('Pakistan closed the Torkham crossing on Sunday.', {
      url: 'javascript:alert(1)',
    }),
    [],
  );
  assert.doesNotMatch(noHeadline.headline, /javascript/i);
});
