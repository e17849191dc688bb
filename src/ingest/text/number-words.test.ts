import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_COUNT_WORDS, parseNumber } from './number-words.js';

test('number words: numerals, words, compounds and multipliers', () => {
  assert.equal(parseNumber('23'), 23);
  assert.equal(parseNumber('1,207'), 1207);
  assert.equal(parseNumber('twenty-one'), 21);
  assert.equal(parseNumber('two dozen'), 24);
  assert.equal(parseNumber('a hundred'), 100);
  assert.equal(parseNumber('dozens of'), 12);
  assert.equal(parseNumber('a couple of'), 2);
  assert.equal(parseNumber('zero'), 0);
  assert.equal(parseNumber('umpteen'), null);
});

test('number words: the day counts are the plain cardinals up to thirty', () => {
  for (const w of ['a', 'one', 'three', 'ten', 'seventeen', 'twenty', 'thirty'])
    assert.ok(DAY_COUNT_WORDS.includes(w), w);
  for (const w of ['no', 'both', 'dozen', 'hundred', 'forty'])
    assert.ok(!DAY_COUNT_WORDS.includes(w), w);
});
