// Delivers the queue's due messages (Standard Webhooks, standardwebhooks.com):
//  - claim: each due delivery is claimed for one attempt (webhook-store.ts `claim`, a lease on the
//    row), so two servers on one database never send the same message at once, nor twice;
//  - where: the host is resolved now and checked against the operator's allowlist and the private
//    ranges (host-guard.ts), and the POST connects to the address checked (deliver-http.ts);
//  - what: webhook-id, webhook-timestamp and webhook-signature ("v1," HMAC-SHA256 over
//    `id.timestamp.body`, signed by the standardwebhooks package, and "v1a," Ed25519 over the same,
//    asymmetric.ts);
//  - then: a 2xx is delivered; 410 Gone disables the endpoint (the spec's "stop sending"); anything
//    else, no answer or a refused host is retried with exponential backoff and ±50 % jitter, never
//    sooner than a Retry-After asks, until MAX_ATTEMPTS.
import { Webhook } from 'standardwebhooks';
import type { WebhookSigningKey } from './asymmetric.js';
import { postTo } from './deliver-http.js';
import { deliveryAddress, hostPolicy, HostRefused } from './host-guard.js';
import { backoffMs, MAX_ATTEMPTS, retryAfterMs, type DispatcherOptions } from './retry.js';
import type { SecretBox } from './secrets.js';
import type { Delivery, WebhookStore } from './webhook-store.js';

const DELIVER_BATCH = 20;
/** How long a claim holds beyond the receiver's timeout (a crashed claimant's row comes back then). */
const LEASE_MARGIN_MS = 60_000;

export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly box: SecretBox,
    private readonly signingKey: WebhookSigningKey,
    private readonly o: DispatcherOptions,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Delivers what is due in `ms` (or sooner if already scheduled sooner). */
  wake(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.delivering;
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
      await Promise.all(due.map((d) => this.claimAndDeliver(d)));
    }
  }

  private async claimAndDeliver(d: Delivery): Promise<void> {
    const lease = new Date(Date.now() + this.o.timeoutMs + LEASE_MARGIN_MS).toISOString();
    if (await this.store.claim(d, lease)) await this.deliver(d);
  }

  private async deliver(d: Delivery): Promise<void> {
    const ep = await this.store.endpointById(d.endpoint);
    if (!ep || ep.disabled_at !== null) return;
    const attempts = d.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: number | undefined;
    try {
      const target = await deliveryAddress(ep.url, hostPolicy(this.env), this.o.lookup);
      const secret = this.box.unseal(ep.secret_cipher, ep.id);
      const at = new Date();
      const answer = await postTo(
        ep.url,
        target,
        {
          'content-type': 'application/json',
          'user-agent': 'truceline-webhooks/1',
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          // Both schemes, space-separated (the spec's list): receivers check the one they hold.
          'webhook-signature': `${new Webhook(secret).sign(d.id, at, d.payload)} ${this.signingKey.sign(d.id, at, d.payload)}`,
        },
        d.payload,
        this.o.timeoutMs,
      );
      status = answer.status;
      retryAfter = retryAfterMs(answer.retryAfter, Date.now());
    } catch (err) {
      error =
        err instanceof HostRefused
          ? err.message
          : String((err as Error).message ?? err).slice(0, 500);
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
