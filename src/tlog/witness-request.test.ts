import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TlogError } from './errors.js';
import {
  formatAddCheckpoint,
  formatSizeBody,
  parseAddCheckpoint,
  parseCosignatureLines,
  parseSizeBody,
} from './witness-request.js';
import { base64DecodeOrUndefined } from './bytes.js';

// The example request body of c2sp.org/tlog-witness#add-checkpoint, verbatim.
const SPEC_EXAMPLE = `old 20852014
PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
`;

const isMalformed = (e: unknown) =>
  e instanceof TlogError && e.code === 'malformed_witness_message';

test('witness-request: parses the spec example and formats it back byte for byte', () => {
  const req = parseAddCheckpoint(SPEC_EXAMPLE);
  assert.equal(req.oldSize, 20852014);
  assert.equal(req.proof.length, 4);
  assert.deepEqual(
    req.proof[0],
    base64DecodeOrUndefined('PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw='),
  );
  assert.ok(req.checkpoint.startsWith('example.com/behind-the-sofa\n20852163\n'));
  assert.equal(formatAddCheckpoint(req), SPEC_EXAMPLE);
  assert.deepEqual(parseAddCheckpoint(new TextEncoder().encode(SPEC_EXAMPLE)), req);
});

test('witness-request: an empty proof (old 0) round-trips', () => {
  const body = formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: 'o\n1\nX\n\n— o AAAA\n' });
  assert.equal(body, 'old 0\n\no\n1\nX\n\n— o AAAA\n');
  assert.equal(parseAddCheckpoint(body).oldSize, 0);
});

test('witness-request: malformed bodies are typed errors', () => {
  for (const bad of [
    '',
    'old 1',
    'old 01\n\nx\n',
    'old -1\n\nx\n',
    'new 1\n\nx\n',
    'old 1\nnotbase64!\n\nx\n',
    'old 1\nAAAA\n\nx\n',
    'old 1\n\n',
    `old 1\n${'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n'.repeat(64)}\nx\n`,
  ]) {
    assert.throws(() => parseAddCheckpoint(bad), isMalformed, JSON.stringify(bad));
  }
  assert.throws(() => parseAddCheckpoint(new Uint8Array([0x6f, 0xff, 0x0a])), isMalformed);
});

test('witness-request: size bodies', () => {
  assert.equal(formatSizeBody(42), '42\n');
  assert.equal(parseSizeBody('42\n'), 42);
  assert.equal(parseSizeBody('0\n'), 0);
  for (const bad of ['42', '042\n', '-1\n', 'x\n', '', '1 \n'])
    assert.throws(() => parseSizeBody(bad), isMalformed);
});

test('witness-request: cosignature lines', () => {
  const lines = SPEC_EXAMPLE.split('\n\n')[2]!;
  const sigs = parseCosignatureLines(lines);
  assert.equal(sigs.length, 2);
  assert.equal(sigs[0]!.name, 'example.com/behind-the-sofa');
  for (const bad of ['', 'x\n', '— a AAAAAAAA', '— a AAAAAAAA\n\n'])
    assert.throws(() => parseCosignatureLines(bad), isMalformed);
});

test('witness-request: property: any input parses or throws a typed error, never crashes', () => {
  const mutated = fc
    .tuple(fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 4 }))
    .map(([at, ins, del]) => {
      const i = at % (SPEC_EXAMPLE.length + 1);
      return SPEC_EXAMPLE.slice(0, i) + ins + SPEC_EXAMPLE.slice(i + del);
    });
  fc.assert(
    fc.property(fc.oneof(mutated, fc.string(), fc.string({ unit: 'binary' })), (input) => {
      for (const fn of [parseAddCheckpoint, parseSizeBody, parseCosignatureLines]) {
        try {
          fn(input);
        } catch (e) {
          assert.ok(e instanceof TlogError, String(e));
        }
      }
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(
      fc.nat({ max: 2 ** 40 }),
      fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 63 }),
      (oldSize, proof) => {
        const req = { oldSize, proof, checkpoint: 'o\n1\nX\n\n— o AAAA\n' };
        assert.deepEqual(parseAddCheckpoint(formatAddCheckpoint(req)), req);
      },
    ),
  );
});
