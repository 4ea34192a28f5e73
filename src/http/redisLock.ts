import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { TurnLock } from './keyedLock.js';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A per-conversation lock across instances: two instances never run two turns of one conversation
 * at once. The holder renews it while it works; a crashed holder's lock expires after `ttlMs`.
 * @example await lock.run(conversationId, () => runTurn())
 */
export class RedisLock implements TurnLock {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly options: { ttlMs?: number; waitMs?: number; prefix?: string } = {},
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const held = this.hold(key, work);
    this.running.add(held);
    try {
      return await held;
    } finally {
      this.running.delete(held);
    }
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async hold<T>(key: string, work: () => Promise<T>): Promise<T> {
    const ttl = this.options.ttlMs ?? 10_000;
    const name = `${this.options.prefix ?? 'anxin:lock:'}${key}`;
    const token = randomUUID();
    const deadline = Date.now() + (this.options.waitMs ?? 15_000);
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      if ((await this.redis.set(name, token, 'PX', ttl, 'NX')) === 'OK') break;
      if (Date.now() > deadline)
        throw new AppError('unavailable:lock', `the conversation is busy; try again`);
      await new Promise((r) => setTimeout(r, delay));
    }
    const renew = setInterval(() => {
      this.redis.eval(EXTEND, 1, name, token, String(ttl)).catch(() => undefined);
    }, ttl / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, name, token);
    }
  }
}
