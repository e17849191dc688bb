import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { utf8Encode } from './bytes.js';
import { formatCheckpoint, signCheckpoint } from './checkpoint.js';
import { cosignCheckpoint } from './cosignature.js';
import { TlogError } from './errors.js';
import { hashLeaf } from './hash.js';
import { MerkleLevels } from './merkle.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from './note-key.js';
import { addSignatures, ed25519NoteSigner } from './note.js';
import { parsePolicy } from './policy.js';
import {
  TLOG_PROOF_HEADER,
  createProofBundle,
  createProofBundleAsync,
  formatProofBundle,
  parseProofBundle,
  verifyProofBundle,
} from './proof-bundle.js';
import { REPO_ROOT } from './vectors-helper.test.js';

function throwsCode(fn: () => unknown, code: string, msg?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TlogError && e.code === code, msg);
}

const ORIGIN = 'truceline.example/demo';
const seed = (n: number): Uint8Array => new Uint8Array(32).fill(n);
const LOG = generateNoteKey(ORIGIN, { seed: seed(1) });
const WITNESSES = [2, 3, 4].map((n) =>
  generateNoteKey(`w${n}.example`, { seed: seed(n), type: SIG_TYPE_COSIGNATURE_V1 }),
);
const POLICY_TEXT =
  `log ${LOG.vkey}\n` +
  WITNESSES.map((w, i) => `witness W${i} ${w.vkey}\n`).join('') +
  'group two-of-three 2 W0 W1 W2\nquorum two-of-three\n';

/** Builds the deterministic fixture behind testdata/tlog/example.tlog-proof. */
function fixture(cosigners: number[] = [0, 1, 2]): {
  tree: MerkleLevels;
  note: string;
  bundle: string;
} {
  const tree = new MerkleLevels();
  for (let i = 0; i < 10; i++) tree.append(utf8Encode(`entry ${i}`));
  const signed = signCheckpoint(
    { origin: ORIGIN, size: 10, rootHash: tree.root(), extensions: [] },
    ed25519NoteSigner(LOG.skey),
  );
  const text = formatCheckpoint({
    origin: ORIGIN,
    size: 10,
    rootHash: tree.root(),
    extensions: [],
  });
  const note = addSignatures(
    signed,
    cosigners.map((i) => cosignCheckpoint(text, WITNESSES[i]!.skey, 1_700_000_000 + i)),
  );
  const bundle = createProofBundle(
    { index: 7, checkpoint: note, extra: utf8Encode('hello') },
    tree.source,
  );
  return { tree, note, bundle };
}

test('the bundle matches the committed vector byte for byte, and verifies', () => {
  const { bundle } = fixture();
  const golden = readFileSync(join(REPO_ROOT, 'testdata', 'tlog', 'example.tlog-proof'), 'utf8');
  assert.equal(bundle, golden);
  assert.ok(bundle.startsWith(`${TLOG_PROOF_HEADER}\nextra aGVsbG8=\nindex 7\n`));
  const policy = parsePolicy(POLICY_TEXT);
  const v = verifyProofBundle(golden, hashLeaf(utf8Encode('entry 7')), policy);
  assert.equal(v.index, 7);
  assert.equal(v.checkpoint.size, 10);
  assert.deepEqual(
    v.cosigners.map((c) => [c.name, c.timestamp]),
    [
      ['W0', 1_700_000_000],
      ['W1', 1_700_000_001],
      ['W2', 1_700_000_002],
    ],
  );
  assert.deepEqual(v.extra, utf8Encode('hello'));
});

test('parse / format round trip; no extra line when there is no extra data', async () => {
  const { tree, note, bundle } = fixture();
  assert.equal(formatProofBundle(parseProofBundle(bundle)), bundle);
  const plain = await createProofBundleAsync({ index: 0, checkpoint: note }, async (l, i) =>
    tree.source(l, i),
  );
  assert.ok(plain.startsWith(`${TLOG_PROOF_HEADER}\nindex 0\n`));
  assert.equal(parseProofBundle(plain).extra, undefined);
  verifyProofBundle(plain, hashLeaf(utf8Encode('entry 0')), parsePolicy(POLICY_TEXT));
});

test('verification fails for the wrong entry, a short quorum, an unknown log, a tampered proof', () => {
  const policy = parsePolicy(POLICY_TEXT);
  const { bundle } = fixture();
  throwsCode(
    () => verifyProofBundle(bundle, hashLeaf(utf8Encode('entry 6')), policy),
    'inclusion_failed',
  );
  const parsed = parseProofBundle(bundle);
  throwsCode(
    () => verifyProofBundle({ ...parsed, index: 6 }, hashLeaf(utf8Encode('entry 7')), policy),
    'inclusion_failed',
  );
  const flipped = parsed.proof.map((h, i) =>
    i === 1 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h,
  );
  throwsCode(
    () => verifyProofBundle({ ...parsed, proof: flipped }, hashLeaf(utf8Encode('entry 7')), policy),
    'inclusion_failed',
  );
  throwsCode(
    () => verifyProofBundle(fixture([2]).bundle, hashLeaf(utf8Encode('entry 7')), policy),
    'policy_unsatisfied',
  );
  const otherLog = generateNoteKey(ORIGIN, { seed: seed(9) });
  throwsCode(
    () =>
      verifyProofBundle(
        bundle,
        hashLeaf(utf8Encode('entry 7')),
        parsePolicy(POLICY_TEXT.replace(LOG.vkey, otherLog.vkey)),
      ),
    'untrusted',
  );
  throwsCode(
    () => verifyProofBundle(bundle, hashLeaf(utf8Encode('entry 7')), parsePolicy('quorum none\n')),
    'untrusted',
  );
  throwsCode(
    () =>
      verifyProofBundle(bundle, hashLeaf(utf8Encode('entry 7')), policy, {
        origin: 'other.example/log',
      }),
    'untrusted',
  );
  // with quorum none only the log signature matters
  verifyProofBundle(
    fixture([]).bundle,
    hashLeaf(utf8Encode('entry 7')),
    parsePolicy(`log ${LOG.vkey}\nquorum none\n`),
  );
});

test('malformed bundles are rejected with malformed_proof', () => {
  const { bundle } = fixture();
  const lines = bundle.split('\n');
  const bad: Record<string, string> = {
    'wrong header': bundle.replace(TLOG_PROOF_HEADER, 'c2sp.org/tlog-proof@v2'),
    'no index': bundle.replace('index 7\n', ''),
    'leading zero index': bundle.replace('index 7', 'index 07'),
    'bad extra': bundle.replace('extra aGVsbG8=', 'extra !!'),
    'short hash': bundle.replace(lines[3]!, 'AAAA'),
    'no blank line': bundle.replace('\n\n', '\n'),
    truncated: bundle.slice(0, 60),
    'broken checkpoint': bundle.replace('\n10\n', '\nten\n'),
    'extra after index': bundle.replace('index 7\n', 'index 7\nextra aGVsbG8=\n'),
  };
  for (const [name, text] of Object.entries(bad))
    throwsCode(() => parseProofBundle(text), 'malformed_proof', name);
});

test('property: parseProofBundle / verifyProofBundle throw only TlogError', () => {
  const { bundle } = fixture();
  const policy = parsePolicy(POLICY_TEXT);
  const leaf = hashLeaf(utf8Encode('entry 7'));
  const mutated = fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\n', '\n\n', 'index ', '=')),
      fc.nat({ max: 6 }),
    )
    .map(([pos, ins, del]) => {
      const p = pos % (bundle.length + 1);
      return bundle.slice(0, p) + ins + bundle.slice(p + del);
    });
  fc.assert(
    fc.property(fc.oneof(mutated, fc.string(), fc.uint8Array({ maxLength: 200 })), (input) => {
      try {
        verifyProofBundle(input, leaf, policy);
      } catch (e) {
        if (!(e instanceof TlogError)) throw e;
      }
    }),
    { numRuns: 1500 },
  );
});

export { fixture as proofBundleFixture };
