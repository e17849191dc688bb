// `truceline submit -` over the batch path: signed entries are gathered into JSON-lines requests of
// up to `batchSize` entries (POST …/entries with content type application/jsonl, see
// src/server/routes/entries-batch.ts), a few requests in flight, and every entry's result comes
// back through its own promise, so the caller prints results in input order. A batch goes out when
// it is full, or when no line has come for a moment and nothing sent is still unanswered (Nagle's
// rule, RFC 896: a part batch never overtakes full ones, yet a program feeding lines slowly still
// gets its answers). Entries refused because the log's queue was full (503) are sent again.
//
// Backpressure works in whole batches: `add` makes its caller wait only right after a full batch
// went out (the batch being gathered is then empty, so waiting can never send a part batch), and
// room comes back in input order, when the oldest batch has its answers. A long input therefore
// keeps every request full, with at most `concurrency` + 1 batches between reading and printing.
import type { Signer } from '../../core/signing.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { signEnvelope } from '../../core/envelope.js';

export type SubmitResult = Record<string, unknown>;

/** Most entries per request (the server's limit is 4,096 entries and 8 MiB). */
export const DEFAULT_BATCH_SIZE = 500;
const IDLE_FLUSH_MS = 20;
const MAX_ATTEMPTS = 6;

interface Item {
  id: string;
  line: string;
  resolve(r: SubmitResult): void;
}

interface LineAnswer {
  index?: number;
  id?: string;
  sealed?: { commitment: string; salt: string };
  error?: { status?: number; code?: string; message?: string };
}

/** What the submitter sent: requests made (retries included) and the entries they carried. */
export interface SubmitStats {
  requests: number;
  entries: number;
  largestRequest: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class BatchSubmitter {
  private batch: Promise<Item | undefined>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** Batches sent, oldest first, until the reader has moved past them. */
  private readonly window: { answered: Promise<void>; settled: boolean }[] = [];
  private unanswered = 0;
  private lastLineAt = 0;
  private flushWhenAnswered = false;
  private readonly url: string;
  readonly stats: SubmitStats = { requests: 0, entries: 0, largestRequest: 0 };

  constructor(
    server: string,
    private readonly mission: string,
    private readonly token: string,
    private readonly signer: Signer,
    private readonly kind: EntryKind,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
    private readonly concurrency = 4,
  ) {
    // Answers once durable and integrated: a result line needs the index, not the checkpoint (the
    // proof of any entry is one `GET …/entries/<i>/proof` away), so a long input is not paced by
    // the checkpoint interval.
    this.url = `${server.replace(/\/$/, '')}/api/v1/missions/${mission}/entries?ack=integrated`;
  }

  /**
   * Signs one JSON body and queues it. Resolves when the caller may add the next line, with the
   * promise of this entry's result line.
   */
  async add(jsonBody: string): Promise<{ result: Promise<SubmitResult> }> {
    const result = new Promise<SubmitResult>((resolve) => {
      this.batch.push(this.sign(jsonBody, resolve));
    });
    this.lastLineAt = performance.now();
    while (this.window[0]?.settled) this.window.shift();
    if (this.batch.length >= this.batchSize) {
      this.flush();
      while (this.window.length > this.concurrency) await this.window.shift()!.answered;
    } else if (!this.timer) this.armIdleTimer(IDLE_FLUSH_MS);
    return { result };
  }

  private armIdleTimer(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const quietFor = performance.now() - this.lastLineAt;
      if (quietFor < IDLE_FLUSH_MS) this.armIdleTimer(IDLE_FLUSH_MS - quietFor);
      else if (this.unanswered > 0) this.flushWhenAnswered = true;
      else this.flush();
    }, ms);
  }

  private async sign(
    jsonBody: string,
    resolve: (r: SubmitResult) => void,
  ): Promise<Item | undefined> {
    try {
      const body = JSON.parse(jsonBody) as Record<string, unknown>;
      const { envelope, bytes } = await signEnvelope(
        { mission: this.mission, kind: this.kind, body },
        this.signer,
      );
      return { id: envelope.id, line: new TextDecoder().decode(bytes), resolve };
    } catch (err) {
      resolve({ error: (err as Error).message });
      return undefined;
    }
  }

  /** Sends what is gathered now (called at the end of input, too). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushWhenAnswered = false;
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.unanswered++;
    const slot = { answered: this.sendWhenReady(batch), settled: false };
    void slot.answered.then(() => {
      slot.settled = true;
      this.unanswered--;
      if (this.unanswered === 0 && this.flushWhenAnswered) this.flush();
    });
    this.window.push(slot);
  }

  private async sendWhenReady(batch: Promise<Item | undefined>[]): Promise<void> {
    const items = (await Promise.all(batch)).filter((i): i is Item => i !== undefined);
    if (items.length === 0) return;
    while (this.inFlight >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.inFlight++;
    try {
      await this.send(items);
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  private async send(first: Item[]): Promise<void> {
    let items = first;
    for (let attempt = 1; items.length > 0; attempt++) {
      let res: Response;
      let text: string;
      this.stats.requests++;
      this.stats.entries += items.length;
      this.stats.largestRequest = Math.max(this.stats.largestRequest, items.length);
      try {
        res = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/jsonl', authorization: `Bearer ${this.token}` },
          body: items.map((i) => i.line).join('\n') + '\n',
        });
        text = await res.text();
      } catch (err) {
        for (const i of items) i.resolve({ error: (err as Error).message, id: i.id });
        return;
      }
      const retryMs = 1000 * Number(res.headers.get('retry-after') ?? 1);
      if (res.status !== 200) {
        if (res.status === 503 && attempt < MAX_ATTEMPTS) {
          await sleep(retryMs);
          continue;
        }
        const err = parseError(text);
        for (const i of items)
          i.resolve({
            error: err?.message ?? `HTTP ${res.status}`,
            code: err?.code,
            status: res.status,
            id: i.id,
          });
        return;
      }
      const answers = text.split('\n').filter((l) => l !== '');
      const again: Item[] = [];
      items.forEach((item, n) => {
        let a: LineAnswer;
        try {
          a = JSON.parse(answers[n] ?? '{}') as LineAnswer;
        } catch {
          a = { error: { message: "couldn't read the server's answer" } };
        }
        if (typeof a.index === 'number')
          item.resolve({ index: a.index, id: item.id, ...(a.sealed ? { sealed: a.sealed } : {}) });
        else if (a.error?.status === 503 && attempt < MAX_ATTEMPTS) again.push(item);
        else
          item.resolve({
            error: a.error?.message ?? 'no result for this entry',
            code: a.error?.code,
            status: a.error?.status,
            id: item.id,
          });
      });
      items = again;
      if (items.length > 0) await sleep(retryMs);
    }
  }
}

function parseError(text: string): { code?: string; message?: string } | undefined {
  try {
    return (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    return undefined;
  }
}
