import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The one import from src/: the port every implementation is run against.
import type { Limiter } from '../../src/coordination/rateLimiter.js';

/** Opens a limiter as the backend does: a name (its own counters), a limit per window. */
export type OpenLimiter = (name: string, limit: number, windowMs: number) => Limiter | Promise<Limiter>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fixed-window rate limiter, whatever keeps its counts: `limit` requests per key per window,
 * opened by the key's first request; then refusals that say when to try again.
 * @example rateLimiterContract('memory', (_name, limit, windowMs) => new RateLimiter(limit, windowMs))
 */
export function rateLimiterContract(name: string, open: OpenLimiter): void {
  describe(`${name}: rate limiter`, () => {
    // Each case counts under a name of its own, so cases sharing one Redis never meet.
    const fresh = (limit: number, windowMs: number) => open(`contract-${randomUUID()}`, limit, windowMs);

    it('When a customer stays within the limit, then every request is allowed; beyond it, each is refused with the seconds left', async () => {
      const limiter = await fresh(3, 60_000);
      for (let i = 0; i < 3; i++) expect(await limiter.take('ip-1')).toEqual({ ok: true });
      for (let i = 0; i < 2; i++) {
        const refused = await limiter.take('ip-1');
        expect(refused.ok).toBe(false);
        if (!refused.ok) {
          expect(refused.retryAfterS).toBeGreaterThanOrEqual(59);
          expect(refused.retryAfterS).toBeLessThanOrEqual(60);
        }
      }
    });

    it('When one key has used its allowance, then other keys keep theirs', async () => {
      const limiter = await fresh(2, 60_000);
      await limiter.take('ip-spent');
      await limiter.take('ip-spent');
      expect((await limiter.take('ip-spent')).ok).toBe(false);
      expect(await limiter.take('ip-other')).toEqual({ ok: true });
      expect(await limiter.take('ip-other')).toEqual({ ok: true });
    });

    it('When the window has passed, then the key is allowed again, and a short window says to retry in 1 s', async () => {
      const limiter = await fresh(2, 500);
      await limiter.take('ip-reset');
      await limiter.take('ip-reset');
      expect(await limiter.take('ip-reset')).toEqual({ ok: false, retryAfterS: 1 });
      await sleep(550);
      expect(await limiter.take('ip-reset')).toEqual({ ok: true });
      expect(await limiter.take('ip-reset')).toEqual({ ok: true });
      expect((await limiter.take('ip-reset')).ok).toBe(false);
    });

    it('When a refused customer keeps trying, then the refusals do not stretch the window', async () => {
      const limiter = await fresh(1, 1000);
      const opened = Date.now();
      expect(await limiter.take('ip-hammer')).toEqual({ ok: true });
      for (let i = 0; i < 3; i++) {
        await sleep(150);
        expect((await limiter.take('ip-hammer')).ok).toBe(false);
      }
      await sleep(opened + 1100 - Date.now());
      expect(await limiter.take('ip-hammer')).toEqual({ ok: true });
    });

    it('When many requests of one key arrive at once, then exactly the limit is allowed', async () => {
      const limiter = await fresh(4, 60_000);
      const takes = await Promise.all(Array.from({ length: 10 }, () => limiter.take('ip-burst')));
      expect(takes.filter((t) => t.ok)).toHaveLength(4);
    });

    it('When two limiters have different names, then they count the same key separately', async () => {
      const messages = await fresh(1, 60_000);
      const logins = await fresh(1, 60_000);
      expect(await messages.take('ip-both')).toEqual({ ok: true });
      expect(await logins.take('ip-both')).toEqual({ ok: true });
      expect((await messages.take('ip-both')).ok).toBe(false);
    });
  });
}
