import type { Redis } from 'ioredis';
import type { Limiter, Take } from './rateLimiter.js';

/**
 * Fixed-window counters in Redis, shared by every instance: a customer cannot multiply their
 * allowance by landing on several instances.
 * @example await new RedisRateLimiter(redis, 'messages', 30, 60_000).take('c:abc')
 */
export class RedisRateLimiter implements Limiter {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The window opens with a key's first request (as the in-process limiter's does). */
  async take(key: string): Promise<Take> {
    const counter = `anxin:rate:${this.name}:${key}`;
    const replies = (await this.redis
      .multi()
      .set(counter, 0, 'PX', this.windowMs, 'NX')
      .incr(counter)
      .pttl(counter)
      .exec()) as [unknown, unknown][];
    const count = Number(replies[1]?.[1]);
    if (count <= this.limit) return { ok: true };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil(Number(replies[2]?.[1]) / 1000)) };
  }
}
