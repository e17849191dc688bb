import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { cachingStatements } from './sqlite-statement-cache.js';

function db() {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
  return sqlite;
}

test('the same SQL reuses its prepared statement, with new parameters each time', () => {
  const cached = cachingStatements(db());
  const a = cached.prepare('select n from t where n >= ?');
  const b = cached.prepare('select n from t where n >= ?');
  assert.equal(a, b);
  assert.deepEqual(a.all([2]), [{ n: 2 }, { n: 3 }]);
  assert.deepEqual(b.all([3]), [{ n: 3 }]);
  assert.notEqual(cached.prepare('select n from t'), a);
});

test('a statement busy iterating is not handed out again: a fresh one runs beside it', () => {
  const cached = cachingStatements(db());
  const sql = 'select n from t order by n';
  const outer = cached.prepare(sql).iterate([]);
  const seen: number[][] = [];
  for (const row of outer) {
    const inner = cached.prepare(sql);
    seen.push(inner.all([]).map((r) => (r as { n: number }).n));
    assert.ok((row as { n: number }).n > 0);
  }
  assert.deepEqual(seen, [
    [1, 2, 3],
    [1, 2, 3],
    [1, 2, 3],
  ]);
});

test('the cache is bounded: the least recently used text is prepared again', () => {
  const cached = cachingStatements(db(), 2);
  const one = cached.prepare('select 1');
  const two = cached.prepare('select 2');
  assert.equal(cached.prepare('select 1'), one); // 'select 1' is now the most recent
  cached.prepare('select 3'); // evicts 'select 2'
  assert.equal(cached.prepare('select 1'), one);
  assert.notEqual(cached.prepare('select 2'), two);
});
