import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from './code-for-test.js';

test('aftermath: the aftermath of the shelling named before is no second shelling elsewhere', () => {
  const es = code(
    'Pakistan resorted to heavy shelling in Poonch on Wednesday, killing 15 civilians. Damages were witnessed in Rajouri and in Uri as well, where reporters went to see the aftermath of the Pakistani shelling.',
    '2025-05-07',
  );
  assert.deepEqual(
    // GeoNames spells the Indian Poonch "Punch" (data/news-spellings.json).
    es.filter((e) => e.type === 'shelling').map((e) => [e.location?.name, e.location?.country]),
    [['Punch', 'IN']],
  );
});
