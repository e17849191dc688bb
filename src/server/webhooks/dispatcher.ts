// Turns the log into webhook deliveries and delivers them (Standard Webhooks, standardwebhooks.com):
//  - scan: after each integrated batch (and at start), the read model is brought up to date, the
//    entries since the mission's cursor are read, and one delivery per matching enabled endpoint
//    is queued with the cursor moved past them, in one transaction (webhook-store.ts);
//  - deliver: due deliveries are claimed and POSTed by delivery-worker.ts (signed, host checked at
//    delivery, retried with backoff). The queue is in the database, so a restart resumes where it
//    stopped, and two servers on one database deliver each message once (the claim).
// Two servers scanning the same entries queue each delivery once: the queue's unique
// (endpoint, event, entry) key drops the second (webhook-store.ts `enqueue`).
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app.js';
import { workflowFor } from '../workflow/context.js';
import { eventData, eventsOf, viewerFor } from './events.js';
import type { WebhookSigningKey } from './asymmetric.js';
import { DeliveryWorker } from './delivery-worker.js';
import type { DispatcherOptions } from './retry.js';
import type { SecretBox } from './secrets.js';
import type { Delivery, WebhookStore } from './webhook-store.js';

const SCAN_CHUNK = 500;

export { MAX_ATTEMPTS, backoffMs, dispatcherOptions, retryAfterMs } from './retry.js';
export type { DispatcherOptions } from './retry.js';

export class WebhookDispatcher {
  private readonly scans = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopped = false;
  private unsubscribe: (() => void)[] = [];
  private readonly worker: DeliveryWorker;

  constructor(
    private readonly ctx: AppContext,
    private readonly store: WebhookStore,
    box: SecretBox,
    signingKey: WebhookSigningKey,
    o: DispatcherOptions,
  ) {
    this.worker = new DeliveryWorker(store, box, signingKey, o);
  }

  start(): void {
    for (const [slug, log] of this.ctx.logs ?? []) {
      this.unsubscribe.push(log.sequencer.onIntegrated(() => this.scan(slug)));
      this.scan(slug);
    }
    this.worker.wake(0);
  }

  /** Delivers what is due in `ms` (or sooner if already scheduled sooner). */
  wake(ms: number): void {
    if (!this.stopped) this.worker.wake(ms);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribe) u();
    await Promise.all([...this.scans.values()]);
    await this.worker.stop();
  }

  /** Scans a mission's new entries (one scan per mission at a time; a request during one reruns it). */
  scan(slug: string): void {
    if (this.stopped) return;
    if (this.scans.has(slug)) {
      this.again.add(slug);
      return;
    }
    const p = this.scanNow(slug)
      .catch((err: unknown) =>
        console.error(`truceline: webhooks: couldn't scan ${slug}: ${String(err)}`),
      )
      .finally(() => {
        this.scans.delete(slug);
        if (this.again.delete(slug)) this.scan(slug);
      });
    this.scans.set(slug, p);
  }

  private async scanNow(slug: string): Promise<void> {
    const wf = workflowFor(this.ctx);
    await wf.catchUp(slug);
    const applied = await wf.applied(slug);
    const scanned = await this.store.scanned(slug);
    // The first scan of a mission starts at its present: webhooks announce what comes next.
    const from = scanned ?? applied;
    const endpoints = (await this.store.endpoints(slug)).filter((e) => e.disabled_at === null);
    if (endpoints.length === 0) {
      if (scanned !== applied) await this.store.enqueue(slug, [], applied);
      return;
    }
    let queued = 0;
    for (let at = from; at < applied; at += SCAN_CHUNK) {
      const entries = await this.ctx.store.listEntries(
        slug,
        at,
        Math.min(SCAN_CHUNK, applied - at),
      );
      const out: Delivery[] = [];
      const now = new Date().toISOString();
      for (const e of entries) {
        const ev = eventsOf(e);
        for (const type of ev?.types ?? [])
          for (const ep of endpoints) {
            if (!ep.events.includes(type)) continue;
            const viewer = viewerFor(ep.role, ep.id);
            const data = await eventData(wf, slug, type, Number(e.idx), ev!.record, viewer);
            if (!data) continue;
            out.push({
              id: `msg_${randomUUID()}`,
              endpoint: ep.id,
              event: type,
              entry_idx: Number(e.idx),
              payload: JSON.stringify({ type, timestamp: now, data }),
              status: 'pending',
              attempts: 0,
              next_at: now,
              last_status: null,
              last_error: null,
              created_at: now,
              done_at: null,
            });
          }
      }
      await this.store.enqueue(slug, out, Math.min(applied, at + SCAN_CHUNK));
      queued += out.length;
    }
    if (queued) this.wake(0);
  }
}
