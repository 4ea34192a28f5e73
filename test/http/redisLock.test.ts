import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLock } from '../../src/http/redisLock.js';
import { startRedis } from '../helpers/redisServer.js';

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Redis;
let b: Redis;
beforeAll(async () => {
  redis = await startRedis();
  a = new Redis(redis.url);
  b = new Redis(redis.url);
});
afterAll(async () => {
  a.disconnect();
  b.disconnect();
  await redis.stop();
});

describe('Per-conversation lock on Redis', () => {
  it('When two instances run turns of one conversation at once, then they never overlap', async () => {
    const locks = [new RedisLock(a), new RedisLock(b)];
    const spans: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (locks[i % 2] as RedisLock).run('c1', async () => {
          const start = performance.now();
          await new Promise((r) => setTimeout(r, 15));
          spans.push([start, performance.now()]);
        }),
      ),
    );
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect((spans[i] as [number, number])[0]).toBeGreaterThanOrEqual((spans[i - 1] as [number, number])[1]);
  });

  it('When a holder crashed without releasing, then its lock expires and the next turn runs', async () => {
    await a.set('anxin:lock:c2', 'crashed-holder', 'PX', 200);
    const started = Date.now();
    await new RedisLock(b).run('c2', async () => {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('When a conversation stays busy past the wait, then the caller gets a clear "busy" error', async () => {
    await a.set('anxin:lock:c3', 'someone', 'PX', 5000);
    await expect(new RedisLock(b, { waitMs: 100 }).run('c3', async () => {})).rejects.toThrow(/busy/);
  });
});
