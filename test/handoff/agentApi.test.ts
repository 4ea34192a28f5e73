import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent, agent, PASSWORD } from '../helpers/agents.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';
import { collect, until } from '../helpers/sse.js';

let s: Running;

beforeAll(async () => {
  s = await startServer();
  await addAgent(s, 'wang');
  await addAgent(s, 'li');
  await addAgent(s, 'boss', 'admin');
});
afterAll(() => s.stop());

describe('Agent API and handoff (CONTRACT §3)', () => {
  it('When nobody is logged in, then no queue or conversation is readable (401)', async () => {
    expect((await call(s.base, 'GET', '/api/v1/agent/queue')).status).toBe(401);
    expect((await call(s.base, 'GET', '/api/v1/agent/conversations/web:x')).status).toBe(401);
    expect(
      (
        await call(s.base, 'POST', '/api/v1/agent/login', {
          body: { username: 'wang', password: 'wrong wrong wrong' },
        })
      ).status,
    ).toBe(401);
  });

  it('When a customer asks for a person, an agent claims, replies and releases, then the customer sees each step and the bot is silent meanwhile', async () => {
    const c = await openConversation(s.base);
    const events = collect(
      await fetch(`${s.base}/api/v1/conversations/${c.conversationId}/events?token=${c.token}`),
    );
    const path = `/api/v1/conversations/${c.conversationId}`;
    await call(s.base, 'POST', `${path}/messages`, {
      token: c.token,
      body: { text: '中介让我交3000押金 说能停息挂账' },
    });
    await call(s.base, 'POST', `${path}/messages`, { token: c.token, body: { text: '转人工' } });
    const wang = await agent(s.base, 'wang');
    expect((await wang('GET', '/session')).body).toMatchObject({
      agent: { username: 'wang', role: 'agent' },
      csrfToken: expect.any(String),
    });
    const queue = await wang('GET', '/queue');
    const card = queue.body.waiting.find(
      (w: { conversationId: string }) => w.conversationId === c.conversationId,
    );
    expect(card).toMatchObject({
      state: 'queued',
      reason: 'customer-request',
      risk: 'low',
      position: expect.any(Number),
    });
    expect(card.redFlags).toContain('upfront-fee');

    expect((await wang('POST', `/conversations/${card.id}/claim`, {}, false)).status).toBe(403);
    expect((await wang('POST', `/conversations/${card.id}/claim`, {})).status).toBe(200);
    await until(() => /已接入/.test(events.text()) && /"state":"accepted"/.test(events.text()));

    const canned = await wang('GET', `/conversations/${card.id}/canned`);
    expect(canned.body.answers.length).toBeGreaterThan(0);
    expect(canned.body.answers[0]).toMatchObject({
      articleId: expect.stringMatching(/^zh-CN\//),
      text: expect.any(String),
    });
    const view = await wang('GET', `/conversations/${encodeURIComponent(card.id)}`);
    expect(view.body.summary).toMatchObject({ reason: 'customer-request', agent: 'wang' });
    expect(view.body.transcript.some((m: { text: string }) => /押金/.test(m.text))).toBe(true);

    const silent = await call(s.base, 'POST', `${path}/messages`, {
      token: c.token,
      body: { text: '你好 我该怎么办' },
    });
    expect(silent.body.messages).toEqual([]);
    expect(
      (await wang('POST', `/conversations/${card.id}/messages`, { text: '您好，我是客服小王，先别再付钱。' }))
        .status,
    ).toBe(201);
    await until(() => /客服小王/.test(events.text()));

    const li = await agent(s.base, 'li');
    expect((await li('GET', `/conversations/${card.id}`)).status).toBe(403);
    expect((await li('POST', `/conversations/${card.id}/messages`, { text: 'hi' })).status).toBe(403);
    const boss = await agent(s.base, 'boss');
    expect((await boss('GET', `/conversations/${card.id}`)).status).toBe(200);

    expect(
      (
        await wang('POST', `/conversations/${card.id}/release`, {
          outcome: 'advised to stop paying; bank hardship team',
        })
      ).status,
    ).toBe(200);
    await until(() => /已结束本次服务/.test(events.text()));
    const back = await call(s.base, 'POST', `${path}/messages`, {
      token: c.token,
      body: { text: '停息挂账靠谱吗' },
    });
    expect(back.body.messages[0].text).toMatch(/依据/);
    await events.close();
  });

  it('When an agent logs out, then their live event stream ends at the next event and cannot be reopened', async () => {
    const li = await agent(s.base, 'li');
    const res = await fetch(`${s.base}/api/v1/agent/events`, { headers: { cookie: li.cookie } });
    expect(res.status).toBe(200);
    const ended = collect(res).ended.then(() => 'ended');
    expect((await li('POST', '/logout')).status).toBe(204);
    const c = await openConversation(s.base);
    await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/handoff`, {
      token: c.token,
      body: {},
    });
    const timeout = new Promise((r) => setTimeout(() => r('still open'), 3000));
    expect(await Promise.race([ended, timeout])).toBe('ended');
    const again = await fetch(`${s.base}/api/v1/agent/events`, { headers: { cookie: li.cookie } });
    expect(again.status).toBe(401);
    await again.body?.cancel();
  });

  it('When an agent fails to log in five times, then the account is locked (429) even with the right password', async () => {
    await addAgent(s, 'zhao');
    for (let i = 0; i < 4; i++)
      expect(
        (
          await call(s.base, 'POST', '/api/v1/agent/login', {
            body: { username: 'zhao', password: 'wrong wrong wrong' },
          })
        ).status,
      ).toBe(401);
    const locked = await call(s.base, 'POST', '/api/v1/agent/login', {
      body: { username: 'zhao', password: 'wrong wrong wrong' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account-locked');
    expect(
      (await call(s.base, 'POST', '/api/v1/agent/login', { body: { username: 'zhao', password: PASSWORD } }))
        .status,
    ).toBe(429);
  });
});

describe('Handoff queue across a restart', () => {
  it('When the server restarts, then a queued request is still waiting for an agent', async () => {
    const first = await startServer();
    const c = await openConversation(first.base);
    await call(first.base, 'POST', `/api/v1/conversations/${c.conversationId}/handoff`, {
      token: c.token,
      body: {},
    });
    await first.stop();
    const again = await startServer({}, { DATA_DIR: first.dataDir });
    try {
      await addAgent(again, 'wang');
      const queue = await (await agent(again.base, 'wang'))('GET', '/queue');
      expect(queue.body.waiting.map((w: { conversationId: string }) => w.conversationId)).toContain(
        c.conversationId,
      );
    } finally {
      await again.stop();
    }
  });
});

describe('Token revocation', () => {
  it("When an admin revokes a conversation's tokens, then the customer's token stops working (401 token-revoked) and an agent may not do it (403)", async () => {
    const c = await openConversation(s.base);
    await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/handoff`, {
      token: c.token,
      body: {},
    });
    const id = encodeURIComponent(`web:${c.conversationId}`);
    const events = collect(
      await fetch(`${s.base}/api/v1/conversations/${c.conversationId}/events?token=${c.token}`),
    );
    expect(
      (await (await agent(s.base, 'wang'))('POST', `/conversations/${id}/revoke-tokens`, {})).status,
    ).toBe(403);
    expect(
      (await (await agent(s.base, 'boss'))('POST', `/conversations/${id}/revoke-tokens`, {})).status,
    ).toBe(204);
    const after = await call(s.base, 'GET', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
    });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token-revoked');
    // The stream opened with the old token ends too.
    const timeout = new Promise((r) => setTimeout(() => r('still open'), 3000));
    expect(await Promise.race([events.ended.then(() => 'ended'), timeout])).toBe('ended');
  });
});
