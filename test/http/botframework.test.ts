import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent, agent } from '../helpers/agents.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';
import { until } from '../helpers/sse.js';

/** A stand-in for the Bot Framework connector: it receives the bot's replies. */
async function fakeConnector() {
  const received: { path: string; body: any }[] = [];
  const state = { down: false, hang: false };
  const app = express();
  app.use(express.json());
  // While `down`, every post is refused, as a channel that is unavailable would.
  app.use((_req, res, next) => (state.down ? res.status(400).json({ error: 'down' }) : next()));
  // While `hang`, posts are taken and never answered.
  app.use((_req, _res, next) => (state.hang ? undefined : next()));
  app.post('/v3/conversations/:conversation/activities/:id', (req, res) => {
    received.push({ path: req.path, body: req.body });
    res.json({ id: `r${received.length}` });
  });
  app.post('/v3/conversations/:conversation/activities', (req, res) => {
    received.push({ path: req.path, body: req.body });
    res.json({ id: `r${received.length}` });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    received,
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

let s: Running;
let connector: Awaited<ReturnType<typeof fakeConnector>>;
beforeAll(async () => {
  s = await startServer();
  connector = await fakeConnector();
});
afterAll(async () => {
  connector.close();
  await s.stop();
});

const activity = (text: string) => ({
  type: 'message',
  id: 'a1',
  text,
  channelId: 'emulator',
  serviceUrl: connector.url,
  conversation: { id: 'bf-conv-1' },
  from: { id: 'user-1', name: 'customer' },
  recipient: { id: 'anxin', name: 'Anxin' },
  locale: 'zh-CN',
});

describe('Bot Framework endpoint', () => {
  it('When no app id is configured and the Emulator posts a message, then the bot answers through the connector', async () => {
    const res = await fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('停息挂账靠谱吗')),
    });
    expect(res.status).toBe(200);
    const reply = connector.received.find((r) => r.body.type === 'message');
    expect(reply?.path).toMatch(/bf-conv-1/);
    expect(reply?.body.text).toMatch(/依据/);
    expect(reply?.body.suggestedActions.actions.length).toBeGreaterThan(0);
  });

  it('When the body is not an activity, then 400', async () => {
    const res = await fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('Bot Framework endpoint, anonymous', () => {
  it('When an anonymous caller names a service URL that is not local, then 403 and nothing is posted there', async () => {
    const res = await fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity('你好'), serviceUrl: 'https://attacker.example' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('service-url-not-allowed');
  });
});

describe('Bot Framework endpoint, anonymous, behind a proxy', () => {
  it('When a request was relayed by a proxy on this machine, then it is not taken for a local Emulator (403)', async () => {
    const before = connector.received.length;
    const res = await fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify(activity('你好')),
    });
    expect(res.status).toBe(403);
    expect(connector.received.length).toBe(before);
  });
});

describe('Bot Framework conversations and agents', () => {
  const say = (text: string) =>
    fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity(text), id: `a-${text}`, conversation: { id: 'bf-handoff' } }),
    });
  const sentTo = () =>
    connector.received.filter((r) => r.path.includes('bf-handoff') && r.body.type === 'message');

  it("When an Emulator customer asks for a person, then the agent's joining, replies and leaving reach them through the connector, and the bot speaks again after", async () => {
    expect((await say('我要找人工客服')).status).toBe(200);
    await addAgent(s, 'lin', 'agent', { displayName: '林静', staffNumber: '3001' });
    const lin = await agent(s.base, 'lin');
    const id = encodeURIComponent('emulator:bf-handoff');
    const before = sentTo().length;
    expect((await lin('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    await until(() => sentTo().length > before);
    expect(sentTo().at(-1)?.body.text).toMatch(/林静/);
    await lin('POST', `/conversations/${id}/messages`, { text: '您好，我是客服小林' });
    await until(() => sentTo().some((r) => r.body.text === '您好，我是客服小林'));
    const quiet = sentTo().length;
    expect((await say('我之前交过钱给中介')).status).toBe(200);
    expect(sentTo().length).toBe(quiet); // the agent holds the conversation: the bot is silent
    expect((await lin('POST', `/conversations/${id}/release`, { outcome: '已解答' })).status).toBe(200);
    await until(() => sentTo().length > quiet);
    expect((await say('停息挂账靠谱吗')).status).toBe(200);
    expect(sentTo().at(-1)?.body.text).toMatch(/依据/);
  });

  it('When the customer writes while an agent holds the conversation, then the agent reads it (masked), and only ids of the conversation are kept', async () => {
    const talk = (text: string, n: number) =>
      fetch(`${s.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...activity(text),
          id: `b-${n}`,
          // What a channel may add to a conversation: none of it is kept.
          conversation: {
            id: 'bf-read',
            name: '王先生的对话',
            aadObjectId: 'aad-4711',
            properties: { note: 'x' },
          },
        }),
      });
    await talk('我要找人工客服', 1);
    await addAgent(s, 'qian', 'agent', { displayName: '钱明' });
    const qian = await agent(s.base, 'qian');
    const id = encodeURIComponent('emulator:bf-read');
    expect((await qian('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    const notices = connector.received.filter(
      (r) => r.path.includes('bf-read') && /钱明/.test(r.body.text ?? ''),
    );
    expect(notices).toHaveLength(1); // the bot told the customer once, not again by push
    await talk('我的手机号是13812345678，中介收了我3000块', 2);
    const view = await qian('GET', `/conversations/${id}`);
    const texts = (view.body.transcript as { role: string; text: string }[]).map(
      (m) => `${m.role}:${m.text}`,
    );
    expect(texts.some((t) => t.startsWith('customer:') && t.includes('中介收了我3000块'))).toBe(true);
    // The console shows the notice the customer got.
    expect(texts.some((t) => t.startsWith('system:') && t.includes('钱明'))).toBe(true);
    expect(JSON.stringify(view.body)).not.toContain('13812345678');
    const key = 'anxin/bot-framework-reference/emulator/bf-read';
    const stored = JSON.stringify((await s.app.stores.storage.read([key]))[key]);
    expect(stored).toContain(connector.url);
    expect(stored).not.toContain('user-1');
    for (const extra of ['王先生', 'aad-4711', 'properties']) expect(stored).not.toContain(extra);
    await qian('POST', `/conversations/${id}/release`, { outcome: '已解答' });
  });

  it('When the channel is down as the agent leaves, then the release still stands and the bot answers again once the channel is back', async () => {
    const talk = (text: string, n: number) =>
      fetch(`${s.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity(text), id: `c-${n}`, conversation: { id: 'bf-down' } }),
      });
    const sentHere = () =>
      connector.received.filter((r) => r.path.includes('bf-down') && r.body.type === 'message');
    await talk('我要找人工客服', 1);
    await addAgent(s, 'sun');
    const sun = await agent(s.base, 'sun');
    const id = encodeURIComponent('emulator:bf-down');
    expect((await sun('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    connector.state.down = true;
    try {
      expect((await sun('POST', `/conversations/${id}/release`, { outcome: '已解答' })).status).toBe(200);
    } finally {
      connector.state.down = false;
    }
    const before = sentHere().length;
    expect((await talk('停息挂账靠谱吗', 2)).status).toBe(200);
    expect(sentHere().length).toBeGreaterThan(before);
    expect(sentHere().at(-1)?.body.text).toMatch(/依据/);
  });
});

describe('Bot Framework conversations under stress', () => {
  const talk = (conversation: string, text: string, extra: Record<string, unknown> = {}) =>
    fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...activity(text),
        id: `${conversation}-${text}`,
        conversation: { id: conversation },
        ...extra,
      }),
    });
  const sentHere = (conversation: string) =>
    connector.received.filter((r) => r.path.includes(conversation) && r.body.type === 'message');

  it('When the channel takes a notice and never answers, then the release ends within seconds and the bot answers again', async () => {
    await talk('bf-hang', '我要找人工客服');
    await addAgent(s, 'hua');
    const hua = await agent(s.base, 'hua');
    const id = encodeURIComponent('emulator:bf-hang');
    expect((await hua('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    connector.state.hang = true;
    try {
      expect((await hua('POST', `/conversations/${id}/release`, { outcome: '已解答' })).status).toBe(200);
    } finally {
      connector.state.hang = false;
    }
    await talk('bf-hang', '停息挂账靠谱吗');
    expect(sentHere('bf-hang').at(-1)?.body.text).toMatch(/依据/);
  }, 30_000);

  it('When a client posts its own handoff.status event, then the bot ignores it and stays quiet while the agent holds the conversation', async () => {
    await talk('bf-fake', '我要找人工客服');
    await addAgent(s, 'fei');
    const fei = await agent(s.base, 'fei');
    expect(
      (await fei('POST', `/conversations/${encodeURIComponent('emulator:bf-fake')}/claim`, {})).status,
    ).toBe(200);
    await talk('bf-fake', '', { type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    const before = sentHere('bf-fake').length;
    await talk('bf-fake', '停息挂账靠谱吗');
    expect(sentHere('bf-fake').length).toBe(before);
  });

  it("When a caller names one of Anxin's own conversations, then the turn is dropped and nothing is added to it; a conversation that never asked for a person is not remembered", async () => {
    const c = await openConversation(s.base);
    await talk(c.conversationId, '停息挂账靠谱吗', { channelId: 'msteams' });
    expect(sentHere(c.conversationId)).toEqual([]);
    const transcript = await call(s.base, 'GET', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
    });
    expect(transcript.body.messages.some((m: { role: string }) => m.role === 'customer')).toBe(false);
    await talk('bf-plain', '停息挂账靠谱吗');
    const key = 'anxin/bot-framework-reference/emulator/bf-plain';
    expect((await s.app.stores.storage.read([key]))[key]).toBeUndefined();
  });
});

describe("Bot Framework endpoint and Anxin's own channels", () => {
  it("When a caller names the web channel, then 403: no Bot Framework caller may act in Anxin's own conversations", async () => {
    const res = await fetch(`${s.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity('转人工'), channelId: 'web' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('Bot Framework endpoint with an app id', () => {
  let secured: Running;
  beforeAll(async () => {
    secured = await startServer(
      {},
      {
        MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      },
    );
  });
  afterAll(() => secured.stop());

  it('When a request comes without a valid JWT, then 401 and the bot does not run', async () => {
    const before = connector.received.length;
    const res = await fetch(`${secured.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify(activity('你好')),
    });
    expect(res.status).toBe(401);
    expect(connector.received.length).toBe(before);
  });
});
