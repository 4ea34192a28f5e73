import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLock } from '../../src/coordination/redisLock.js';
import { joined, untilQueued } from '../helpers/lockQueue.js';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lock held until `release` is called. */
function hold(lock: RedisLock, key: string) {
  let release = () => {};
  const done = lock.run(key, () => new Promise<void>((r) => (release = r)));
  return { done, release: () => release() };
}

describe('Per-conversation lock on Redis', () => {
  it('When two instances run turns of one conversation at once, then they never overlap', async () => {
    const locks = [new RedisLock(a), new RedisLock(b)];
    const spans: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (locks[i % 2] as RedisLock).run('c1', async () => {
          const start = performance.now();
          await sleep(15);
          spans.push([start, performance.now()]);
        }),
      ),
    );
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect((spans[i] as [number, number])[0]).toBeGreaterThanOrEqual((spans[i - 1] as [number, number])[1]);
  });

  it('When turns arrive alternately at two instances while one runs, then they run in arrival order', async () => {
    const locks = [new RedisLock(a), new RedisLock(b)];
    const first = hold(locks[0] as RedisLock, 'c-order');
    await untilQueued(a, 'c-order', 1);
    const ran: number[] = [];
    const waiting: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      // Odd turns on B, even on A; each joins the queue before the next is sent.
      waiting.push((locks[(i + 1) % 2] as RedisLock).run('c-order', async () => void ran.push(i)));
      await untilQueued(a, 'c-order', i + 2);
    }
    first.release();
    await Promise.all([first.done, ...waiting]);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await joined(a, 'c-order')).toEqual([]);
  });

  it('When the holding instance dies, then its lock expires after the ttl and the next turn runs', async () => {
    const dying = new Redis(redis.url);
    await dying.ping();
    const crashed = hold(new RedisLock(dying, { ttlMs: 300 }), 'c-crash');
    await untilQueued(a, 'c-crash', 1);
    dying.disconnect(); // its renewals stop, like an instance killed mid-turn
    const started = Date.now();
    await new RedisLock(b, { ttlMs: 300 }).run('c-crash', async () => {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(3000);
    crashed.release(); // stops the dead holder's renewal timer
  });

  it('When a waiting instance dies, then the turns queued behind it wait about 2 s for it, not the 10 s a holder gets', async () => {
    const holder = hold(new RedisLock(a), 'c-dead-waiter');
    await untilQueued(a, 'c-dead-waiter', 1);
    const dying = new Redis(redis.url);
    await dying.ping();
    void new RedisLock(dying).run('c-dead-waiter', async () => {}).catch(() => {});
    await untilQueued(a, 'c-dead-waiter', 2);
    dying.disconnect();
    let ran = false;
    const behind = new RedisLock(b).run('c-dead-waiter', async () => {
      ran = true;
    });
    await untilQueued(a, 'c-dead-waiter', 3);
    const released = Date.now();
    holder.release();
    await behind;
    expect(ran).toBe(true);
    expect(Date.now() - released).toBeLessThan(4000);
    expect(await joined(a, 'c-dead-waiter')).toEqual([]);
  });

  it('When a holder cannot keep its ticket, then it is told the lock was lost', async () => {
    const lost: string[] = [];
    const holder = hold(new RedisLock(a, { ttlMs: 300, onLost: (key) => lost.push(key) }), 'c-lost');
    await untilQueued(a, 'c-lost', 1);
    await a.del('anxin:lock:{c-lost}:due'); // as if its renewals had failed for a whole ttl
    await sleep(250);
    expect(lost).toContain('c-lost');
    holder.release();
    await holder.done;
  });

  it('When a conversation stays busy past the wait, then the caller gets a clear "busy" error and leaves the queue', async () => {
    const holder = hold(new RedisLock(a), 'c-busy');
    await untilQueued(a, 'c-busy', 1);
    await expect(new RedisLock(b, { waitMs: 100 }).run('c-busy', async () => {})).rejects.toThrow(/busy/);
    expect(await joined(a, 'c-busy')).toHaveLength(1);
    holder.release();
    await holder.done;
    expect(await a.exists('anxin:lock:{c-busy}:queue', 'anxin:lock:{c-busy}:due')).toBe(0);
  });
});
