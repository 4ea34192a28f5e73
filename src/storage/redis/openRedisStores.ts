import type { Redis } from 'ioredis';
import type { Stores } from '../stores.js';
import { RedisAgentAccounts, RedisAgentSessions } from './redisAgents.js';
import { RedisConversations } from './redisConversations.js';
import { RedisFeedback } from './redisFeedback.js';
import { RedisHandle } from './redisHandle.js';
import { RedisHandoffQueue } from './redisHandoffQueue.js';
import { RedisReports } from './redisReports.js';
import { RedisStorage } from './redisStorage.js';
import { RedisTranscripts } from './redisTranscripts.js';

/**
 * Every store on one Redis, all keys under `prefix`, so several instances share one state. The
 * connection is the caller's: `close()` only closes the stores (later calls reject with "The store
 * is closed.", ping answers false) and leaves the connection for the caller to disconnect.
 * @example const stores = openRedisStores(new Redis(config.redisUrl)); … await stores.close()
 */
export function openRedisStores(redis: Redis, prefix = 'anxin:'): Stores {
  const handle = new RedisHandle(redis, prefix);
  const storage = new RedisStorage(redis, `${prefix}state:`);
  return {
    storage,
    conversations: new RedisConversations(handle),
    transcripts: new RedisTranscripts(handle),
    feedback: new RedisFeedback(handle),
    reports: new RedisReports(handle),
    handoffs: new RedisHandoffQueue(handle),
    agents: new RedisAgentAccounts(handle),
    agentSessions: new RedisAgentSessions(handle),
    ping: async () => {
      if (!handle.open) return false;
      return redis.ping().then(
        (answer) => answer === 'PONG',
        () => false,
      );
    },
    close: async () => {
      handle.open = false;
      storage.close();
    },
  };
}
