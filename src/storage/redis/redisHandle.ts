import type { Redis } from 'ioredis';
import { storeErrors } from '../storeErrors.js';

/**
 * The Redis connection and key prefix the stores share, with the bundle's open/closed switch:
 * after `close()` every call rejects with "The store is closed." while the caller's connection
 * stays open (it is theirs to disconnect).
 * @example const raw = await handle.run((redis) => redis.get(handle.key('reports', reference)))
 */
export class RedisHandle {
  open = true;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  /** A key under the prefix: `key('reports', 'R-1')` → `anxin:reports:R-1`. */
  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  async run<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    if (!this.open) throw storeErrors.closed();
    return work(this.redis);
  }
}
