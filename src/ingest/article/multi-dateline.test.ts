// Text written for this test (no published copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainText } from './plain-text.js';

test('plain text: a dateline of several bureaus is kept out of the body', () => {
  const a = parsePlainText(
    'Published: 2025-05-15\n\nTwo killed in Israeli attacks\n\nBEIRUT / JERUSALEM / ISTANBUL\nTwo people were killed on Thursday in separate Israeli attacks in southern Lebanon, the ministry said.',
  );
  assert.equal(a.dateline, 'Beirut');
  assert.ok(a.body.startsWith('Two people were killed'));
});
