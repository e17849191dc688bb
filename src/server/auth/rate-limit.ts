// A fixed-window counter per key (client address, user name), in memory: enough to slow password
// guessing against one process. Several API processes each keep their own window.
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is under its limit. Does not count. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    const t = this.now();
    if (!w || w.resetAt <= t || w.count < this.limit) return 0;
    return Math.max(1, Math.ceil((w.resetAt - t) / 1000));
  }

  /** Events counted for `key` in its current window. */
  count(key: string): number {
    const w = this.windows.get(key);
    return w && w.resetAt > this.now() ? w.count : 0;
  }

  /** Counts one event for `key`. */
  hit(key: string): void {
    const t = this.now();
    if (this.windows.size > 50_000) {
      for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
    }
    const w = this.windows.get(key);
    if (!w || w.resetAt <= t) this.windows.set(key, { count: 1, resetAt: t + this.windowMs });
    else w.count++;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }
}
