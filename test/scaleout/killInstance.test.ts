import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openRedisStores } from '../../src/storage/redis/openRedisStores.js';
import { burst, startProcess } from '../helpers/processServer.js';
import { startRedis } from '../helpers/redisServer.js';
import { tempDir } from '../helpers/tempContent.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('Two instances, one killed', () => {
  it('When instance A is killed (SIGKILL) in the middle of a burst, then no acknowledged message is lost and B goes on serving', async () => {
    const redis = await startRedis();
    try {
      const env = { REDIS_URL: redis.url, TOKEN_SECRET: 'one-token-secret-shared-by-every-instance' };
      const [a, b] = await Promise.all([startProcess(tempDir(), env), startProcess(tempDir(), env)]);
      children.push(a.child, b.child);
      const open = async (base: string) => {
        const r = await fetch(`${base}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return { base, ...((await r.json()) as { conversationId: string; token: string }) };
      };
      const targets = await Promise.all([open(a.base), open(a.base), open(b.base)]);
      const load = burst(targets);
      for (let i = 0; i < 200 && load.acknowledged.length < 15; i++)
        await new Promise((r) => setTimeout(r, 10));
      a.child.kill('SIGKILL');
      await load.stop();
      expect(load.acknowledged.length).toBeGreaterThanOrEqual(15);

      // A's conversations go on at B: same token secret, same store.
      const moved = targets[0] as (typeof targets)[number];
      const onB = await fetch(`${b.base}/api/v1/conversations/${moved.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${moved.token}` },
        body: JSON.stringify({ text: '12378是什么' }),
      });
      expect(onB.status).toBe(200);

      const client = new Redis(redis.url);
      const stores = openRedisStores(client);
      try {
        for (const { conversationId, clientMessageId } of load.acknowledged) {
          const customer = await stores.transcripts.byClientMessageId(conversationId, clientMessageId);
          expect(customer, clientMessageId).toBeDefined();
          expect(
            (await stores.transcripts.repliesTo(conversationId, customer?.id ?? '')).length,
          ).toBeGreaterThan(0);
        }
      } finally {
        await stores.close();
        client.disconnect();
      }
    } finally {
      await redis.stop();
    }
    // Two processes start side by side, each building its own index on a 2-core runner.
  }, 60_000);
});
