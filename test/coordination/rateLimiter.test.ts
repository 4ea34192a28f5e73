import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
// The implementations under test, in one place.
import { RateLimiter } from '../../src/coordination/rateLimiter.js';
import { RedisRateLimiter } from '../../src/coordination/redisRateLimiter.js';
import { rateLimiterContract } from '../contracts/rateLimiter.contract.js';
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

rateLimiterContract('in process', (_name, limit, windowMs) => new RateLimiter(limit, windowMs));

rateLimiterContract('redis', (name, limit, windowMs) => new RedisRateLimiter(client, name, limit, windowMs));
