// The Trendfinder change levels at and around every boundary, and the low-baseline rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeLevel, LOW_BASELINE } from './change-level.js';

test('levels by percent change against the previous period, boundaries included', () => {
  const level = (c: number, p: number) => changeLevel(c, p).level;
  assert.equal(level(126, 100), 'large_increase'); // +26 %
  assert.equal(level(125, 100), 'moderate_increase'); // +25 % is not more than 25
  assert.equal(level(110, 100), 'moderate_increase'); // +10 %
  assert.equal(level(109, 100), 'limited_change'); // +9 %
  assert.equal(level(100, 100), 'limited_change');
  assert.equal(level(75, 100), 'limited_change'); // -25 %
  assert.equal(level(74, 100), 'large_decrease'); // -26 %
  assert.equal(level(0, 100), 'large_decrease');
  assert.equal(level(20, 0), 'large_increase', 'from none to many');
  assert.equal(changeLevel(20, 0).percent, null);
  assert.equal(changeLevel(11, 8).percent, 37.5);
});

test('low baseline: tiny counts stay limited, however large the percentage', () => {
  assert.equal(changeLevel(2, 1).level, 'limited_change'); // +100 %
  assert.equal(changeLevel(0, LOW_BASELINE - 1).level, 'limited_change'); // -100 %
  assert.equal(changeLevel(LOW_BASELINE - 1, 0).level, 'limited_change');
  // Once either period reaches the threshold, the percentage counts.
  assert.equal(changeLevel(LOW_BASELINE, 1).level, 'large_increase');
  assert.equal(changeLevel(1, LOW_BASELINE).level, 'large_decrease');
});
