// The incident list's query string: every list filter takes a comma list, as the README promises
// (issue 9, finding 6: `?party=AF,PK` was refused).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IncidentQuerySchema } from './incidents.js';

test('party, type and status take comma lists', () => {
  const q = IncidentQuerySchema.parse({
    party: 'AF,PK',
    type: 'shelling,airstrike',
    status: 'released',
  });
  assert.deepEqual(q.party, ['AF', 'PK']);
  assert.deepEqual(q.type, ['shelling', 'airstrike']);
  assert.deepEqual(q.status, ['released']);
});

test('a bad party code is refused, naming the field', () => {
  const r = IncidentQuerySchema.safeParse({ party: 'AF,pk' });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0]?.path.slice(0, 1), ['party']);
});
