import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TlogError } from './errors.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from './note-key.js';
import { evaluateQuorum, formatPolicy, parsePolicy } from './policy.js';

function throwsCode(fn: () => unknown, code: string, msg?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code, msg);
}

const seed = (n: number): Uint8Array => new Uint8Array(32).fill(n);
const LOG = generateNoteKey('example.com/log', { seed: seed(1) }).vkey;
const W = Object.fromEntries(
  ['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3'].map((n, i) => [
    n,
    generateNoteKey(`${n.toLowerCase()}.example`, {
      seed: seed(10 + i),
      type: SIG_TYPE_COSIGNATURE_V1,
    }).vkey,
  ]),
) as Record<string, string>;

// The example policy of c2sp.org/tlog-policy, with real keys in place of the elided ones.
const SPEC_EXAMPLE = `log ${LOG}

witness X1 ${W.X1}
witness X2 ${W.X2}
witness X3 ${W.X3}
group X-witnesses 2 X1 X2 X3

witness Y1 ${W.Y1}
witness Y2 ${W.Y2}
witness Y3 ${W.Y3}
group Y-witnesses any Y1 Y2 Y3

group X-and-Y all X-witnesses Y-witnesses
quorum X-and-Y
`;

test('parses the spec example policy', () => {
  const p = parsePolicy(SPEC_EXAMPLE);
  assert.equal(p.logs.length, 1);
  assert.equal(p.logs[0]!.key.name, 'example.com/log');
  assert.deepEqual(
    p.witnesses.map((w) => w.name),
    ['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3'],
  );
  assert.deepEqual(
    p.groups.map((g) => [g.name, g.threshold, g.members.length]),
    [
      ['X-witnesses', 2, 3],
      ['Y-witnesses', 1, 3],
      ['X-and-Y', 2, 2],
    ],
  );
  assert.equal(p.quorum, 'X-and-Y');
  assert.deepEqual(parsePolicy(formatPolicy(p)), p);
});

test('evaluates the spec example quorum: 2 of the X witnesses and 1 of the Y witnesses', () => {
  const p = parsePolicy(SPEC_EXAMPLE);
  assert.equal(evaluateQuorum(p, ['X1', 'X2', 'Y3']), true);
  assert.equal(evaluateQuorum(p, ['X1', 'X2', 'X3']), false);
  assert.equal(evaluateQuorum(p, ['X1', 'Y1', 'Y2', 'Y3']), false);
  assert.equal(evaluateQuorum(p, []), false);
  assert.equal(evaluateQuorum(p, ['X1', 'X3', 'Y2', 'unknown']), true);
  // group names in the cosigned set do not count as cosignatures
  assert.equal(evaluateQuorum(p, ['X-witnesses', 'Y-witnesses', 'X-and-Y']), false);
});

test('quorum none, single-witness quorum, all / any / k', () => {
  assert.equal(evaluateQuorum(parsePolicy(`log ${LOG}\nquorum none\n`), []), true);
  const single = parsePolicy(`witness A ${W.X1}\nquorum A\n`);
  assert.equal(evaluateQuorum(single, ['A']), true);
  assert.equal(evaluateQuorum(single, []), false);
  const all = parsePolicy(`witness A ${W.X1}\nwitness B ${W.X2}\ngroup G all A B\nquorum G`);
  assert.equal(evaluateQuorum(all, ['A']), false);
  assert.equal(evaluateQuorum(all, ['A', 'B']), true);
  const k = parsePolicy(
    `witness A ${W.X1}\nwitness B ${W.X2}\nwitness C ${W.X3}\ngroup G 3 A B C\nquorum G`,
  );
  assert.equal(evaluateQuorum(k, ['A', 'B']), false);
  assert.equal(evaluateQuorum(k, ['A', 'B', 'C']), true);
});

test('comments, blank lines, tabs and URLs are accepted', () => {
  const p = parsePolicy(
    `# a comment\n  \t\n\tlog ${LOG} https://log.example/\n  # indented comment\nwitness  A\t${W.X1}  https://w.example/  \nquorum A`,
  );
  assert.equal(p.logs[0]!.url, 'https://log.example/');
  assert.equal(p.witnesses[0]!.url, 'https://w.example/');
});

test('malformed policies are rejected', () => {
  const bad: Record<string, string> = {
    'no quorum': `log ${LOG}\n`,
    'two quorums': `quorum none\nquorum none\n`,
    'quorum undefined': `quorum A\n`,
    'quorum before definition': `quorum A\nwitness A ${W.X1}\n`,
    'forward reference in group': `witness A ${W.X1}\ngroup G any A B\nwitness B ${W.X2}\nquorum G\n`,
    'member twice': `witness A ${W.X1}\ngroup G any A A\nquorum G\n`,
    'none as member': `witness A ${W.X1}\ngroup G any A none\nquorum G\n`,
    'k too big': `witness A ${W.X1}\ngroup G 2 A\nquorum G\n`,
    'k zero': `witness A ${W.X1}\ngroup G 0 A\nquorum G\n`,
    'k leading zero': `witness A ${W.X1}\ngroup G 01 A\nquorum G\n`,
    'no members': `group G any\nquorum none\n`,
    'redefined name': `witness A ${W.X1}\nwitness A ${W.X2}\nquorum A\n`,
    'group named like a witness': `witness A ${W.X1}\ngroup A any A\nquorum A\n`,
    'witness named none': `witness none ${W.X1}\nquorum none\n`,
    'duplicate witness key': `witness A ${W.X1}\nwitness B ${W.X1}\nquorum A\n`,
    'duplicate log key': `log ${LOG}\nlog ${LOG}\nquorum none\n`,
    'unknown keyword': `logs ${LOG}\nquorum none\n`,
    'bad vkey': `log ${LOG.slice(0, -2)}\nquorum none\n`,
    'extra field': `log ${LOG} url extra\nquorum none\n`,
    'control character': `quorum none\r\n`,
    'unicode space is not whitespace': `quorum\u00a0none\n`,
  };
  for (const [name, text] of Object.entries(bad))
    throwsCode(() => parsePolicy(text), 'malformed_policy', name);
  throwsCode(() => parsePolicy(new Uint8Array([0x71, 0xff])), 'malformed_policy');
});

test('property: parsePolicy throws only TlogError on random and mutated input', () => {
  const mutated = fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\n', ' ', '#', 'none', 'any')),
      fc.nat({ max: 8 }),
    )
    .map(([pos, ins, del]) => {
      const p = pos % (SPEC_EXAMPLE.length + 1);
      return SPEC_EXAMPLE.slice(0, p) + ins + SPEC_EXAMPLE.slice(p + del);
    });
  fc.assert(
    fc.property(
      fc.oneof(mutated, fc.string(), fc.string({ unit: 'binary' })),
      fc.subarray(['X1', 'X2', 'X3', 'Y1', 'Y2', 'Y3']),
      (text, cosigned) => {
        try {
          const p = parsePolicy(text);
          evaluateQuorum(p, cosigned);
        } catch (e) {
          if (!(e instanceof TlogError)) throw e;
        }
      },
    ),
    { numRuns: 2000 },
  );
});
