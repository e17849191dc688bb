import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainText } from '../article/plain-text.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import type { CodedEvent } from '../types.js';
import { codeArticle } from './coder.js';

const gazetteer = loadGazetteer();
function code(text: string, published = '2025-11-08'): CodedEvent[] {
  return codeArticle(
    parsePlainText(`Published: ${published}\n\nA headline for the test article\n\n${text}`),
    {
      gazetteer,
    },
  );
}

test('coder: a past agreement named by its month only is background, not a dated event', () => {
  const [e] = code('The ceasefire agreed in Doha in October remains in place, both sides said.');
  assert.equal(e?.type, 'ceasefire_agreement');
  assert.equal(e?.date, null);
});

test('coder: an event "ten days later" is dated from the previous dated event', () => {
  const es = code(
    'Pakistani jets struck Kabul on October 9. The ceasefire brokered in Doha ten days later has brought calm.',
  );
  const truce = es.find((e) => e.type === 'ceasefire_agreement');
  assert.equal(truce?.date, '2025-10-19');
});

test('coder: a protest against the continued closure does not date the closure', () => {
  const es = code(
    'Traders protested in Chaman on Tuesday against the continued closure of the border. The crossing has been shut since October 12.',
    '2025-10-22',
  );
  const closures = es.filter((e) => e.type === 'border_closure');
  assert.deepEqual(
    closures.map((e) => e.date),
    ['2025-10-12'],
  );
  assert.equal(es.find((e) => e.type === 'protest')?.date, '2025-10-21');
});

test("coder: an item of a roundup does not inherit the previous item's date", () => {
  const es = code(
    'Tank: Two soldiers were martyred when their vehicle hit a roadside bomb on Monday.\n\nHangu: Police arrested three suspects wanted in a killing, officials said on Tuesday.',
    '2025-11-11',
  );
  const arrest = es.find((e) => e.type === 'arrest');
  assert.deepEqual([arrest?.date, arrest?.time_precision], ['2025-11-11', 2]);
});
