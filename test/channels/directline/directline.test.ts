import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { call, type Running, startServer } from '../../helpers/server.js';

const SECRET = 'a-direct-line-secret-of-32-characters-or-more';
let s: Running;
beforeAll(async () => {
  s = await startServer({}, { DIRECTLINE_SECRET: SECRET });
});
afterAll(() => s.stop());

type Activity = {
  type: string;
  id?: string;
  text?: string;
  from: { id: string; role: string };
  replyToId?: string;
  textFormat?: string;
  channelData?: { clientActivityID?: string; anxin?: { role: string; citations: unknown[] } };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
};
type Started = { conversationId: string; token: string; streamUrl: string; expires_in: number };

const dl = (path: string) => `/v3/directline${path}`;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

/** As a bank's server and Web Chat do: a token from the secret, then the conversation started with it. */
async function start(locale?: string): Promise<Started> {
  const generated = await call(s.base, 'POST', dl('/tokens/generate'), { headers: bearer(SECRET), body: {} });
  expect(generated.status).toBe(200);
  const started = await call(s.base, 'POST', dl('/conversations'), {
    headers: bearer(generated.body.token),
    body: locale ? { locale } : {},
  });
  expect(started.status).toBe(201);
  return started.body;
}

async function poll(c: Started, watermark = '') {
  const r = await call(
    s.base,
    'GET',
    dl(`/conversations/${c.conversationId}/activities?watermark=${watermark}`),
    {
      headers: bearer(c.token),
    },
  );
  expect(r.status).toBe(200);
  return r.body as { activities: Activity[]; watermark: string };
}

function post(c: Started, text: string, clientActivityID?: string) {
  return call(s.base, 'POST', dl(`/conversations/${c.conversationId}/activities`), {
    headers: bearer(c.token),
    body: {
      type: 'message',
      text,
      from: { id: `dl_${c.conversationId}` },
      locale: 'zh-CN',
      attachments: [],
      ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
    },
  });
}

describe('Direct Line 3.0 for Web Chat', () => {
  it('When Web Chat starts a conversation with a generated token, then the welcome is waiting at the first poll', async () => {
    const c = await start();
    expect(c.expires_in).toBe(1800);
    expect(c.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/);
    const first = await poll(c);
    expect(first.activities.length).toBeGreaterThan(0);
    expect(first.activities[0]?.from.role).toBe('bot');
    expect(first.activities[0]?.textFormat).toBe('markdown');
    expect(Number(first.watermark)).toBeGreaterThan(0);
    expect((await poll(c, first.watermark)).activities).toEqual([]);
    const again = await call(s.base, 'POST', dl('/conversations'), { headers: bearer(c.token), body: {} });
    expect(again.status).toBe(200);
    expect((await poll(c)).activities).toHaveLength(first.activities.length);
  });

  it('When a customer sends a message, then it is echoed with its clientActivityID and the cited answer replies to the echo; a resend runs once', async () => {
    const c = await start();
    const { watermark } = await poll(c);
    const sent = await post(c, '停息挂账是真的吗', 'wc-1');
    expect(sent.status).toBe(200);
    const { activities } = await poll(c, watermark);
    const [echo, answer] = activities;
    expect(echo?.id).toBe(sent.body.id);
    expect(echo?.from.role).toBe('user');
    expect(echo?.channelData?.clientActivityID).toBe('wc-1');
    expect(answer?.replyToId).toBe(sent.body.id);
    expect(answer?.text).toMatch(/依据/);
    expect(answer?.channelData?.anxin?.citations.length).toBeGreaterThan(0);
    expect(answer?.suggestedActions?.actions[0]?.type).toBe('imBack');
    const resent = await post(c, '停息挂账是真的吗', 'wc-1');
    expect(resent.body.id).toBe(sent.body.id);
    expect((await poll(c, watermark)).activities).toHaveLength(activities.length);
  });

  it('When Web Chat asks in English, then the conversation answers in English', async () => {
    const c = await start('en-US');
    await post(c, 'Is "stop interest and freeze the debt" real?');
    const answer = (await poll(c)).activities.at(-1);
    expect(answer?.text).toMatch(/Source: /);
    expect(answer?.text).not.toMatch(/依据/);
  });

  it('When the credentials are wrong or the input is bad, then each call gets a clear error and nothing is stored', async () => {
    const c = await start();
    const other = await start();
    const path = dl(`/conversations/${c.conversationId}/activities`);
    expect(
      (await call(s.base, 'POST', dl('/tokens/generate'), { headers: bearer('not-the-secret') })).status,
    ).toBe(403);
    expect((await call(s.base, 'GET', path)).status).toBe(401);
    expect((await call(s.base, 'GET', path, { headers: bearer(other.token) })).status).toBe(403);
    const forged = await call(s.base, 'GET', path, { headers: bearer(`${c.token.split('.')[0]}.forged`) });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('token-bad-signature');
    const before = (await poll(c)).activities.length;
    const attachment = await call(s.base, 'POST', path, {
      headers: bearer(c.token),
      body: { type: 'message', text: 'hi', attachments: [{ contentType: 'image/png' }] },
    });
    expect(attachment.status).toBe(400);
    expect(attachment.body.error.message).toMatch(/attachments/);
    const long = await call(s.base, 'POST', path, {
      headers: bearer(c.token),
      body: { type: 'message', text: '长'.repeat(2001) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('text');
    const watermark = await call(s.base, 'GET', `${path}?watermark=abc`, { headers: bearer(c.token) });
    expect(watermark.status).toBe(400);
    expect(watermark.body.error.field).toBe('watermark');
    const upload = await call(s.base, 'POST', dl(`/conversations/${c.conversationId}/upload?userId=x`), {
      headers: bearer(c.token),
      body: {},
    });
    expect(upload.status).toBe(415);
    const typing = await call(s.base, 'POST', path, { headers: bearer(c.token), body: { type: 'typing' } });
    expect(typing.status).toBe(200);
    expect((await poll(c)).activities).toHaveLength(before);
  });

  it('When the token is refreshed or the client reconnects, then the new token works on the same conversation', async () => {
    const c = await start();
    const refreshed = await call(s.base, 'POST', dl('/tokens/refresh'), { headers: bearer(c.token) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(c.conversationId);
    const reconnected = await call(s.base, 'GET', dl(`/conversations/${c.conversationId}`), {
      headers: bearer(refreshed.body.token),
    });
    expect(reconnected.status).toBe(200);
    expect(reconnected.body.streamUrl).toMatch(/^ws:/);
    expect((await poll({ ...c, token: reconnected.body.token })).activities.length).toBeGreaterThan(0);
  });

  it('When Web Chat listens on the WebSocket, then it gets the welcome, typing, its echo and the answer; a bad token is refused', async () => {
    const c = await start();
    const ws = new WebSocket(c.streamUrl);
    const frames: { activities: Activity[]; watermark?: string }[] = [];
    ws.on('message', (data) => {
      const text = String(data);
      if (text) frames.push(JSON.parse(text));
    });
    await new Promise((r) => ws.once('open', r));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 150 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(check()).toBe(true);
    };
    await until(() => frames.length > 0);
    const sent = await post(c, '征信能花钱修复吗', 'wc-ws');
    const all = () => frames.flatMap((f) => f.activities);
    await until(() => all().some((a) => a.replyToId === sent.body.id));
    expect(all().some((a) => a.type === 'typing')).toBe(true);
    expect(all().find((a) => a.id === sent.body.id)?.channelData?.clientActivityID).toBe('wc-ws');
    expect(
      new Set(
        all()
          .filter((a) => a.id)
          .map((a) => a.id),
      ).size,
    ).toBe(all().filter((a) => a.id).length);
    ws.close();
    const bad = new WebSocket(c.streamUrl.replace(/t=[^&]+/, 't=forged'));
    const status = await new Promise((r) =>
      bad.once('unexpected-response', (_req, res) => r(res.statusCode)),
    );
    expect(status).toBe(403);
  });
});

describe('Direct Line switched off', () => {
  it('When DIRECTLINE_SECRET is not set, then the endpoints answer 404 saying how to turn them on', async () => {
    const off = await startServer();
    try {
      const r = await call(off.base, 'POST', '/v3/directline/conversations', { body: {} });
      expect(r.status).toBe(404);
      expect(r.body.error.message).toMatch(/DIRECTLINE_SECRET/);
    } finally {
      await off.stop();
    }
  });
});
