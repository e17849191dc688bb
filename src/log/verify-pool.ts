// Worker threads for batch admission (verify-worker.ts): a batch's entries are cut into one slice
// per worker, answers come back in order. One pool per process, started on first use; its threads
// are unref'd while idle so they never keep a process alive.
import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { VerifyReply, VerifyRequest, VerifyVerdict } from './verify-worker.js';

const startOne = () => startWorker('./verify-worker', import.meta.url);

/** One worker per core but the main thread's (which runs the rest of a submission): ≥ 1. */
export function defaultVerifyWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/**
 * Whether a worker can help now: at least half a core idle by the 1-minute load average. Measured
 * here (bench/log.bench.ts batch path, 2 cores): with the machine loaded (load 5-6) the workers
 * made batches slower (700-840 vs 980 entries/s: cloning envelopes between threads costs CPU that
 * no idle core pays for), so on a busy machine the calling thread does the work itself.
 */
export function hasIdleCore(): boolean {
  return loadavg()[0]! < availableParallelism() - 0.5;
}

export class VerifyPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<
    number,
    { resolve(v: VerifyVerdict[]): void; reject(e: unknown): void }
  >();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(private readonly count: number = defaultVerifyWorkers()) {}

  private start(): void {
    for (let i = 0; i < this.count; i++) {
      const w = startOne();
      w.on('message', (m: VerifyReply) => {
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        this.idleCheck();
        if (m.verdicts) p.resolve(m.verdicts);
        else p.reject(new Error(m.error ?? 'a verify worker failed'));
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => this.fail(new Error(`a verify worker exited with code ${code}`)));
      w.unref();
      this.workers.push(w);
    }
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }

  private idleCheck(): void {
    if (this.waiting.size === 0) for (const w of this.workers) w.unref();
  }

  /** Parses and verifies `entries` across the workers; one verdict per entry, in order. */
  async check(
    mission: string,
    keys: Array<[string, string]>,
    entries: Uint8Array[],
  ): Promise<VerifyVerdict[]> {
    if (this.failed) throw this.failed;
    if (this.workers.length === 0) this.start();
    for (const w of this.workers) w.ref(); // answers are awaited: keep the process up meanwhile
    const per = Math.ceil(entries.length / this.workers.length);
    const parts = this.workers.map((w, i) => {
      const slice = entries.slice(i * per, (i + 1) * per);
      if (slice.length === 0) return Promise.resolve([]);
      const id = this.nextId++;
      return new Promise<VerifyVerdict[]>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        const msg: VerifyRequest = { id, mission, keys, entries: slice };
        w.postMessage(msg);
      });
    });
    return (await Promise.all(parts)).flat();
  }

  /** Stops the workers; later checks are refused (admission then does the work itself). */
  async close(): Promise<void> {
    this.fail(new Error('the verify pool is closed'));
    const ws = this.workers.splice(0);
    for (const w of ws) w.removeAllListeners('exit');
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

let shared: VerifyPool | undefined;

/** The process's pool (started on first use). */
export function sharedVerifyPool(): VerifyPool {
  shared ??= new VerifyPool();
  return shared;
}
