import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../helpers/server.js';

/** A stand-in for the Bot Framework connector: it receives the bot's replies. */
async function fakeConnector() {
  const received: { path: string; body: any }[] = [];
  const app = express();
  app.use(express.json());
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
