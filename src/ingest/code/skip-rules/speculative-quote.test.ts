import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, types } from './code-for-test.js';
import { quoteAround } from './speculative-quote.js';

test('speculative-quote: hope and threats in quotes are no events', () => {
  const es = code(
    '"We hope to stop immediately the fighting that has caused displacement of people," Hun Manet said in Putrajaya.',
  );
  assert.equal(es.filter((e) => e.type === 'displacement' || e.type === 'armed_clash').length, 0);
});

test('speculative-quote: a quote that reports what happened still codes', () => {
  const es = code('"They shelled our village in Kurram on Monday morning," a resident said.');
  assert.ok(types(es).includes('shelling'));
});

test('speculative-quote: the quoted passage around an offset', () => {
  const s = 'He said "we will attack" and left.';
  assert.equal(quoteAround(s, s.indexOf('attack')), 'we will attack');
  assert.equal(quoteAround(s, s.indexOf('left')), null);
});
