// Random input never crashes the pipeline or makes it hang (fast-check); bounded by input size, not time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from './article/read-inputs.js';
import { IngestError } from './errors.js';
import { codeArticle } from './code/coder.js';
import { loadGazetteer } from './geo/gazetteer.js';
import { splitSentences } from './text/sentences.js';

const gazetteer = loadGazetteer();
const WORDS = [
  'Pakistani',
  'jets',
  'struck',
  'Khost',
  'on',
  'Sunday',
  'killing',
  'five',
  'no',
  'attacks',
  'Torkham',
  'border',
  'closed',
  'talks',
  'will',
  'be',
  'held',
  'in',
  'Doha',
  '.',
  ',',
  '—',
  'the',
  'Taliban',
  'said',
  'ISPR',
  'at least',
  '23',
  'martyred',
  'refugees',
  'October 19',
  '\n\n',
  'Also Read:',
];

const newsy = fc.array(fc.constantFrom(...WORDS), { maxLength: 300 }).map((ws) => ws.join(' '));

// The only permitted failure is a reported IngestError (e.g. "{" read as a broken JSON line).
function articlesOf(text: string): ReturnType<typeof parseDocument> {
  try {
    return parseDocument(text, 'random.txt');
  } catch (err) {
    assert.ok(err instanceof IngestError, String(err));
    return [];
  }
}

test('property: any text codes without throwing, with valid output', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 2000 }),
        fc.string({ unit: 'grapheme', maxLength: 500 }),
        newsy,
      ),
      (text) => {
        for (const article of articlesOf(text)) {
          for (const e of codeArticle(article, { gazetteer })) {
            assert.ok(e.confidence >= 0 && e.confidence <= 1);
            assert.ok(e.date === null || /^\d{4}-\d{2}-\d{2}$/.test(e.date));
            assert.ok(e.evidence.start >= 0 && e.evidence.end <= article.body.length);
            assert.ok(
              e.fatalities === null || (Number.isInteger(e.fatalities) && e.fatalities >= 0),
            );
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('property: sentence spans cover the text in order', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 1000 }), newsy), (text) => {
      let last = 0;
      for (const s of splitSentences(text)) {
        assert.ok(s.start >= last && s.end > s.start);
        assert.equal(text.slice(s.start, s.end), s.text);
        last = s.end;
      }
    }),
    { numRuns: 200 },
  );
});

test('property: pathological repetition stays linear (no regex blow-up)', () => {
  // Long runs of words that patterns allow between anchors: the classic catastrophic-backtracking shape.
  for (const unit of [
    'the border ',
    'trade trade ',
    'killed and ',
    'a a a ',
    'Pakistan-Afghanistan ',
    '1,',
  ]) {
    const text = `${unit.repeat(2000)}.`;
    const a = parseDocument(text, 'x.txt')[0];
    assert.ok(a);
    codeArticle(a, { gazetteer });
  }
});
