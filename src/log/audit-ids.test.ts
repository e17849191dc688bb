// The audit's id index (audit-ids.ts): exact in memory and on disk, the same first duplicate as a
// Set of every id would report, whatever the order of the ids, and no file left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { newId } from '../core/ids.js';
import { AuditError } from './audit-errors.js';
import { IdIndex } from './audit-ids.js';

/** Adds ids in order, then flushes; returns the error message, or undefined. */
function run(index: IdIndex, ids: readonly string[]): string | undefined {
  try {
    ids.forEach((id, i) => index.add(id, i));
    index.flush();
    return undefined;
  } catch (err) {
    assert.ok(err instanceof AuditError, String(err));
    assert.equal(err.code, 'bad_entry');
    return err.message;
  } finally {
    index.close();
  }
}

/** What a Set of every id reports: the first entry whose id an earlier entry used. */
function expected(ids: readonly string[]): string | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const earlier = seen.get(ids[i]!);
    if (earlier !== undefined)
      return `couldn't verify entry ${i}: its id ${ids[i]} was already used by an earlier entry (entry ${earlier})`;
    seen.set(ids[i]!, i);
  }
  return undefined;
}

function withDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-ids-test-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ids = Array.from({ length: 3000 }, () => newId());

test('unique ids pass, in memory and on disk, in log order or shuffled', () => {
  withDir((dir) => {
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    assert.equal(run(new IdIndex({ dir }), ids), undefined);
    const disk = new IdIndex({ dir, memoryIds: 100 });
    assert.equal(run(disk, shuffled), undefined);
    assert.equal(disk.size, shuffled.length);
  });
});

test('a duplicate is caught wherever its first use is: in memory, moved to disk, same chunk, far back', () => {
  withDir((dir) => {
    const cases: Array<[string, number, number]> = [
      ['kept in memory', 5, 50],
      ['moved to disk with the first ids', 3, 2500],
      ['the entry just before (same chunk)', 1999, 2000],
      ['far back on disk', 300, 2999],
    ];
    for (const [what, first, again] of cases) {
      const list = [...ids];
      list[again] = list[first]!;
      const index = new IdIndex({ dir, memoryIds: first < 100 && again < 100 ? 1000 : 100 });
      const message = run(index, list);
      assert.equal(message, expected(list), what);
      assert.match(message ?? '', new RegExp(`entry ${again}: .*\\(entry ${first}\\)`), what);
    }
  });
});

test('the index moves to disk past its memory limit, and close() removes its file', () => {
  withDir((dir) => {
    const index = new IdIndex({ dir, memoryIds: 10 });
    for (let i = 0; i < 10; i++) index.add(ids[i]!, i);
    assert.equal(index.onDisk, false);
    index.add(ids[10]!, 10);
    assert.equal(index.onDisk, true);
    assert.equal(readdirSync(dir).length, 1);
    index.flush();
    index.close();
    assert.deepEqual(readdirSync(dir), []);
  });
});

test('property: the index reports exactly what a Set of every id would', () => {
  withDir((dir) => {
    const pool = ids.slice(0, 400);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 600 }),
        fc.integer({ min: 1, max: 300 }),
        (picks, memoryIds) => {
          const list = picks.map((p) => pool[p]!);
          assert.equal(run(new IdIndex({ dir, memoryIds }), list), expected(list));
        },
      ),
      { numRuns: 150 },
    );
    assert.deepEqual(readdirSync(dir), []);
  });
});
