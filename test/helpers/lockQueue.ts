import type { Redis } from 'ioredis';

/** The tickets queued on a conversation's Redis lock, holder first. */
export function joined(redis: Redis, key: string): Promise<string[]> {
  return redis.lrange(`anxin:lock:{${key}}:queue`, 0, -1);
}

/** Resolves once `count` tickets are queued on the lock (holder included). */
export async function untilQueued(redis: Redis, key: string, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await joined(redis, key)).length < count) {
    if (Date.now() > deadline) throw new Error(`the lock on ${key} never had ${count} tickets queued`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
