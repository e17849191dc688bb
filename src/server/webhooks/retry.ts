// When a webhook delivery is tried again (Standard Webhooks: retries with exponential backoff and
// jitter, honouring Retry-After), and the dispatcher's settings from the environment.
import { systemLookup, type Lookup } from './host-guard.js';

export const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 6 * 3_600_000;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

export interface DispatcherOptions {
  /** The first retry's delay; each later one doubles (env TRUCELINE_WEBHOOK_RETRY_MS, default 30 s). */
  retryBaseMs: number;
  /** How often due deliveries are looked for when nothing wakes the dispatcher. */
  pollMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  random: () => number;
  /** How delivery resolves host names (host-guard.ts; tests answer for names of their own). */
  lookup: Lookup;
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
    lookup: systemLookup,
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
