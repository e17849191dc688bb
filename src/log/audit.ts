// Auditing a whole log (`truceline verify --log`, and what `truceline mirror` runs as it follows a
// log). Reads only the C2SP surface: checkpoint, tiles, entry bundles (c2sp.org/tlog-tiles), and
// checks, against a c2sp.org/tlog-policy:
//  1. the checkpoint: the log's signature and the witnesses' cosignatures meeting the quorum;
//  2. consistency with the checkpoint verified before (saved state or the mirror's last one), by a
//     consistency proof built from the served tiles (what a light client does);
//  3. every entry: every leaf is hashed and the tree is rebuilt from the leaves (TreeEdge), every
//     served hash tile (full ones, and the partial ones of this size) must equal the rebuilt one,
//     and the rebuilt root must equal the checkpoint's. Rebuilding the root from exactly these
//     leaves proves each entry's inclusion at its index (and, through the root at the previous
//     size, consistency again, independently of the served tiles);
//  4. every envelope: schema, mission, unique id, registered key, signature (audit-keys.ts).
// Steps 3 and 4 for a bundle run in worker threads (audit-worker.ts: leaf hashes, parsing, libsodium
// signature checks) on every core; this thread rebuilds the tree and applies the rules in log order.
// Everything read is attacker-controlled; nothing is trusted before the policy check of step 1.
import { base64Encode, bytesEqual } from '../tlog/bytes.js';
import { parseCheckpoint, type Checkpoint } from '../tlog/checkpoint.js';
import { HASH_SIZE, type Hasher } from '../tlog/hash.js';
import { consistencyProofAsync, verifyConsistency } from '../tlog/merkle.js';
import { parseNote } from '../tlog/note.js';
import { verifyCheckpointWithPolicy, type Policy } from '../tlog/policy.js';
import {
  TILE_WIDTH,
  entryBundlePath,
  tileHashSourceAsync,
  tilePath,
  tilesForSize,
} from '../tlog/tiles.js';
import { isTlogError } from '../tlog/errors.js';
import { entryViews } from './audit-bundle.js';
import { AuditError } from './audit-errors.js';
import { EnvelopeChecker, type EnvelopeSummary } from './audit-keys.js';
import type { IdIndexOptions } from './audit-ids.js';
import { AuditPool, defaultWorkerCount, type BundleVerdicts } from './audit-pool.js';
import type { LogSource } from './audit-source.js';
import { TreeEdge } from './edge.js';
import { nodeHasher } from './hasher.js';

/** A checkpoint that passed the policy (step 1). */
export interface VerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The signed note as served (with its cosignatures). */
  readonly note: string;
  readonly cosigners: readonly string[];
}

export interface AuditProgress {
  /** Entries checked so far. */
  readonly done: number;
  readonly size: number;
}

export interface AuditOptions {
  /** Envelope checks (step 4); on by default. */
  envelopes?: boolean;
  /**
   * The log's own verifier keys (the policy's `log` lines): they sign the commitments of sealed
   * entries and their reveals, and nothing else (audit-keys.ts).
   */
  logVkeys?: readonly string[];
  hasher?: Hasher;
  /** Requests in flight at once. */
  concurrency?: number;
  /**
   * Worker threads that hash, parse and check the signatures of entries (audit-worker.ts); 0: this
   * thread does it all. Default: one per core (defaultWorkerCount) when at least
   * WORKERS_FROM entries are to be checked, none below (starting a worker costs more than it saves).
   * Why: an entry costs about 15 µs of CPU for its signature check in a batch (50 µs with
   * libsodium alone) and 14 µs for parseEntry against 2 µs for its leaf hash (bench/verify-stages.ts
   * on this 2-core machine), so the audit is bound by those two, which split cleanly across cores;
   * this thread's share (tree edge, rules in log order, id index) is a few µs. Figures in
   * bench/verify.bench.ts.
   */
  workers?: number;
  /**
   * Check the workers' signatures in batches (verify-batch.ts, the native core): about three
   * times faster, but not libsodium's verdict in one case — a signature its own key's holder
   * built to hold only up to a small-order point passes a batch up to half the time, where
   * libsodium (and Go's crypto/ed25519, the independent client's) refuses it always. Off by
   * default, so the audit's verdict is the one every other verifier reaches.
   */
  batchSignatures?: boolean;
  /** The id index's memory limit and temporary directory (audit-ids.ts). */
  ids?: IdIndexOptions;
  onProgress?: (p: AuditProgress) => void;
  /** Called with every tile and bundle once it is verified (the mirror writes them). */
  onVerified?: (path: string, bytes: Uint8Array) => void | Promise<void>;
}

export interface AuditReport {
  origin: string;
  size: number;
  /** base64 root hash. */
  root: string;
  cosigners: string[];
  quorum: string;
  /** Size of the checkpoint this one was proved consistent with (undefined: none given). */
  consistentWith?: number;
  tiles: number;
  bundles: number;
  envelopes?: EnvelopeSummary;
}

/** Entries to check from which worker threads start by default. */
export const WORKERS_FROM = 4 * TILE_WIDTH;

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Step 1: the checkpoint note against the policy. */
export function verifyCheckpointNote(
  note: Uint8Array | string,
  policy: Policy,
): VerifiedCheckpoint {
  try {
    const v = verifyCheckpointWithPolicy(note, policy);
    return {
      checkpoint: v.checkpoint,
      note: typeof note === 'string' ? note : new TextDecoder().decode(note),
      cosigners: v.cosigners.map((c) => c.name),
    };
  } catch (err) {
    throw new AuditError('checkpoint', reason(err), { cause: err });
  }
}

/** Parses a checkpoint note verified before (saved state); no signature check. */
export function checkpointOfNote(note: string): Checkpoint {
  return parseCheckpoint(parseNote(note).text);
}

/**
 * Step 2: proves `next` consistent with `prev` from the source's tiles (for `next`'s size).
 * Throws AuditError('inconsistent') on a rollback, a fork or a split view.
 */
export async function checkConsistency(
  source: LogSource,
  prev: Checkpoint,
  next: Checkpoint,
  hasher: Hasher = nodeHasher,
): Promise<void> {
  const fail = (why: string, cause?: unknown): never => {
    throw new AuditError(
      'inconsistent',
      `couldn't accept checkpoint ${next.size}: ${why} (split view, fork or rollback)`,
      cause === undefined ? undefined : { cause },
    );
  };
  if (prev.origin !== next.origin)
    fail(`its origin ${next.origin} is not the origin ${prev.origin} verified before`);
  if (next.size < prev.size)
    fail(`the log shrank from ${prev.size} entries, verified before, to ${next.size}`);
  if (next.size === prev.size) {
    if (!bytesEqual(next.rootHash, prev.rootHash))
      fail(`it has the size of the checkpoint verified before but another root hash`);
    return;
  }
  if (prev.size === 0) return;
  const source2 = tileHashSourceAsync(
    next.size,
    (t) => source.tile(t.level, t.index, t.width),
    hasher,
  );
  let proof: Uint8Array[];
  try {
    proof = await consistencyProofAsync(prev.size, next.size, source2, hasher);
  } catch (err) {
    if (err instanceof AuditError) throw err;
    return fail(`its tiles give no consistency proof from size ${prev.size}: ${reason(err)}`, err);
  }
  try {
    verifyConsistency(prev.size, next.size, proof, prev.rootHash, next.rootHash, hasher);
  } catch (err) {
    fail(`it is not consistent with checkpoint ${prev.size} verified before: ${reason(err)}`, err);
  }
}

/** A bounded pipeline of fetches: errors surface when awaited, never as unhandled rejections. */
class Prefetch<T> {
  private readonly queue: Array<Promise<{ ok: T } | { err: unknown }>> = [];
  push(p: Promise<T>): void {
    this.queue.push(
      p.then(
        (ok) => ({ ok }),
        (err: unknown) => ({ err }),
      ),
    );
  }
  get length(): number {
    return this.queue.length;
  }
  async shift(): Promise<T> {
    const r = await this.queue.shift()!;
    if ('err' in r) throw r.err;
    return r.ok;
  }
}

/**
 * Rebuilds a log's tree from its entries and checks them (steps 3 and 4), from size 0 or from
 * where a previous advance() stopped. One Auditor follows one log (the mirror keeps it running).
 */
export class Auditor {
  private readonly hasher: Hasher;
  private readonly edge: TreeEdge;
  private readonly envelopes: EnvelopeChecker | undefined;
  /** Entries of the last, partial bundle (re-fetched wider when the log grows). */
  private tail: Uint8Array[] = [];
  private verifiedSize = 0;
  private verifiedRoot: Uint8Array;
  private tileCount = 0;
  private bundleCount = 0;

  constructor(private readonly options: AuditOptions = {}) {
    this.hasher = options.hasher ?? nodeHasher;
    this.edge = new TreeEdge(this.hasher);
    this.envelopes =
      options.envelopes === false
        ? undefined
        : new EnvelopeChecker(undefined, options.logVkeys, options.ids);
    this.verifiedRoot = this.hasher.emptyRoot();
  }

  get size(): number {
    return this.verifiedSize;
  }

  /** Frees what the checks hold outside memory (the id index's file); the auditor is done. */
  close(): void {
    this.envelopes?.close();
  }

  /**
   * Reads entries [this.size, cp.size) and the tiles of cp.size from `source` and checks them.
   * `expect` (a checkpoint verified before, smaller or equal) must be on the rebuilt tree.
   */
  async advance(
    source: LogSource,
    cp: Checkpoint,
    expect?: Checkpoint,
    sink: AuditOptions['onVerified'] = this.options.onVerified,
  ): Promise<{ tiles: number; bundles: number; envelopes?: EnvelopeSummary }> {
    const size = cp.size;
    if (size < this.verifiedSize)
      throw new AuditError(
        'inconsistent',
        `couldn't accept checkpoint ${size}: the log shrank from ${this.verifiedSize} entries`,
      );
    const concurrency = Math.max(1, this.options.concurrency ?? 8);
    const checkExpect = () => {
      if (
        expect &&
        this.edge.size === expect.size &&
        !bytesEqual(this.edge.root(), expect.rootHash)
      )
        throw new AuditError(
          'inconsistent',
          `couldn't accept checkpoint ${size}: its first ${expect.size} entries do not give the root of checkpoint ${expect.size} verified before (split view, fork or rollback)`,
        );
    };
    if (expect && expect.size === 0 && !bytesEqual(expect.rootHash, this.hasher.emptyRoot()))
      throw new AuditError(
        'inconsistent',
        `couldn't accept an empty checkpoint with a non-empty root`,
      );
    checkExpect();

    const envelopes = this.envelopes;
    const workers =
      envelopes === undefined
        ? 0
        : Math.max(
            0,
            this.options.workers ??
              (size - this.verifiedSize >= WORKERS_FROM ? defaultWorkerCount() : 0),
          );
    const pool =
      workers > 0 ? new AuditPool(workers, this.options.batchSignatures === true) : undefined;
    if (pool && envelopes) {
      pool.addKeys(envelopes.knownKeys());
      envelopes.onKey = (author, vkey) => pool.addKeys([[author, vkey]]);
      envelopes.offload = (checks) => pool.signatures(checks);
    }
    try {
      return await this.advanceWith(source, cp, expect, sink, pool, checkExpect, concurrency);
    } finally {
      if (envelopes) {
        envelopes.onKey = undefined;
        envelopes.offload = undefined;
      }
      await pool?.close();
    }
  }

  private async advanceWith(
    source: LogSource,
    cp: Checkpoint,
    expect: Checkpoint | undefined,
    sink: AuditOptions['onVerified'],
    pool: AuditPool | undefined,
    checkExpect: () => void,
    concurrency: number,
  ): Promise<{ tiles: number; bundles: number; envelopes?: EnvelopeSummary }> {
    const size = cp.size;
    const progress = this.options.onProgress;
    // Entry bundles from the one holding entry verifiedSize, in order, a few in flight.
    const firstBundle = Math.floor(this.verifiedSize / TILE_WIDTH);
    const lastBundle = Math.ceil(size / TILE_WIDTH) - 1;
    const bundles = new Prefetch<{
      n: number;
      width: number;
      bytes: Uint8Array;
      verdicts: Promise<BundleVerdicts> | undefined;
    }>();
    let nextFetch = firstBundle;
    const fill = () => {
      while (nextFetch <= lastBundle && bundles.length < concurrency) {
        const n = nextFetch++;
        const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
        bundles.push(
          source.entries(n, width).then((bytes) => {
            const verdicts = pool?.check(bytes, width);
            verdicts?.catch(() => {}); // awaited below, after the bundle itself is checked
            return { n, width, bytes, verdicts };
          }),
        );
      }
    };
    // Served hash tiles to compare, fetched as soon as the rebuilt one exists.
    const tiles = new Prefetch<void>();
    const compare = (level: number, index: number, width: number, rebuilt: Uint8Array) => {
      const path = tilePath(level, index, width);
      tiles.push(
        source.tile(level, index, width).then(async (served) => {
          if (!bytesEqual(served, rebuilt))
            throw new AuditError(
              'tile_mismatch',
              `couldn't verify tile ${path}: it differs from the tile the log's entries give`,
            );
          this.tileCount++;
          await sink?.(path, served);
        }),
      );
    };
    const drainTiles = async (keep: number) => {
      while (tiles.length > keep) await tiles.shift();
    };
    const partial = new Map<
      string,
      { level: number; index: number; width: number; bytes: Uint8Array }
    >();

    fill();
    while (bundles.length > 0) {
      const { n, width, bytes, verdicts: pending } = await bundles.shift();
      fill();
      const path = entryBundlePath(n, width);
      let entries: Uint8Array[];
      try {
        entries = entryViews(bytes, width);
      } catch (err) {
        throw new AuditError(
          'tile_mismatch',
          `couldn't read entry bundle ${path}: ${reason(err)}`,
          {
            cause: err,
          },
        );
      }
      // Entries already verified (the old partial bundle) must be served unchanged.
      const have = this.edge.size - n * TILE_WIDTH;
      for (let i = 0; i < have; i++) {
        if (!bytesEqual(entries[i]!, this.tail[i] ?? new Uint8Array()))
          throw new AuditError(
            'inconsistent',
            `couldn't accept checkpoint ${size}: entry ${n * TILE_WIDTH + i} differs from the one verified before (split view, fork or rollback)`,
          );
      }
      let verdicts: BundleVerdicts | undefined;
      try {
        verdicts = await pending;
      } catch (err) {
        throw new AuditError(
          'bad_entry',
          `couldn't check the envelopes of ${path}: ${reason(err)}`,
          {
            cause: err,
          },
        );
      }
      // The workers hash with nodeHasher: their leaf hashes serve only when this audit uses it.
      const hashes = this.hasher === nodeHasher ? verdicts?.hashes : undefined;
      for (let i = have; i < entries.length; i++) {
        const entry = entries[i]!;
        const index = this.edge.size;
        this.edge.append(
          hashes
            ? hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)
            : this.hasher.hashLeaf(entry),
        );
        this.envelopes?.add(index, entry, verdicts?.verdicts[i]);
        checkExpect();
      }
      this.tail = width === TILE_WIDTH ? [] : entries;
      for (const t of this.edge.takeChanged()) {
        const key = `${t.level}/${t.index}`;
        if (t.width === TILE_WIDTH) {
          partial.delete(key);
          compare(t.level, t.index, t.width, t.bytes);
        } else partial.set(key, t);
      }
      await this.envelopes?.settle();
      this.bundleCount++;
      await sink?.(path, bytes);
      await drainTiles(concurrency * 4);
      progress?.({ done: this.edge.size, size });
    }
    for (const t of partial.values()) compare(t.level, t.index, t.width, t.bytes);
    await drainTiles(0);

    if (this.edge.size !== size)
      throw new AuditError(
        'tile_mismatch',
        `couldn't rebuild the tree: ${this.edge.size} entries, want ${size}`,
      );
    const root = this.edge.root();
    if (!bytesEqual(root, cp.rootHash))
      throw new AuditError(
        'root_mismatch',
        `couldn't verify checkpoint ${size}: the root of its ${size} entries is ${base64Encode(root)}, the checkpoint says ${base64Encode(cp.rootHash)}`,
      );
    // Every tile of this size was compared at some point (this advance or an earlier one).
    const expectedTiles = tilesForSize(size).length;
    if (this.tileCount < expectedTiles && firstBundle === 0)
      throw new AuditError(
        'tile_mismatch',
        `couldn't verify the tiles: ${this.tileCount} of ${expectedTiles} checked`,
      );
    this.verifiedSize = size;
    this.verifiedRoot = root;
    const envelopes = this.envelopes ? await this.envelopes.finish() : undefined;
    return {
      tiles: this.tileCount,
      bundles: this.bundleCount,
      ...(envelopes ? { envelopes } : {}),
    };
  }

  get root(): Uint8Array {
    return this.verifiedRoot;
  }
}

/** Audits a whole log once (`truceline verify --log`), optionally against a checkpoint verified before. */
export async function auditLog(
  source: LogSource,
  policy: Policy,
  options: AuditOptions & { previous?: string } = {},
): Promise<{ report: AuditReport; checkpoint: VerifiedCheckpoint }> {
  const cp = verifyCheckpointNote(await source.checkpoint(), policy);
  let prev: Checkpoint | undefined;
  if (options.previous !== undefined) {
    try {
      prev = verifyCheckpointWithPolicy(options.previous, { ...policy, quorum: 'none' }).checkpoint;
    } catch (err) {
      throw new AuditError('bad_state', `couldn't read the saved checkpoint: ${reason(err)}`, {
        cause: err,
      });
    }
    await checkConsistency(source, prev, cp.checkpoint, options.hasher);
  }
  const auditor = new Auditor({ logVkeys: policy.logs.map((l) => l.vkey), ...options });
  let result;
  try {
    result = await auditor.advance(source, cp.checkpoint, prev);
  } catch (err) {
    if (err instanceof AuditError) throw err;
    if (isTlogError(err)) throw new AuditError('tile_mismatch', reason(err), { cause: err });
    throw err;
  } finally {
    auditor.close();
  }
  return {
    checkpoint: cp,
    report: {
      origin: cp.checkpoint.origin,
      size: cp.checkpoint.size,
      root: base64Encode(cp.checkpoint.rootHash),
      cosigners: [...cp.cosigners],
      quorum: policy.quorum,
      ...(prev ? { consistentWith: prev.size } : {}),
      tiles: result.tiles,
      bundles: result.bundles,
      ...(result.envelopes ? { envelopes: result.envelopes } : {}),
    },
  };
}
