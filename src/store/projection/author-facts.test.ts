// The authors the rules read, kept in memory: read once per author, read afresh while and after
// the projection applies entries that change authors, whatever the transaction's outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthorFacts, type AuthorRow } from './author-facts.js';

test('author rows are remembered until a change to authors is applied', async () => {
  const facts = new AuthorFacts();
  let table: Record<string, AuthorRow | undefined> = {
    'a+00000001': { author: 'a+00000001', user: 'a', org: 'AF', role: 'party' },
  };
  let reads = 0;
  const load = (author: string) => async () => {
    reads++;
    return table[author];
  };
  assert.equal((await facts.get('m', 'a+00000001', load('a+00000001')))?.org, 'AF');
  assert.equal((await facts.get('m', 'a+00000001', load('a+00000001')))?.org, 'AF');
  assert.equal(await facts.get('m', 'b+00000002', load('b+00000002')), undefined);
  assert.equal(await facts.get('m', 'b+00000002', load('b+00000002')), undefined);
  assert.equal(reads, 2, 'one read per author, known or not');

  // A key entry registers b and revokes a: during the change every read goes to the table.
  await facts.changing('m', async () => {
    table = { 'b+00000002': { author: 'b+00000002', user: 'b', org: 'PK', role: 'party' } };
    assert.equal(await facts.get('m', 'a+00000001', load('a+00000001')), undefined);
    assert.equal(await facts.get('m', 'a+00000001', load('a+00000001')), undefined);
  });
  assert.equal(reads, 4, 'not remembered while the change is applied');
  assert.equal((await facts.get('m', 'b+00000002', load('b+00000002')))?.org, 'PK');

  // A change that fails (rolled back) leaves nothing remembered from inside it.
  await assert.rejects(
    facts.changing('m', async () => {
      await facts.get('m', 'b+00000002', async () => undefined);
      throw new Error('rolled back');
    }),
  );
  reads = 0;
  assert.equal((await facts.get('m', 'b+00000002', load('b+00000002')))?.org, 'PK');
  assert.equal(reads, 1, 'read again after the failed change');
  // Missions are apart.
  assert.equal(await facts.get('n', 'b+00000002', async () => undefined), undefined);
});
