import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
// The implementations under test, in one place.
import { KeyedLock } from '../../src/coordination/keyedLock.js';
import { RedisLock } from '../../src/coordination/redisLock.js';
import { turnLockContract } from '../contracts/turnLock.contract.js';
import { startRedis } from '../helpers/redisServer.js';

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

turnLockContract('in process', () => new KeyedLock());

turnLockContract('redis', () => {
  const client = new Redis(redis.url);
  clients.push(client);
  return new RedisLock(client);
});
