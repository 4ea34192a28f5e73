import type { Redis } from 'ioredis';
import type { Bindings } from './bindings.js';

// SET NX and the GET of the loser in one script: no instance can slip a value in between.
const BIND = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return ARGV[1] end
return redis.call('GET', KEYS[1]) or ARGV[1]
`;

/**
 * Bindings in Redis, shared by every instance: a key bound on one instance is bound on all.
 * @example await new RedisBindings(redis, 'wechat-signature', 11 * 60_000).bind(signature, digest)
 */
export class RedisBindings implements Bindings {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {}

  async bind(key: string, value: string): Promise<string> {
    return String(await this.redis.eval(BIND, 1, `anxin:bind:${this.name}:${key}`, value, this.ttlMs));
  }
}
