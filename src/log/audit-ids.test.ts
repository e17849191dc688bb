// The audit's id index (audit-ids.ts): exact in memory and on disk (a small page cache, so the
// B-tree really lives in SQLite's temporary file), the same first duplicate as a Set of every id
// would report whatever the order of the ids, and the file deleted from the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
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

/** Files this process holds open that are deleted (SQLite's temporary databases). */
function deletedFiles(): string[] {
  const out: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.endsWith(' (deleted)')) out.push(target);
    } catch {
      /* closed meanwhile */
    }
  }
  return out;
}

const ids = Array.from({ length: 3000 }, () => newId());

test('unique ids pass, in memory and on disk, in log order or shuffled', () => {
  {
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    assert.equal(run(new IdIndex(), ids), undefined);
    const disk = new IdIndex({ memoryIds: 100, cacheKiB: 16 });
    assert.equal(run(disk, shuffled), undefined);
    assert.equal(disk.size, shuffled.length);
  }
});

test('a duplicate is caught wherever its first use is: in memory, moved to disk, same chunk, far back', () => {
  {
    const cases: Array<[string, number, number]> = [
      ['kept in memory', 5, 50],
      ['moved to disk with the first ids', 3, 2500],
      ['the entry just before (same chunk)', 1999, 2000],
      ['far back on disk', 300, 2999],
    ];
    for (const [what, first, again] of cases) {
      const list = [...ids];
      list[again] = list[first]!;
      const index = new IdIndex({
        memoryIds: first < 100 && again < 100 ? 1000 : 100,
        cacheKiB: 16,
      });
      const message = run(index, list);
      assert.equal(message, expected(list), what);
      assert.match(message ?? '', new RegExp(`entry ${again}: .*\\(entry ${first}\\)`), what);
    }
  }
});

test('the index moves to disk past its memory limit, and close() removes its file', () => {
  {
    const before = deletedFiles().length;
    const index = new IdIndex({ memoryIds: 10, cacheKiB: 16 });
    for (let i = 0; i < 10; i++) index.add(ids[i]!, i);
    assert.equal(index.onDisk, false);
    index.add(ids[10]!, 10);
    assert.equal(index.onDisk, true);
    for (let i = 11; i < 3000; i++) index.add(ids[i]!, i);
    index.flush();
    // SQLite unlinked its temporary file at once: it is held open, deleted, until close().
    assert.ok(deletedFiles().length > before, 'no deleted temporary file held open');
    index.close();
    assert.equal(deletedFiles().length, before);
  }
});

test('property: the index reports exactly what a Set of every id would', () => {
  const pool = ids.slice(0, 400);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), {
        minLength: 1,
        maxLength: 400,
      }),
      // Up to three entries that repeat an earlier or later entry's id.
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
      fc.integer({ min: 1, max: 300 }),
      (picks, repeats, memoryIds) => {
        const list = picks.map((p) => pool[p]!);
        for (const [from, to] of repeats) list[to % list.length] = list[from % list.length]!;
        assert.equal(run(new IdIndex({ memoryIds, cacheKiB: 16 }), list), expected(list));
      },
    ),
    { numRuns: 200 },
  );
});
