// "the talks" sentences after the agreement they led to are where those talks were. Texts are written
// for these tests (no published copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './skip-rules/code-for-test.js';

test('where: the talks the delegations participated in are those of the agreement', () => {
  const es = code(
    'Pakistan and Afghanistan have agreed to an immediate ceasefire following talks mediated by Qatar in Doha. The clashes had killed dozens. Pakistan accused Kabul of sheltering militants. Kabul denied it. The ceasefire aims to halt the bloodshed. The Afghan delegation, led by the defence minister, participated in the talks.',
    '2025-10-19',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'talks').map((e) => e.location?.country),
    ['QA'],
  );
});
