// A small pool of audit workers (audit-worker.ts): bundles go round-robin, answers come back in
// the order asked. Keys are broadcast to every worker as the main thread learns them.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { SignatureCheck, WorkerReply, WorkerRequest, WorkerVerdict } from './audit-worker.js';
import { unpackVerdicts } from './audit-verdicts.js';

const startOne = () => startWorker('./audit-worker', import.meta.url);

/**
 * Workers for this machine: one per core. The main thread's share (tree edge, rules in order,
 * the id index) is a fraction of a worker's (parse, hash, Ed25519), so it shares a core.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}

/** One bundle's result: a verdict and a leaf hash (HASH_SIZE bytes, in `hashes`) per entry. */
export interface BundleVerdicts {
  verdicts: WorkerVerdict[];
  hashes: Uint8Array;
}

interface Waiting {
  worker: number;
  resolve(reply: WorkerReply): void;
  reject(e: unknown): void;
}

export class AuditPool {
  private readonly workers: Worker[];
  /** Requests each worker has yet to answer: new work goes to the least busy one. */
  private readonly busy: number[];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failed: Error | undefined;

  /** `batchSignatures`: check each bundle's signatures in one batch (verify-batch.ts). */
  constructor(count: number, batchSignatures = false) {
    this.busy = Array<number>(count).fill(0);
    this.workers = Array.from({ length: count }, () => {
      const w = startOne();
      w.postMessage({ type: 'mode', batchSignatures } satisfies WorkerRequest);
      w.on('message', (m: WorkerReply) => {
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        this.busy[p.worker]!--;
        if (m.error === undefined) p.resolve(m);
        else p.reject(new Error(m.error));
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an audit worker exited with code ${code}`));
      });
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }

  /** Sends newly registered keys to every worker. */
  addKeys(keys: Array<[string, string]>): void {
    if (keys.length === 0) return;
    const msg: WorkerRequest = { type: 'keys', keys };
    for (const w of this.workers) w.postMessage(msg);
  }

  private ask(make: (id: number) => WorkerRequest): Promise<WorkerReply> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const worker = this.busy.indexOf(Math.min(...this.busy));
    this.busy[worker]!++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      this.workers[worker]!.postMessage(make(id));
    });
  }

  /** Hashes, parses and (where the worker knows the key) verifies a bundle's entries. */
  async check(bytes: Uint8Array, width: number): Promise<BundleVerdicts> {
    const m = await this.ask((id) => ({ type: 'bundle', id, bytes, width }));
    if (!m.verdicts || !m.hashes) throw new Error('an audit worker answered without verdicts');
    return { verdicts: unpackVerdicts(m.verdicts), hashes: m.hashes };
  }

  /** Ed25519 verdicts (RFC 8032) for signatures the bundle checks could not make, in order. */
  async signatures(checks: SignatureCheck[]): Promise<boolean[]> {
    const m = await this.ask((id) => ({ type: 'signatures', id, checks }));
    if (m.oks?.length !== checks.length)
      throw new Error('an audit worker answered without signature verdicts');
    return m.oks;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
