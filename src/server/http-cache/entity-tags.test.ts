// If-None-Match parsing and weak comparison (RFC 9110 §8.8.3, §13.1.2), the examples of the RFC
// and the malformed values a server must not read as a match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientHolds, parseIfNoneMatch, weakTag } from './entity-tags.js';

test('If-None-Match: the RFC 9110 §13.1.2 examples parse', () => {
  assert.deepEqual(parseIfNoneMatch('"xyzzy"'), { any: false, tags: ['xyzzy'] });
  assert.deepEqual(parseIfNoneMatch('W/"xyzzy"'), { any: false, tags: ['xyzzy'] });
  assert.deepEqual(parseIfNoneMatch('"xyzzy", "r2d2xxxx", "c3piozzzz"'), {
    any: false,
    tags: ['xyzzy', 'r2d2xxxx', 'c3piozzzz'],
  });
  assert.deepEqual(parseIfNoneMatch('W/"xyzzy", W/"r2d2xxxx", W/"c3piozzzz"'), {
    any: false,
    tags: ['xyzzy', 'r2d2xxxx', 'c3piozzzz'],
  });
  assert.deepEqual(parseIfNoneMatch('*'), { any: true });
  // Commas may sit inside an opaque tag; empty list elements are skipped (§5.6.1).
  assert.deepEqual(parseIfNoneMatch('"a,b" , ,W/"c"'), { any: false, tags: ['a,b', 'c'] });
  // Several header fields arrive as an array.
  assert.deepEqual(parseIfNoneMatch(['"a"', 'W/"b"']), { any: false, tags: ['a', 'b'] });
});

test('If-None-Match: malformed values are ignored, not read as a match', () => {
  for (const bad of ['xyzzy', 'W/xyzzy', '"unterminated', '"a" "b"', 'w/"a"', '"a"; x', '', ' '])
    assert.equal(parseIfNoneMatch(bad), undefined, JSON.stringify(bad));
  assert.equal(parseIfNoneMatch(undefined), undefined);
  assert.equal(parseIfNoneMatch(`"${'x'.repeat(9000)}"`), undefined);
});

test('weak comparison: opaque tags equal match, strong or weak alike; others do not', () => {
  const tag = weakTag('393.364.1_Af-xyz');
  assert.equal(tag, 'W/"393.364.1_Af-xyz"');
  assert.equal(clientHolds(parseIfNoneMatch(tag), tag), true);
  assert.equal(clientHolds(parseIfNoneMatch('"393.364.1_Af-xyz"'), tag), true);
  assert.equal(clientHolds(parseIfNoneMatch('"other", W/"393.364.1_Af-xyz"'), tag), true);
  assert.equal(clientHolds(parseIfNoneMatch('*'), tag), true);
  assert.equal(clientHolds(parseIfNoneMatch('W/"393.364.1_Af-xy"'), tag), false);
  assert.equal(clientHolds(parseIfNoneMatch('W/"394.364.1_Af-xyz"'), tag), false);
  assert.equal(clientHolds(undefined, tag), false);
  assert.throws(() => weakTag('has"quote'), /outside etagc/);
  assert.throws(() => weakTag('has space'), /outside etagc/);
});
