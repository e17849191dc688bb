// Turns the log into webhook deliveries and delivers them (Standard Webhooks, standardwebhooks.com):
//  - scan: after each integrated batch (and at start), the read model is brought up to date, the
//    entries since the mission's cursor are read, and one delivery per matching enabled endpoint
//    is queued with the cursor moved past them, in one transaction (webhook-store.ts);
//  - deliver: due deliveries are POSTed with webhook-id, webhook-timestamp and webhook-signature
//    ("v1," HMAC-SHA256 over `id.timestamp.body`, signed by the standardwebhooks package, and "v1a,"
//    Ed25519 over the same, asymmetric.ts). A 2xx is
//    delivered; 410 Gone disables the endpoint (the spec's "stop sending"); anything else, or no
//    answer, is retried with exponential backoff and ±50 % jitter, never sooner than a Retry-After
//    asks, until MAX_ATTEMPTS. The queue is in the database, so a restart resumes where it stopped.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { AppContext } from '../app.js';
import { workflowFor } from '../workflow/context.js';
import { eventData, eventsOf, viewerFor } from './events.js';
import type { WebhookSigningKey } from './asymmetric.js';
import type { SecretBox } from './secrets.js';
import type { Delivery, WebhookStore } from './webhook-store.js';

export const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 6 * 3_600_000;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
const SCAN_CHUNK = 500;
const DELIVER_BATCH = 20;

export interface DispatcherOptions {
  /** The first retry's delay; each later one doubles (env TRUCELINE_WEBHOOK_RETRY_MS, default 30 s). */
  retryBaseMs: number;
  /** How often due deliveries are looked for when nothing wakes the dispatcher. */
  pollMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  random: () => number;
}

export function dispatcherOptions(env: NodeJS.ProcessEnv = process.env): DispatcherOptions {
  const num = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`${name} must be a number of milliseconds, not "${v}"`);
    return n;
  };
  return {
    retryBaseMs: num('TRUCELINE_WEBHOOK_RETRY_MS', 30_000),
    pollMs: num('TRUCELINE_WEBHOOK_POLL_MS', 5_000),
    timeoutMs: 10_000,
    random: Math.random,
  };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined if absent. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const t = Date.parse(header);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export function backoffMs(attempts: number, o: DispatcherOptions, retryAfter?: number): number {
  const exp = Math.min(MAX_DELAY_MS, o.retryBaseMs * 2 ** (attempts - 1));
  const jittered = exp * (0.5 + o.random());
  return Math.max(jittered, Math.min(retryAfter ?? 0, MAX_RETRY_AFTER_MS));
}

export class WebhookDispatcher {
  private readonly scans = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> | undefined;
  private stopped = false;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly store: WebhookStore,
    private readonly box: SecretBox,
    private readonly signingKey: WebhookSigningKey,
    private readonly o: DispatcherOptions,
  ) {}

  start(): void {
    for (const [slug, log] of this.ctx.logs ?? []) {
      this.unsubscribe.push(log.sequencer.onIntegrated(() => this.scan(slug)));
      this.scan(slug);
    }
    this.wake(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const u of this.unsubscribe) u();
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.scans.values()]);
    await this.delivering;
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

  /** Delivers what is due in `ms` (or sooner if already scheduled sooner). */
  wake(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.delivering) return void this.delivering.then(() => this.wake(0));
    this.delivering = this.deliverDue()
      .catch((err: unknown) => console.error(`truceline: webhooks: ${String(err)}`))
      .finally(() => (this.delivering = undefined));
    await this.delivering;
    if (this.stopped) return;
    const next = await this.store.nextDue().catch(() => undefined);
    const wait = next === undefined ? this.o.pollMs : Math.max(0, Date.parse(next) - Date.now());
    this.wake(Math.min(wait, this.o.pollMs));
  }

  private async deliverDue(): Promise<void> {
    for (;;) {
      const due = await this.store.due(new Date().toISOString(), DELIVER_BATCH);
      if (due.length === 0 || this.stopped) return;
      await Promise.all(due.map((d) => this.deliver(d)));
    }
  }

  private async deliver(d: Delivery): Promise<void> {
    const ep = await this.store.endpointById(d.endpoint);
    if (!ep || ep.disabled_at !== null) return;
    const attempts = d.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: number | undefined;
    try {
      const secret = this.box.unseal(ep.secret_cipher, ep.id);
      const at = new Date();
      const res = await fetch(ep.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'truceline-webhooks/1',
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          // Both schemes, space-separated (the spec's list): receivers check the one they hold.
          'webhook-signature': `${new Webhook(secret).sign(d.id, at, d.payload)} ${this.signingKey.sign(d.id, at, d.payload)}`,
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      status = res.status;
      retryAfter = retryAfterMs(res.headers.get('retry-after'), Date.now());
      await res.body?.cancel();
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 500);
    }
    const now = new Date();
    if (status !== null && status >= 200 && status < 300)
      return this.store.record(d.id, {
        status: 'delivered',
        attempts,
        next_at: d.next_at,
        last_status: status,
        last_error: null,
        done_at: now.toISOString(),
      });
    if (status === 410) {
      await this.store.disable(
        ep.id,
        now.toISOString(),
        `the receiver answered 410 Gone to ${d.id}`,
      );
      return this.store.record(d.id, {
        status: 'failed',
        attempts,
        next_at: d.next_at,
        last_status: status,
        last_error: '410 Gone: endpoint disabled',
        done_at: now.toISOString(),
      });
    }
    const last = attempts >= MAX_ATTEMPTS;
    await this.store.record(d.id, {
      status: last ? 'failed' : 'pending',
      attempts,
      next_at: new Date(now.getTime() + backoffMs(attempts, this.o, retryAfter)).toISOString(),
      last_status: status,
      last_error: error ?? `HTTP ${status}`,
      done_at: last ? now.toISOString() : null,
    });
  }
}
