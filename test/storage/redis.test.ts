import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStores } from '../../src/storage/redis/openRedisStores.js';
import type { Stores } from '../../src/storage/stores.js';
import { startRedis } from '../helpers/redisServer.js';
import { allContracts } from './contracts/allContracts.js';
import { expectGaplessAppends } from './contracts/concurrentAppends.js';
import {
  buildAgentSession,
  buildConversation,
  buildMessage,
  buildReport,
  buildWaitingCustomers,
} from './contracts/records.js';

// A real redis-server on a free port, for this file only; each test writes under its own key
// prefix, so tests stay isolated on the one server. A "place" is a prefix: restarting is a new
// openRedisStores on it, and a second connection is a second ioredis client.
let redis: Awaited<ReturnType<typeof startRedis>>;
let client: Redis;
let n = 0;
const connectClient = () => new Redis(redis.url, { maxRetriesPerRequest: 1 });

beforeAll(async () => {
  redis = await startRedis();
  client = connectClient();
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

allContracts(
  'Redis',
  async () => {
    const stores = openRedisStores(client, `t${++n}:`);
    return { stores, close: () => stores.close() };
  },
  async () => {
    const prefix = `place${++n}:`;
    const opened: { stores: Stores; client: Redis }[] = [];
    return {
      connect: () => {
        const own = connectClient();
        const stores = openRedisStores(own, prefix);
        opened.push({ stores, client: own });
        return stores;
      },
      close: async () => {
        for (const { stores, client: own } of opened) {
          await stores.close();
          own.disconnect();
        }
      },
    };
  },
);

describe('Redis: several instances on one server', () => {
  const clients: Redis[] = [];
  const instance = (prefix: string) => {
    const own = connectClient();
    clients.push(own);
    return openRedisStores(own, prefix);
  };
  afterEach(() => {
    for (const own of clients.splice(0)) own.disconnect();
  });

  it('When two instances append to one conversation at once, then seq stays unique and gapless', async () => {
    const prefix = `multi${++n}:`;
    await expectGaplessAppends(instance(prefix), instance(prefix), 50);
  });

  it('When two instances retry one clientMessageId at once, then exactly one append is kept', async () => {
    const prefix = `multi${++n}:`;
    const [one, two] = [instance(prefix), instance(prefix)];
    const send = (stores: Stores) =>
      stores.transcripts.append('c1', [
        buildMessage('c1', { clientMessageId: 'k-1' }),
        buildMessage('c1', { role: 'bot' }),
      ]);
    const results = await Promise.allSettled([send(one), send(two), send(one), send(two)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await one.transcripts.list('c1')).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('When two instances claim the same waiting customers at once, then each is claimed exactly once', async () => {
    const prefix = `multi${++n}:`;
    const [one, two] = [instance(prefix), instance(prefix)];
    const requests = buildWaitingCustomers(200);
    await Promise.all(requests.map((r) => one.handoffs.request(r)));
    const claimAll = async (stores: Stores, agent: string) => {
      const won: string[] = [];
      for (const r of requests) {
        const claimed = await stores.handoffs
          .claim(r.channel, r.conversationId, agent)
          .catch(() => undefined);
        if (claimed) won.push(claimed.conversationId);
      }
      return won;
    };
    const [a, b] = await Promise.all([claimAll(one, 'a'), claimAll(two, 'b')]);
    expect([...a, ...b].sort()).toEqual(requests.map((r) => r.conversationId).sort());
    expect((await two.handoffs.claimedBy('a')).map((e) => e.conversationId).sort()).toEqual(a.sort());
    expect((await one.handoffs.claimedBy('b')).map((e) => e.conversationId).sort()).toEqual(b.sort());
    expect(await one.handoffs.waiting()).toEqual([]);
  });

  it('When an instance restarts, then everything written is still there', async () => {
    const prefix = `multi${++n}:`;
    const before = instance(prefix);
    const conversation = buildConversation();
    const messages = [
      buildMessage(conversation.id, { clientMessageId: 'k-1' }),
      buildMessage(conversation.id),
    ];
    const report = buildReport();
    const feedback = { conversationId: conversation.id, messageId: 'm', helpful: false, createdAt: 'now' };
    const account = { username: 'wang', role: 'agent' as const, passwordHash: 'h', createdAt: 'a' };
    await before.storage.write({ state: { turns: 3 } });
    const eTag = (await before.storage.read(['state'])).state.eTag;
    await before.conversations.create(conversation);
    await before.transcripts.append(conversation.id, messages);
    await before.feedback.add(feedback);
    await before.reports.save(report);
    await before.agents.put(account);
    await before.close();

    const after = instance(prefix);
    expect((await after.storage.read(['state'])).state).toEqual({ turns: 3, eTag });
    expect(await after.conversations.get(conversation.id)).toEqual(conversation);
    expect(await after.transcripts.list(conversation.id)).toEqual(
      messages.map((m, i) => ({ ...m, seq: i + 1 })),
    );
    await expect(
      after.transcripts.append(conversation.id, [buildMessage(conversation.id, { clientMessageId: 'k-1' })]),
    ).rejects.toThrow('already used');
    expect(await after.feedback.list(conversation.id)).toEqual([feedback]);
    expect(await after.reports.get(report.reference)).toEqual(report);
    expect(await after.agents.get('wang')).toEqual({ ...account, failures: 0 });
  });

  it('When the stores are closed, then the caller’s connection stays open', async () => {
    const own = connectClient();
    clients.push(own);
    await openRedisStores(own, `multi${++n}:`).close();
    expect(await own.ping()).toBe('PONG');
  });

  it('When an agent session reaches its expiresAt, then Redis has dropped it', async () => {
    const stores = instance(`multi${++n}:`);
    const session = buildAgentSession({ expiresAt: new Date(Date.now() + 200).toISOString() });
    await stores.agentSessions.create(session);
    expect(await stores.agentSessions.get('s1')).toEqual(session);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await stores.agentSessions.get('s1')).toBeUndefined();
  });
});
