// entryViews (audit-bundle.ts) reads what decodeEntryBundle reads and refuses what it refuses,
// with the same error, for any bytes and width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEntryBundle, encodeEntryBundle } from '../tlog/tiles.js';
import { entryViews } from './audit-bundle.js';

const outcome = (f: () => Uint8Array[]) => {
  try {
    return { entries: f().map((e) => Buffer.from(e).toString('hex')) };
  } catch (err) {
    return { error: String(err) };
  }
};

test('entry views: the same entries or the same error as decodeEntryBundle (property)', () => {
  const bundle = fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 260 }).map((es) => {
    try {
      return encodeEntryBundle(es);
    } catch {
      return new Uint8Array(0);
    }
  });
  const spoilt = fc.tuple(bundle, fc.nat(), fc.integer({ min: -3, max: 3 })).map(([b, at, d]) => {
    if (b.length === 0) return b;
    const c = b.slice(0, Math.max(0, b.length + (at % 2 === 0 ? d : 0)));
    if (c.length > 0 && at % 3 === 0) c[at % c.length] = (c[at % c.length]! + d) & 0xff;
    return c;
  });
  fc.assert(
    fc.property(
      fc.oneof(bundle, spoilt, fc.uint8Array({ maxLength: 300 })),
      fc.option(fc.nat(260), { nil: undefined }),
      (bytes, width) => {
        const w = width ?? (bytes.length % 2 === 0 ? undefined : decodeOr(bytes));
        assert.deepEqual(
          outcome(() => entryViews(bytes, w)),
          outcome(() => decodeEntryBundle(bytes, w)),
        );
      },
    ),
    { numRuns: 2000 },
  );
});

/** The width a bundle really has, when it decodes (so the matching-width path is tried too). */
function decodeOr(bytes: Uint8Array): number | undefined {
  try {
    return decodeEntryBundle(bytes).length;
  } catch {
    return undefined;
  }
}

test('entry views: views into the bundle, not copies', () => {
  const bytes = encodeEntryBundle([new Uint8Array([1, 2]), new Uint8Array([3])]);
  const views = entryViews(bytes, 2);
  assert.equal(views[1]!.buffer, bytes.buffer);
  assert.deepEqual([...views[0]!], [1, 2]);
});
