// The audit workers' packed verdicts (audit-verdicts.ts): what the main thread rebuilds is what
// the worker had, field for field, whatever the mix of failed, whole, unchecked and bad entries —
// including through a real structured clone between threads' formats (v8 serialize).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import type { Envelope } from '../core/envelope.js';
import { ENTRY_KINDS } from '../core/records/kinds.js';
import { packVerdicts, unpackVerdicts } from './audit-verdicts.js';
import type { WorkerVerdict } from './audit-worker.js';

const roundTrip = (v: WorkerVerdict[]) =>
  unpackVerdicts(deserialize(serialize(packVerdicts(v))) as ReturnType<typeof packVerdicts>);

const envelope = { v: 1, kind: 'report', id: 'x' } as unknown as Envelope;

test('packed verdicts: each kind of verdict comes back as it was', () => {
  const verdicts: WorkerVerdict[] = [
    { error: "couldn't accept entry: not UTF-8 JSON" },
    {
      head: {
        kind: 'mission',
        id: '0193a1b2-0000-7000-8000-000000000001',
        mission: 'm',
        author: 'a+1',
      },
      envelope,
    },
    {
      head: {
        kind: 'report',
        id: '0193a1b2-0000-7000-8000-000000000002',
        mission: 'm',
        author: 'a+1',
      },
      vkey: 'a+1+AAAA',
      ok: true,
    },
    {
      head: {
        kind: 'report',
        id: '0193a1b2-0000-7000-8000-000000000003',
        mission: 'm',
        author: 'b+2',
      },
      envelope,
      vkey: 'b+2+BBBB',
      ok: false,
    },
    { error: 'second failure' },
  ];
  assert.deepStrictEqual(roundTrip(verdicts), verdicts);
  assert.deepStrictEqual(roundTrip([]), []);
});

test('packed verdicts: any mix round-trips (property)', () => {
  const str = fc.string({ maxLength: 40 });
  // Plain objects, as a structured clone gives (fast-check's records have no prototype).
  const head = fc
    .record({
      kind: fc.constantFrom(...ENTRY_KINDS),
      id: str,
      mission: fc.constantFrom('m1', 'm2', ''),
      author: fc.constantFrom('a+1', 'b+2', 'c+3'),
    })
    .map((h) => ({ ...h }));
  const verdict: fc.Arbitrary<WorkerVerdict> = fc.oneof(
    fc.record({ error: str }).map((v) => ({ ...v })),
    fc
      .record(
        {
          head,
          envelope: fc.constant(envelope),
          vkey: fc.constantFrom('k1', 'k2'),
          ok: fc.boolean(),
        },
        { requiredKeys: ['head'] },
      )
      .map((v) => ({ ...v })),
  );
  fc.assert(
    fc.property(fc.array(verdict, { maxLength: 300 }), (vs) => {
      assert.deepStrictEqual(roundTrip(vs), vs);
    }),
    { numRuns: 300 },
  );
});

test('packed verdicts: a reply of the wrong shape is refused, not misread', () => {
  const p = packVerdicts([{ head: { kind: 'report', id: 'i', mission: 'm', author: 'a' } }]);
  assert.throws(() => unpackVerdicts({ ...p, fields: new Uint16Array(0) }), /wrong length/);
  assert.throws(
    () => unpackVerdicts({ ...p, fields: new Uint16Array(4).fill(0xffff) }),
    /no head for entry 0/,
  );
});
