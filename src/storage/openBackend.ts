import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { type EventBus, LocalEventBus } from '../http/eventBus.js';
import { KeyedLock, type TurnLock } from '../http/keyedLock.js';
import { type Limiter, RateLimiter } from '../http/rateLimiter.js';
import { RedisEventBus } from '../http/redisEventBus.js';
import { RedisLock } from '../http/redisLock.js';
import { RedisRateLimiter } from '../http/redisRateLimiter.js';
import type { Logger } from '../logger.js';
import { CachedConversations } from './cachedConversations.js';
import { openRedisStores } from './redis/openRedisStores.js';
import { openSqliteStores } from './sqlite/openSqliteStores.js';
import type { Stores } from './stores.js';

/** Where state lives and how instances coordinate: the embedded default, or Redis for scale-out. */
export type Backend = {
  stores: Stores;
  bus: EventBus;
  locks: TurnLock;
  kind: 'sqlite' | 'redis';
  /** A rate limiter whose counts every instance shares (in process for the embedded default). */
  limiter(name: string, limit: number, windowMs: number): Limiter;
  close(): Promise<void>;
};

/**
 * SQLite, an in-process bus and lock when `REDIS_URL` is unset; otherwise every store, the event
 * bus and the per-conversation lock on Redis, so any instance can serve any request.
 * @example const backend = await openBackend(config, logger)
 */
export async function openBackend(config: Config, logger: Logger): Promise<Backend> {
  if (!config.redisUrl) {
    const opened = openSqliteStores(config.dataDir);
    const stores: Stores = { ...opened, conversations: new CachedConversations(opened.conversations) };
    return {
      stores,
      bus: new LocalEventBus(),
      locks: new KeyedLock(),
      kind: 'sqlite',
      limiter: (_name, limit, windowMs) => new RateLimiter(limit, windowMs),
      close: () => stores.close(),
    };
  }
  // Fail fast while Redis is away (503 with Retry-After), rather than queue commands in memory.
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false } as const;
  const redis = new Redis(config.redisUrl, options);
  const subscriber = new Redis(config.redisUrl, { ...options, enableOfflineQueue: true });
  for (const c of [redis, subscriber]) c.on('error', (err) => logger.warn({ err: String(err) }, 'redis'));
  await new Promise<void>((resolve, reject) => {
    if (redis.status === 'ready') return resolve();
    const timer = setTimeout(
      () => reject(new Error(`Redis at REDIS_URL did not answer within 10 s`)),
      10_000,
    );
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const opened = openRedisStores(redis);
  const stores: Stores = { ...opened, conversations: new CachedConversations(opened.conversations) };
  return {
    stores,
    bus: new RedisEventBus(redis, subscriber),
    locks: new RedisLock(redis, {
      onLost: (conversation) =>
        logger.warn(
          { conversation },
          'turn lock lost: renewals failed for a whole ttl; another turn may start',
        ),
    }),
    kind: 'redis',
    limiter: (name, limit, windowMs) => new RedisRateLimiter(redis, name, limit, windowMs),
    close: async () => {
      await stores.close();
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
