// The sequencer of one mission's log: accepts entries, assigns indexes in batches, integrates them
// into tiles, signs checkpoints, asks the witnesses to cosign, and publishes.
//
// Durability, step by step (and what a restart finds):
//  1. append(): the entry waits in memory. Nothing is durable; the caller has no answer yet. A
//     crash loses it and the caller sees a failed request, never an acknowledgement.
//  2. integrateBatch(): ONE store transaction inserts the batch at indexes [oldSize, newSize),
//     writes every tile that changed and moves log_state.size to newSize (SQLite: WAL with
//     synchronous=FULL; PostgreSQL: a committed transaction). Only after it commits are the
//     callers answered with their indexes. A crash before the commit leaves nothing of the batch;
//     a crash after leaves entries and tiles that agree. The transaction also checks that the
//     stored size is still oldSize, so no index is ever assigned twice, even by a stale sequencer.
//  3. publish(): signs the checkpoint of a committed size. The tree of that size is durable and
//     only ever grows, so every checkpoint is consistent with every other; Ed25519 is
//     deterministic and the checkpoint body has no timestamp, so re-signing a size after a crash
//     gives the very same note. Witnesses are asked (with a timeout) and the note is stored with
//     the cosignatures obtained: that row is what /checkpoint serves after a restart.
//  Restart (start()): takes the one-sequencer lock, loads the tiles' right edge at log_state.size,
//  integrates any entries stored without tiles (the ones provisioning writes), checks that the
//  latest published checkpoint's root matches the stored tree (refusing to run otherwise), and
//  publishes a checkpoint if the tree grew past it.
import { base64Encode, bytesEqual } from '../tlog/bytes.js';
import { formatCheckpoint, parseCheckpoint } from '../tlog/checkpoint.js';
import type { Hasher } from '../tlog/hash.js';
import { addSignatures, parseNote, signNote, type NoteSigner } from '../tlog/note.js';
import { StoreError } from '../store/errors.js';
import type { NewEntry, SequencerLock, Store } from '../store/store.js';
import {
  DEFAULT_WITNESS_TIMEOUT_MS,
  WitnessClient,
  type WitnessEndpoint,
  type WitnessStatus,
} from './cosigner.js';
import { TreeEdge } from './edge.js';
import { LogError } from './errors.js';
import { nodeHasher } from './hasher.js';
import { LogReader } from './reader.js';
import { checkpointLogTime, fillLogTimes } from './log-time.js';

export const DEFAULT_BATCH_SIZE = 256;
export const DEFAULT_BATCH_INTERVAL_MS = 250;
export const DEFAULT_MAX_QUEUE = 8192;
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;

export interface SequencerOptions {
  store: Store;
  mission: string;
  /** The log's checkpoint origin; the signer's key name must equal it. */
  origin: string;
  /** The log's Ed25519 note signer. */
  signer: NoteSigner;
  witnesses?: WitnessEndpoint[];
  /** How many witness cosignatures the mission's policy requires (shown in status). */
  witnessQuorum?: number;
  witnessTimeoutMs?: number;
  batchSize?: number;
  batchIntervalMs?: number;
  maxQueue?: number;
  /** Minimum time between two signed checkpoints. */
  checkpointIntervalMs?: number;
  hasher?: Hasher;
}

export interface PublishedCheckpoint {
  size: number;
  /** The signed note with the cosignatures it was published with. */
  note: string;
  /** Key names of the witnesses that cosigned it. */
  cosigners: string[];
}

export interface LogStatus {
  mission: string;
  origin: string;
  /** Entries durable and integrated. */
  size: number;
  queued: number;
  checkpoint: { size: number; cosigners: string[] } | null;
  witnessQuorum: number;
  /** Whether the published checkpoint carries the quorum of cosignatures. */
  quorumMet: boolean;
  /** Witnesses missing from the published checkpoint, by name. */
  shortfall: string[];
  witnesses: WitnessStatus[];
}

/** An entry just made durable and integrated, with its index (see Sequencer.onIntegrated). */
export interface IntegratedEntry {
  index: number;
  entry: NewEntry;
}
export type IntegrationListener = (mission: string, entries: IntegratedEntry[]) => void;

interface Pending {
  entry: NewEntry;
  resolve(index: number): void;
  reject(err: unknown): void;
}
interface Waiter {
  index: number;
  resolve(cp: PublishedCheckpoint): void;
  reject(err: unknown): void;
}

export class Sequencer {
  readonly reader: LogReader;
  private readonly queue: Pending[] = [];
  private readonly inFlightIds = new Set<string>();
  private flushing: Promise<void> | undefined;
  private due = false;
  private batchTimer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private publishing: Promise<void> | undefined;
  private lastSignedAt = 0;
  private latestCp: PublishedCheckpoint | undefined;
  /** Whether the latest checkpoint has a log time (carries the witness quorum). */
  private latestLogged = true;
  private waiters: Waiter[] = [];
  private stopped = false;
  private readonly witnesses: WitnessClient[];
  private readonly batchSize: number;
  private readonly batchIntervalMs: number;
  private readonly maxQueue: number;
  private readonly checkpointIntervalMs: number;
  private readonly hasher: Hasher;
  private readonly listeners = new Set<IntegrationListener>();

  private constructor(
    private readonly options: SequencerOptions,
    private readonly lock: SequencerLock,
    private readonly edge: TreeEdge,
    /** Size of the durable, integrated tree (edge.size may run ahead during a commit). */
    private committedSize: number,
  ) {
    this.hasher = options.hasher ?? nodeHasher;
    this.reader = new LogReader(options.store, options.mission, this.hasher);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.batchIntervalMs = options.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS;
    this.maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.witnesses = (options.witnesses ?? []).map(
      (w) =>
        new WitnessClient(w, options.witnessTimeoutMs ?? DEFAULT_WITNESS_TIMEOUT_MS, (a, b) =>
          this.reader.consistencyProof(a, b),
        ),
    );
  }

  /** Takes the lock, recovers (see the top of this file) and starts sequencing. */
  static async start(options: SequencerOptions): Promise<Sequencer> {
    const { store, mission } = options;
    if (options.signer.name !== options.origin)
      throw new Error(
        `couldn't start the log of ${mission}: the log key is not named ${options.origin}`,
      );
    const lock = await store.acquireSequencerLock(mission);
    if (!lock)
      throw new LogError(
        'unavailable',
        `couldn't start the log of ${mission}: another sequencer holds its lock`,
      );
    try {
      const hasher = options.hasher ?? nodeHasher;
      const size = await store.logSize(mission);
      const edge = await TreeEdge.load(size, hasher, (l, i) => store.getTile(mission, l, i));
      // Entries stored but not yet integrated (provisioning writes them without tiles): integrate
      // them in place. Durable per chunk; a crash here resumes from log_state.size.
      for (;;) {
        const rows = await store.listEntries(mission, edge.size, DEFAULT_BATCH_SIZE);
        if (rows.length === 0) break;
        const oldSize = edge.size;
        for (const r of rows) {
          if (r.idx !== edge.size)
            throw new Error(
              `couldn't recover the log of ${mission}: entry index ${r.idx} where ${edge.size} was expected`,
            );
          edge.append(hasher.hashLeaf(r.bytes));
        }
        await store.integrate(mission, {
          oldSize,
          newSize: edge.size,
          tiles: edge.takeChanged(),
          receivedAt: new Date().toISOString(),
        });
      }
      const seq = new Sequencer(options, lock, edge, edge.size);
      // Log times of checkpoints stored without one (before log times existed).
      await fillLogTimes(store, mission, options.witnesses ?? [], options.witnessQuorum ?? 0);
      await seq.loadLatest();
      seq.scheduleCheckpoint();
      return seq;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private async loadLatest(): Promise<void> {
    const row = await this.options.store.latestCheckpoint(this.options.mission);
    if (!row) return;
    const cp = parseCheckpoint(parseNote(row.note).text);
    if (
      cp.size > this.committedSize ||
      !bytesEqual(cp.rootHash, await this.reader.rootAt(cp.size))
    ) {
      // Never sign a checkpoint inconsistent with one already published: refuse to run.
      throw new Error(
        `couldn't start the log of ${this.options.mission}: the stored tree (size ${this.committedSize}) does not match published checkpoint ${cp.size} — restore the database, do not sign over it`,
      );
    }
    const names = new Set(this.witnesses.map((w) => w.endpoint.name));
    this.latestLogged = (
      await this.options.store.loggedAt(this.options.mission, [cp.size - 1])
    ).has(cp.size - 1);
    this.latestCp = {
      size: cp.size,
      note: row.note,
      cosigners: parseNote(row.note)
        .signatures.map((s) => s.name)
        .filter((n) => names.has(n)),
    };
  }

  get size(): number {
    return this.committedSize;
  }

  get origin(): string {
    return this.options.origin;
  }

  latest(): PublishedCheckpoint | undefined {
    return this.latestCp;
  }

  /**
   * Queues an entry (already checked by admission); resolves with its index once it is durable
   * and integrated. Throws LogError 'overloaded' when the queue is full (the server answers 503
   * with Retry-After), 'duplicate' if an entry with the same id is in flight.
   */
  append(entry: NewEntry): Promise<number> {
    if (this.stopped)
      return Promise.reject(
        new LogError(
          'unavailable',
          `couldn't append: the log of ${this.options.mission} is stopping`,
        ),
      );
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new LogError(
          'overloaded',
          `couldn't append: the queue of ${this.options.mission} is full (${this.maxQueue} entries), retry shortly`,
        ),
      );
    const ids = idsOf(entry);
    const busy = ids.find((id) => this.inFlightIds.has(id));
    if (busy !== undefined)
      return Promise.reject(
        new LogError(
          'duplicate',
          `couldn't append: an entry with id ${busy} is already being added`,
        ),
      );
    for (const id of ids) this.inFlightIds.add(id);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.queue.length >= this.batchSize) void this.flush();
      else if (!this.batchTimer) {
        this.batchTimer = setTimeout(() => {
          this.batchTimer = undefined;
          this.due = true;
          void this.flush();
        }, this.batchIntervalMs);
      }
    });
  }

  /**
   * Calls `listener` after every batch is durable and integrated (step 2 above), with its entries
   * in index order, before any checkpoint covers them. Returns the function that unsubscribes.
   * A listener must not throw or block; what it throws is ignored.
   */
  onIntegrated(listener: IntegrationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first published checkpoint that includes `index`. */
  checkpointCovering(index: number): Promise<PublishedCheckpoint> {
    if (this.latestCp && this.latestCp.size > index) return Promise.resolve(this.latestCp);
    if (this.stopped)
      return Promise.reject(
        new LogError('unavailable', `couldn't wait for a checkpoint: the log is stopping`),
      );
    return new Promise((resolve, reject) => this.waiters.push({ index, resolve, reject }));
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    // The cleanup runs in a .finally callback, which is always asynchronous: an async body that
    // finds nothing to do completes synchronously, and clearing `flushing` inside it would run
    // before the assignment below, leaving a settled promise in `flushing` and no flush ever again.
    const run = this.drain().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0 && !this.batchTimer) {
        this.batchTimer = setTimeout(() => {
          this.batchTimer = undefined;
          this.due = true;
          void this.flush();
        }, this.batchIntervalMs);
      }
    });
    this.flushing = run;
    return run;
  }

  private async drain(): Promise<void> {
    while (
      this.queue.length > 0 &&
      (this.queue.length >= this.batchSize || this.due || this.stopped)
    ) {
      await this.integrateBatch(this.queue.splice(0, this.batchSize));
    }
    this.due = false;
  }

  private async integrateBatch(batch: Pending[]): Promise<void> {
    const oldSize = this.edge.size;
    const snapshot = this.edge.snapshot();
    for (const p of batch) this.edge.append(this.hasher.hashLeaf(p.entry.bytes));
    const newSize = this.edge.size;
    try {
      // The commit point: entries, tiles and size together (see the top of this file).
      await this.options.store.integrate(this.options.mission, {
        oldSize,
        newSize,
        entries: batch.map((p) => p.entry),
        tiles: this.edge.takeChanged(),
        receivedAt: new Date().toISOString(),
      });
    } catch (err) {
      // Nothing of the batch is durable: roll the edge back and answer or retry.
      this.edge.restore(snapshot);
      if (err instanceof StoreError && err.code === 'conflict') {
        // An id already in the store (admission checks first, so this is a race): refuse those,
        // put the others back at the front of the queue.
        const retry: Pending[] = [];
        for (const p of batch) {
          const stored =
            (await this.options.store.getEntryById(this.options.mission, p.entry.id)) ??
            (p.entry.sealed &&
              (await this.options.store.getSealed(this.options.mission, p.entry.sealed.record)));
          if (stored) {
            this.release(p.entry);
            p.reject(
              new LogError(
                'duplicate',
                `couldn't append: an entry with id ${p.entry.sealed?.record ?? p.entry.id} is already in the log`,
              ),
            );
          } else retry.push(p);
        }
        if (retry.length === batch.length) {
          for (const p of batch) this.fail(p, err);
          return;
        }
        this.queue.unshift(...retry);
        return;
      }
      for (const p of batch) this.fail(p, err);
      if (
        err instanceof StoreError &&
        err.code === 'unavailable' &&
        /another sequencer/.test(err.message)
      ) {
        void this.stop(); // not awaited: stop() waits for this very flush
      }
      return;
    }
    // Durable and integrated: answer.
    this.committedSize = newSize;
    batch.forEach((p, i) => {
      this.release(p.entry);
      p.resolve(oldSize + i);
    });
    if (this.listeners.size > 0) {
      const integrated = batch.map((p, i) => ({ index: oldSize + i, entry: p.entry }));
      for (const l of this.listeners) {
        try {
          l(this.options.mission, integrated);
        } catch {
          /* a listener's failure is its own */
        }
      }
    }
    this.scheduleCheckpoint();
  }

  /** Forgets an entry's ids (its leaf's, and a sealed entry's own) once it is answered. */
  private release(entry: NewEntry): void {
    for (const id of idsOf(entry)) this.inFlightIds.delete(id);
  }

  private fail(p: Pending, err: unknown): void {
    this.release(p.entry);
    p.reject(
      err instanceof LogError || err instanceof StoreError
        ? err
        : new LogError('unavailable', `couldn't append: ${(err as Error).message}`, undefined, {
            cause: err,
          }),
    );
  }

  private scheduleCheckpoint(): void {
    if (this.stopped || this.checkpointTimer || this.publishing) return;
    // A checkpoint short of the witness quorum gives its entries no log time yet (their deadlines
    // wait on it): ask the witnesses again, less often, even when the tree has not grown.
    // A grown tree is checkpointed at the usual pace whatever the last checkpoint's quorum.
    const grown = !this.latestCp || this.committedSize > this.latestCp.size;
    const retry = this.latestCp !== undefined && !this.latestLogged;
    if (!grown && !retry) return;
    const interval = grown ? this.checkpointIntervalMs : this.checkpointIntervalMs * 5;
    const wait = Math.max(0, this.lastSignedAt + interval - Date.now());
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      this.publishing = this.publish().finally(() => {
        this.publishing = undefined;
        this.scheduleCheckpoint();
      });
    }, wait);
  }

  /** Signs the checkpoint of the committed tree, gets cosignatures, stores and publishes it. */
  private async publish(): Promise<void> {
    const size = this.committedSize;
    this.lastSignedAt = Date.now();
    try {
      const root = await this.reader.rootAt(size);
      const text = formatCheckpoint({
        origin: this.options.origin,
        size,
        rootHash: root,
        extensions: [],
      });
      const signed = signNote(text, [this.options.signer]);
      const cosigs = await Promise.all(this.witnesses.map((w) => w.cosign(signed, text, size)));
      const got = cosigs.filter((s) => s !== undefined);
      const note = got.length > 0 ? addSignatures(signed, got) : signed;
      // Durable: the published checkpoint and its log time (the witness quorum's attested time,
      // src/log/log-time.ts). Before this, a crash loses only cosignatures.
      const publishedAt = new Date().toISOString();
      const loggedAt = checkpointLogTime(
        note,
        this.witnesses.map((w) => w.endpoint),
        this.options.witnessQuorum ?? 0,
        publishedAt,
      );
      await this.options.store.putCheckpoint(
        this.options.mission,
        size,
        note,
        publishedAt,
        loggedAt,
      );
      this.latestLogged = loggedAt !== null;
      this.latestCp = { size, note, cosigners: got.map((s) => s.name) };
      const ready = this.waiters.filter((w) => w.index < size);
      this.waiters = this.waiters.filter((w) => w.index >= size);
      for (const w of ready) w.resolve(this.latestCp);
    } catch (err) {
      // Try again at the next interval; the tree is durable, nothing is lost.
      this.lastError = `couldn't publish checkpoint ${size}: ${(err as Error).message}`;
    }
  }

  /** The last error while publishing, if the latest attempt failed. */
  lastError: string | null = null;

  status(): LogStatus {
    const cp = this.latestCp;
    const quorum = this.options.witnessQuorum ?? 0;
    const cosigners = cp?.cosigners ?? [];
    return {
      mission: this.options.mission,
      origin: this.options.origin,
      size: this.committedSize,
      queued: this.queue.length,
      checkpoint: cp ? { size: cp.size, cosigners } : null,
      witnessQuorum: quorum,
      quorumMet: cosigners.length >= quorum,
      shortfall: this.witnesses.map((w) => w.endpoint.name).filter((n) => !cosigners.includes(n)),
      witnesses: this.witnesses.map((w) => ({ ...w.status })),
    };
  }

  /** Integrates what is queued, publishes a final checkpoint, and releases the lock. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    await this.flush().catch(() => {});
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    await this.publishing;
    if (!this.latestCp || this.latestCp.size < this.committedSize) await this.publish();
    for (const w of this.waiters)
      w.reject(new LogError('unavailable', `couldn't wait for a checkpoint: the log stopped`));
    this.waiters = [];
    await this.lock.release();
  }

  /** The root hash of the published checkpoint, base64 (for status pages). */
  latestRoot(): string | undefined {
    return (
      this.latestCp && base64Encode(parseCheckpoint(parseNote(this.latestCp.note).text).rootHash)
    );
  }
}

/** The ids an entry takes: its leaf's, and for a sealed entry the id of the entry it hides. */
function idsOf(entry: NewEntry): string[] {
  return entry.sealed ? [entry.id, entry.sealed.record] : [entry.id];
}
