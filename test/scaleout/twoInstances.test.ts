import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLock } from '../../src/coordination/redisLock.js';
import { addAgent, agent } from '../helpers/agents.js';
import { openStream, postText, startDirectLine } from '../helpers/directline.js';
import { untilQueued } from '../helpers/lockQueue.js';
import { startRedis } from '../helpers/redisServer.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';
import { collect, until } from '../helpers/sse.js';

const SECRET = 'one-token-secret-shared-by-every-instance';
const DIRECT_LINE = 'one-direct-line-secret-shared-by-every-instance';
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Running;
let b: Running;
beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, TOKEN_SECRET: SECRET, DIRECTLINE_SECRET: DIRECT_LINE };
  a = await startServer({}, env);
  b = await startServer({}, env);
});
afterAll(async () => {
  await a.stop();
  await b.stop();
  await redis.stop();
});

describe('Two instances on one Redis', () => {
  it("When a conversation opened on A continues on B, then B answers with A's context, and a retry on the other instance runs once", async () => {
    const c = await openConversation(a.base);
    const path = `/api/v1/conversations/${c.conversationId}/messages`;
    await call(a.base, 'POST', path, { token: c.token, body: { text: '停息挂账是真的吗' } });
    const first = await call(b.base, 'POST', path, {
      token: c.token,
      body: { text: '那我该怎么办', clientMessageId: 'x1' },
    });
    expect(first.status).toBe(200);
    expect(first.body.messages[0].citations[0].articleId).toBe('zh-CN/repayment-hardship');
    const again = await call(a.base, 'POST', path, {
      token: c.token,
      body: { text: '那我该怎么办', clientMessageId: 'x1' },
    });
    expect(again.body).toEqual(first.body);
    const transcript = (await call(b.base, 'GET', path, { token: c.token })).body.messages;
    expect(transcript.filter((m: { role: string }) => m.role === 'customer')).toHaveLength(2);
  });

  it('When turns of one conversation queue on both instances, then they run one at a time in arrival order', async () => {
    const c = await openConversation(a.base);
    const path = `/api/v1/conversations/${c.conversationId}/messages`;
    // A third party holds the conversation's lock, as a long turn on another instance would.
    const peer = new Redis(redis.url);
    let release = () => {};
    const held = new RedisLock(peer).run(c.conversationId, () => new Promise<void>((r) => (release = r)));
    await untilQueued(peer, c.conversationId, 1);
    const texts = ['停息挂账是真的吗', '征信能修复吗', '代理投诉要收多少钱', '怎么联系银行', '我想找人工'];
    const sent = [];
    for (const [i, text] of texts.entries()) {
      sent.push(call(i % 2 ? b.base : a.base, 'POST', path, { token: c.token, body: { text } }));
      await untilQueued(peer, c.conversationId, i + 2);
    }
    release();
    await held;
    peer.disconnect();
    const answers = await Promise.all(sent);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const transcript = (await call(b.base, 'GET', path, { token: c.token })).body.messages as {
      id: string;
      role: string;
      text: string;
      replyTo?: string;
    }[];
    const asked = transcript.filter((m) => m.role === 'customer');
    expect(asked.map((m) => m.text)).toEqual(texts);
    // Each answer follows its own question, before the next question.
    for (const [i, answer] of answers.entries()) {
      const question = transcript.findIndex((m) => m.id === asked[i]?.id);
      expect(transcript[question + 1]?.id).toBe(answer.body.messages[0].id);
    }
  });

  it("When an agent on A claims and replies, then the customer's stream on B receives it", async () => {
    const c = await openConversation(b.base);
    const events = collect(
      await fetch(`${b.base}/api/v1/conversations/${c.conversationId}/events?token=${c.token}`),
    );
    await call(b.base, 'POST', `/api/v1/conversations/${c.conversationId}/handoff`, {
      token: c.token,
      body: {},
    });
    await addAgent(a, 'wang');
    const wang = await agent(a.base, 'wang');
    const id = encodeURIComponent(`web:${c.conversationId}`);
    expect((await wang('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    await wang('POST', `/conversations/${id}/messages`, { text: '您好，我是客服小王' });
    await until(() => /客服小王/.test(events.text()));
    await events.close();
  });

  it("When Web Chat's WebSocket is on B and its messages go to A, then B streams A's answers and an agent's reply", async () => {
    const c = await startDirectLine(a.base, DIRECT_LINE);
    const stream = await openStream(c.streamUrl.replace(new URL(a.base).host, new URL(b.base).host));
    const sent = await postText(a.base, c, '停息挂账是真的吗', 'dl-1');
    await until(() => stream.activities().some((x) => x.replyToId === sent.body.id));
    await postText(a.base, c, '我要找人工客服');
    await addAgent(a, 'xu');
    const xu = await agent(a.base, 'xu');
    const id = encodeURIComponent(`directline:${c.conversationId}`);
    expect((await xu('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    await xu('POST', `/conversations/${id}/messages`, { text: '您好，我是客服小徐' });
    await until(() => stream.activities().some((x) => /小徐/.test(x.text ?? '')));
    stream.close();
  });
});

describe('When Redis goes away', () => {
  it('When Redis stops, then /readyz fails and requests get 503 with Retry-After; when it is back, service resumes', async () => {
    const own = await startRedis();
    const server = await startServer({}, { REDIS_URL: own.url, TOKEN_SECRET: SECRET });
    try {
      const c = await openConversation(server.base);
      const path = `/api/v1/conversations/${c.conversationId}/messages`;
      await own.stop();
      const down = await call(server.base, 'POST', path, {
        token: c.token,
        body: { text: '停息挂账靠谱吗', clientMessageId: 'd1' },
      });
      expect(down.status).toBe(503);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${server.base}/readyz`)).status).toBe(503);
      const back = await startRedis(own.port);
      try {
        let ready = 503;
        for (let i = 0; i < 100 && ready !== 200; i++) {
          await new Promise((r) => setTimeout(r, 100));
          ready = (await fetch(`${server.base}/readyz`)).status;
        }
        expect(ready).toBe(200);
      } finally {
        await back.stop();
      }
    } finally {
      await server.stop().catch(() => undefined);
    }
  });
});

describe('Rate limits across instances', () => {
  it('When a conversation spreads its messages over two instances, then they share one allowance', async () => {
    const own = await startRedis();
    const env = { REDIS_URL: own.url, TOKEN_SECRET: SECRET };
    const limits = { messagesPerMinute: { perIp: 1000, perConversation: 4 } };
    const [x, y] = [await startServer(limits, env), await startServer(limits, env)];
    try {
      const c = await openConversation(x.base);
      const path = `/api/v1/conversations/${c.conversationId}/messages`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (
            await call(i % 2 ? y.base : x.base, 'POST', path, {
              token: c.token,
              body: { text: `停息挂账 ${i}` },
            })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await x.stop();
      await y.stop();
      await own.stop();
    }
  });
});
