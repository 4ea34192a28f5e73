import type { Storage } from 'botbuilder';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { type Bindings, MemoryBindings } from './coordination/bindings.js';
import { type EventBus, LocalEventBus } from './coordination/eventBus.js';
import { KeyedLock, type TurnLock } from './coordination/keyedLock.js';
import { type Limiter, RateLimiter } from './coordination/rateLimiter.js';
import { RedisBindings } from './coordination/redisBindings.js';
import { RedisEventBus } from './coordination/redisEventBus.js';
import { RedisLock } from './coordination/redisLock.js';
import { RedisRateLimiter } from './coordination/redisRateLimiter.js';
import { TokenRevocations } from './coordination/tokenRevocations.js';
import type { Logger } from './logger.js';
import { CachedConversations } from './storage/cachedConversations.js';
import { openMemoryStores } from './storage/memory/openMemoryStores.js';
import { openRedisStores } from './storage/redis/openRedisStores.js';
import { openSqliteStores } from './storage/sqlite/openSqliteStores.js';
import type { Stores } from './storage/stores.js';

/** Where state lives and how instances coordinate: the embedded default, or Redis for scale-out. */
export type Backend = {
  stores: Stores;
  bus: EventBus;
  locks: TurnLock;
  /** Revoked conversation tokens: one list, in the conversation store, for every channel. */
  revocations: TokenRevocations;
  kind: 'sqlite' | 'redis' | 'memory';
  /** A rate limiter whose counts every instance shares (in process for the embedded default). */
  limiter(name: string, limit: number, windowMs: number): Limiter;
  /** Keys bound to their first value for `ttlMs`, shared by every instance (in process for the embedded default). */
  bindings(name: string, ttlMs: number): Bindings;
  close(): Promise<void>;
};

/**
 * Where a run keeps its state: the configured store (the default), the embedded one in a folder of
 * its own whatever `REDIS_URL` says (the batch CLI's temporary store), or process memory (the
 * evaluation, which may audit a botbuilder Storage of its own).
 */
export type BackendChoice =
  | { store?: 'configured' }
  | { store: 'embedded'; dir: string }
  | { store: 'memory'; storage?: Storage };

/** In process: an in-process bus, lock and limiters beside the given stores. */
function inProcess(stores: Stores, kind: 'sqlite' | 'memory'): Backend {
  return {
    stores,
    bus: new LocalEventBus(),
    locks: new KeyedLock(),
    revocations: new TokenRevocations(stores.storage),
    kind,
    limiter: (_name, limit, windowMs) => new RateLimiter(limit, windowMs),
    bindings: (_name, ttlMs) => new MemoryBindings(ttlMs),
    close: () => stores.close(),
  };
}

/**
 * SQLite, an in-process bus and lock when `REDIS_URL` is unset; otherwise every store, the event
 * bus and the per-conversation lock on Redis, so any instance can serve any request.
 * @example const backend = await openBackend(config, logger)
 */
export async function openBackend(
  config: Config,
  logger: Logger,
  choice: BackendChoice = {},
): Promise<Backend> {
  if (choice.store === 'memory') {
    const stores = openMemoryStores();
    return inProcess(choice.storage ? { ...stores, storage: choice.storage } : stores, 'memory');
  }
  if (choice.store === 'embedded' || !config.redisUrl) {
    const opened = openSqliteStores(choice.store === 'embedded' ? choice.dir : config.dataDir);
    return inProcess({ ...opened, conversations: new CachedConversations(opened.conversations) }, 'sqlite');
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
    revocations: new TokenRevocations(stores.storage),
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
    bindings: (name, ttlMs) => new RedisBindings(redis, name, ttlMs),
    close: async () => {
      await stores.close();
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
