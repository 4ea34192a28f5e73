import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { openMemoryStores } from '../../src/storage/memory/openMemoryStores.js';
import { RedisStorage } from '../../src/storage/redis/redisStorage.js';
import { startRedis } from '../helpers/redisServer.js';
import { storageContract } from './contracts/storageContract.js';

// A real redis-server on a free port, for this file only. The Redis implementations join the
// same contract suites as memory and SQLite as they land (issue 7); today: conversation state.
let redis: Awaited<ReturnType<typeof startRedis>>;
let client: Redis;
let n = 0;
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

storageContract('redis', async () => {
  const storage = new RedisStorage(client, `t${++n}:`);
  const memory = openMemoryStores();
  const stores = {
    ...memory,
    storage,
    close: async () => {
      await memory.close();
      storage.close();
    },
  };
  return { stores, close: () => stores.close() };
});
