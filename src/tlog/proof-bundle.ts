// Offline proofs: c2sp.org/tlog-proof@v1 bundles (file extension `.tlog-proof`).
//
//   c2sp.org/tlog-proof@v1\n
//   [extra <base64 opaque data>\n]
//   index <decimal>\n
//   <base64 inclusion proof hash>\n ...   (leaf's sibling first, up to the root's child)
//   \n
//   <the checkpoint signed note, verbatim>
//
// A bundle is attacker-controlled input in full; `extra` stays unauthenticated even after
// verification (c2sp.org/tlog-proof#format: "Applications MUST NOT implicitly trust the extra data").

import { base64DecodeOrUndefined, base64Encode, utf8DecodeOrUndefined } from './bytes.js';
import { parseCheckpoint, parseDecimal, type Checkpoint } from './checkpoint.js';
import { TlogError } from './errors.js';
import { HASH_SIZE, defaultHasher, type Hasher } from './hash.js';
import {
  inclusionProof,
  inclusionProofAsync,
  verifyInclusion,
  type AsyncHashSource,
  type HashSource,
} from './merkle.js';
import { MAX_NOTE_BYTES, parseNote, type NoteVerifier } from './note.js';
import { verifyCheckpointWithPolicy, type Policy } from './policy.js';

/** c2sp.org/tlog-proof#format: the first line. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** Suggested file extension (c2sp.org/tlog-proof). */
export const TLOG_PROOF_EXTENSION = '.tlog-proof';
/** An inclusion proof in a tree of at most 2^63 leaves has at most 63 hashes. */
export const MAX_PROOF_HASHES = 63;

export interface ProofBundle {
  /** Opaque, unauthenticated application data (absent if the bundle has no extra line). */
  readonly extra?: Uint8Array;
  /** Zero-based index of the entry in the log. */
  readonly index: number;
  /** RFC 6962 inclusion proof of the entry in the checkpoint's tree. */
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (ends with a newline). */
  readonly checkpoint: string;
}

function malformed(why: string): never {
  throw new TlogError('malformed_proof', `couldn't parse tlog proof: ${why}`);
}

/** Parses a tlog-proof@v1 bundle (structure only; the checkpoint is checked to parse). */
export function parseProofBundle(input: string | Uint8Array): ProofBundle {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (input instanceof Uint8Array) {
    if (input.length > MAX_NOTE_BYTES + 8192) malformed('too large');
    const d = utf8DecodeOrUndefined(input);
    if (d === undefined) malformed('not UTF-8');
    text = d;
  } else return malformed('not text');
  if (text.length > MAX_NOTE_BYTES + 8192) malformed('too large');
  let pos = 0;
  const nextLine = (): string => {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) malformed('unexpected end of input');
    const line = text.slice(pos, nl);
    pos = nl + 1;
    return line;
  };
  if (nextLine() !== TLOG_PROOF_HEADER) malformed(`first line is not ${TLOG_PROOF_HEADER}`);
  let line = nextLine();
  let extra: Uint8Array | undefined;
  if (line.startsWith('extra ')) {
    extra = base64DecodeOrUndefined(line.slice(6));
    if (extra === undefined) malformed('extra data is not base64');
    line = nextLine();
  }
  if (!line.startsWith('index ')) malformed('missing index line');
  const index = parseDecimal(line.slice(6));
  if (index === undefined) malformed('index is not a decimal number without leading zeroes');
  const proof: Uint8Array[] = [];
  for (;;) {
    line = nextLine();
    if (line === '') break;
    if (proof.length >= MAX_PROOF_HASHES) malformed('too many proof hashes');
    const h = base64DecodeOrUndefined(line);
    if (h === undefined || h.length !== HASH_SIZE)
      malformed('a proof line is not a base64 SHA-256 hash');
    proof.push(h);
  }
  const checkpoint = text.slice(pos);
  try {
    parseCheckpoint(parseNote(checkpoint).text);
  } catch (e) {
    throw new TlogError(
      'malformed_proof',
      `couldn't parse tlog proof: the checkpoint is malformed`,
      { cause: e },
    );
  }
  return { ...(extra === undefined ? {} : { extra }), index, proof, checkpoint };
}

/** Formats a tlog-proof@v1 bundle. */
export function formatProofBundle(b: ProofBundle): string {
  if (!Number.isSafeInteger(b.index) || b.index < 0)
    throw new TlogError('invalid_argument', `couldn't format tlog proof: bad index`);
  if (b.proof.some((h) => h.length !== HASH_SIZE))
    throw new TlogError(
      'invalid_argument',
      `couldn't format tlog proof: proof hashes must be 32 bytes`,
    );
  if (!b.checkpoint.endsWith('\n'))
    throw new TlogError(
      'invalid_argument',
      `couldn't format tlog proof: checkpoint must end with a newline`,
    );
  const lines = [TLOG_PROOF_HEADER];
  if (b.extra !== undefined) lines.push(`extra ${base64Encode(b.extra)}`);
  lines.push(`index ${b.index}`, ...b.proof.map(base64Encode));
  return lines.join('\n') + '\n\n' + b.checkpoint;
}

export interface CreateProofBundleInput {
  /** Index of the entry. */
  readonly index: number;
  /** The signed (and usually cosigned) checkpoint note the proof is for. */
  readonly checkpoint: string;
  readonly extra?: Uint8Array;
}

function checkpointSize(note: string): number {
  return parseCheckpoint(parseNote(note).text).size;
}

/** Builds a bundle: the inclusion proof of `index` in the checkpoint's tree, read from `source`. */
export function createProofBundle(
  input: CreateProofBundleInput,
  source: HashSource,
  hasher: Hasher = defaultHasher,
): string {
  const proof = inclusionProof(input.index, checkpointSize(input.checkpoint), source, hasher);
  return formatProofBundle({ ...input, proof });
}

export async function createProofBundleAsync(
  input: CreateProofBundleInput,
  source: AsyncHashSource,
  hasher: Hasher = defaultHasher,
): Promise<string> {
  const proof = await inclusionProofAsync(
    input.index,
    checkpointSize(input.checkpoint),
    source,
    hasher,
  );
  return formatProofBundle({ ...input, proof });
}

export interface VerifiedProofBundle {
  readonly index: number;
  readonly checkpoint: Checkpoint;
  /** Policy-local names (and timestamps) of witnesses whose cosignatures verified. */
  readonly cosigners: ReadonlyArray<{ readonly name: string; readonly timestamp?: number }>;
  /** Unauthenticated. */
  readonly extra?: Uint8Array;
}

/**
 * Verifies a bundle (c2sp.org/tlog-proof#verifying-a-tlog-proof): the checkpoint is signed by a
 * policy log for its origin, known cosignatures verify and meet the quorum, and the inclusion
 * proof binds `leafHash` (step 1, application-specific: for Truceline, hashLeaf(entry bytes))
 * at the bundle's index to the checkpoint's root hash.
 */
export function verifyProofBundle(
  bundle: string | Uint8Array | ProofBundle,
  leafHash: Uint8Array,
  policy: Policy,
  options: { hasher?: Hasher; logs?: readonly NoteVerifier[]; origin?: string } = {},
): VerifiedProofBundle {
  const b =
    typeof bundle === 'string' || bundle instanceof Uint8Array ? parseProofBundle(bundle) : bundle;
  const verified = verifyCheckpointWithPolicy(
    b.checkpoint,
    policy,
    options.logs === undefined ? {} : { logs: options.logs },
  );
  if (options.origin !== undefined && verified.checkpoint.origin !== options.origin) {
    throw new TlogError(
      'untrusted',
      `couldn't verify tlog proof: origin ${JSON.stringify(verified.checkpoint.origin)} is not ${JSON.stringify(options.origin)}`,
    );
  }
  verifyInclusion(
    b.index,
    verified.checkpoint.size,
    leafHash,
    b.proof,
    verified.checkpoint.rootHash,
    options.hasher,
  );
  return {
    index: b.index,
    checkpoint: verified.checkpoint,
    cosigners: verified.cosigners,
    ...(b.extra === undefined ? {} : { extra: b.extra }),
  };
}
