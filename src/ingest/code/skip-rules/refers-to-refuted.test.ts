import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('refers-to-refuted: "the clash" after a refuted clash is that clash, not a new one', () => {
  const es = code(
    'Officials denied reports of a clash at the Chaman border on Tuesday. A video shared online as proof of the clash was from 2021.',
  );
  assert.equal(es.filter((e) => e.type === 'armed_clash').length, 0);
});
