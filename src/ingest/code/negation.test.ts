import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modality } from './negation.js';
import { parsePlainText } from '../article/plain-text.js';
import { codeArticle } from './coder.js';

const types = (body: string): string[] =>
  codeArticle(parsePlainText(`Published: 2025-10-20\n\nA headline for the test\n\n${body}`)).map(
    (e) => e.type,
  );

test('negation: negated and denied events are not coded', () => {
  assert.deepEqual(
    types('There have been no major attacks from Afghan soil in the last three days.'),
    [],
  );
  assert.deepEqual(types('Kabul denied that its forces had fired on Pakistani posts.'), []);
  assert.deepEqual(types('No shelling was reported in Chaman, officials said.'), []);
});

test('negation: hypotheticals, threats and prevention are not coded', () => {
  assert.deepEqual(
    types('Pakistan warned it would strike hideouts in Khost if attacks continued.'),
    [],
  );
  assert.deepEqual(types('The mechanism aims to stop attacks emanating from Afghan soil.'), []);
  assert.deepEqual(types('Militants could attack the convoy near Wana.'), []);
});

test('negation: a negation does not reach past a preposition', () => {
  assert.ok(
    types(
      // Dated within the week before publication (2025-10-20): older is background (background-date).
      'Traders have not recovered from the closure of the Torkham crossing on October 16.',
    ).includes('border_closure'),
  );
});

test('negation: facts are coded', () => {
  assert.deepEqual(
    types('Pakistani jets struck a house in Khost on Sunday, killing five civilians.'),
    ['airstrike'],
  );
});

test('negation: neither scheduled talks nor threatened violence are coded', () => {
  // Scheduled meetings are no events (scheduled.ts; testdata/news-eval/README.md conventions).
  assert.deepEqual(types('Delegations will meet in Istanbul on Saturday for talks.'), []);
  assert.deepEqual(types('The TTP will attack security forces in Bannu, a spokesman said.'), []);
});

test('modality: a participle clause split from its main clause is not habitual', () => {
  const c = 'triggering a gunfight with security forces.';
  assert.equal(modality(c, c.indexOf('gunfight'), c.indexOf('gunfight') + 8, false, true), 'fact');
  const g = 'militant groups carry out attacks on posts';
  assert.equal(modality(g, g.indexOf('attacks'), g.indexOf('attacks') + 7, false, true), 'generic');
});

test('negation: headline present tense with a count ("kills 3") is an event, not a habit', () => {
  const clause = 'A blast in Quetta kills 3 people';
  const at = clause.indexOf('blast');
  assert.equal(modality(clause, at, at + 5, false, true), 'fact');
  const habit = 'Militants attack police posts in the district';
  const h = habit.indexOf('attack');
  assert.equal(modality(habit, h, h + 6, false, true), 'generic');
});
