import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { storeErrors } from '../storeErrors.js';

/**
 * All of a write's eTags are checked and all of its items written in one step, or none is: a
 * conflict names the first key whose eTag no longer matches. ARGV: eTag, value, new eTag per key.
 */
const WRITE = `
for i, key in ipairs(KEYS) do
  local given = ARGV[(i - 1) * 3 + 1]
  if given ~= '' and given ~= '*' then
    local stored = redis.call('HGET', key, 'etag')
    if stored and stored ~= given then return key end
  end
end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'value', ARGV[(i - 1) * 3 + 2], 'etag', ARGV[(i - 1) * 3 + 3])
end
return ''
`;

/**
 * botbuilder `Storage` on Redis with eTag concurrency, for several instances: conversation state
 * any instance can read and write, and a stale write refused like MemoryStorage refuses it.
 * @example const storage = new RedisStorage(redis, 'anxin:')
 */
export class RedisStorage implements Storage {
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'anxin:state:',
  ) {}

  /** Later calls reject like every closed store's (the shared connection stays open). */
  close(): void {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw storeErrors.closed();
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.open();
    const items: StoreItems = {};
    if (!keys.length) return items;
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'value', 'etag');
    const results = (await pipeline.exec()) ?? [];
    results.forEach(([err, row], i) => {
      if (err) throw err;
      const [value, eTag] = row as [string | null, string | null];
      if (value !== null) items[keys[i] as string] = { ...JSON.parse(value), eTag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.open();
    const keys = Object.keys(changes);
    if (!keys.length) return;
    const args = keys.flatMap((key) => {
      const { eTag, ...value } = (changes[key] ?? {}) as { eTag?: string };
      return [eTag ?? '', JSON.stringify(value), randomUUID()];
    });
    const conflict = (await this.redis.eval(
      WRITE,
      keys.length,
      ...keys.map((k) => this.prefix + k),
      ...args,
    )) as string;
    if (conflict) throw storeErrors.eTagConflict(conflict.slice(this.prefix.length));
  }

  async delete(keys: string[]): Promise<void> {
    this.open();
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }
}
