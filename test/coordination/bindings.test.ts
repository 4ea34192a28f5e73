import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
// The implementations under test, in one place.
import { MemoryBindings } from '../../src/coordination/bindings.js';
import { RedisBindings } from '../../src/coordination/redisBindings.js';
import { bindingsContract } from '../contracts/bindings.contract.js';
import { startRedis } from '../helpers/redisServer.js';

let redis: Awaited<ReturnType<typeof startRedis>>;
let client: Redis;
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

bindingsContract('in process', (_name, ttlMs) => new MemoryBindings(ttlMs));

bindingsContract('redis', (name, ttlMs) => new RedisBindings(client, name, ttlMs));
