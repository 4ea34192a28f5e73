export type Take = { ok: true } | { ok: false; retryAfterS: number };

/** Counts requests per key in fixed windows; answers when the caller may try again. */
export interface Limiter {
  take(key: string): Take | Promise<Take>;
}

/**
 * A fixed-window counter per key (an IP, a conversation). In process: with several instances the
 * Redis implementation shares the windows.
 * @example if (!limiter.take(ip).ok) answer 429 with Retry-After
 */
export class RateLimiter implements Limiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): Take {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(t);
    }
    if (w.count >= this.limit)
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
    w.count += 1;
    return { ok: true };
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}
