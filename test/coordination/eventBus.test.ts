import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationEvent, type EventBus, LocalEventBus } from '../../src/coordination/eventBus.js';
import { RedisEventBus } from '../../src/coordination/redisEventBus.js';
import { startRedis } from '../helpers/redisServer.js';

type Pair = { a: EventBus; b: EventBus; settle(): Promise<void> };

/** One contract for every event bus: `a` and `b` are two instances' views of the same bus. */
function busContract(name: string, open: () => Promise<Pair>) {
  describe(`${name}: event bus`, () => {
    it('When an event is published on one instance, then a subscriber on the other receives it, and only for its conversation', async () => {
      const { a, b, settle } = await open();
      const got: ConversationEvent[] = [];
      const off = b.subscribe('c1', (e) => got.push(e));
      b.subscribe('c2', () => got.push({ type: 'typing', data: 'wrong conversation' }));
      await settle();
      await a.publish('c1', { type: 'message', seq: 3, data: { text: '客服小王：您好' } });
      for (let i = 0; i < 50 && !got.length; i++) await new Promise((r) => setTimeout(r, 10));
      expect(got).toEqual([{ type: 'message', seq: 3, data: { text: '客服小王：您好' } }]);
      off();
      await settle();
      await a.publish('c1', { type: 'typing', data: {} });
      await new Promise((r) => setTimeout(r, 50));
      expect(got).toHaveLength(1);
    });
  });
}

busContract('in process', async () => {
  const bus = new LocalEventBus();
  return { a: bus, b: bus, settle: async () => {} };
});

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

busContract('redis', async () => {
  const connect = () => {
    const c = new Redis(redis.url);
    clients.push(c);
    return c;
  };
  const a = new RedisEventBus(connect(), connect());
  const b = new RedisEventBus(connect(), connect());
  return { a, b, settle: () => b.ready() };
});
