import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TokenRevocations } from '../../../src/coordination/tokenRevocations.js';
import { addAgent, agent } from '../../helpers/agents.js';
import {
  type Activity,
  bearer,
  openSocket,
  openStream,
  postText,
  type Started,
  startDirectLine,
} from '../../helpers/directline.js';
import { call, openConversation, type Running, startServer } from '../../helpers/server.js';
import { until } from '../../helpers/sse.js';

const SECRET = 'a-direct-line-secret-of-32-characters-or-more';
let s: Running;
beforeAll(async () => {
  s = await startServer({ directLineTickMs: 200 }, { DIRECTLINE_SECRET: SECRET });
});
afterAll(() => s.stop());

const dl = (path: string) => `/v3/directline${path}`;
const start = (locale?: string) => startDirectLine(s.base, SECRET, locale);
const post = (c: Started, text: string, clientActivityID?: string) =>
  postText(s.base, c, text, clientActivityID);

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
    // Without `to`: Web Chat hides suggested actions addressed to another user id than its own.
    expect(answer?.suggestedActions).not.toHaveProperty('to');
    const resent = await post(c, '停息挂账是真的吗', 'wc-1');
    expect(resent.body.id).toBe(sent.body.id);
    expect((await poll(c, watermark)).activities).toHaveLength(activities.length);
  });

  it('When a customer types a card number that fails Luhn, then the echo and the answer hold it only masked', async () => {
    const c = await start();
    const { watermark } = await poll(c);
    await post(c, '我的卡号6222021234567890129被盗刷了', 'wc-mask');
    const { activities } = await poll(c, watermark);
    const all = JSON.stringify(activities);
    expect(all).not.toContain('6222021234567890129');
    expect(activities[0]?.text).toBe('我的卡号6222************129被盗刷了');
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

  it('When Web Chat listens on the WebSocket, then it gets the welcome, typing, its echo and the answer once each; a bad token is refused', async () => {
    const c = await start();
    const stream = await openStream(c.streamUrl);
    await until(() => stream.activities().length > 0);
    const sent = await post(c, '征信能花钱修复吗', 'wc-ws');
    await until(() => stream.activities().some((a) => a.replyToId === sent.body.id));
    const all = stream.activities();
    expect(all.some((a) => a.type === 'typing')).toBe(true);
    expect(all.find((a) => a.id === sent.body.id)?.channelData?.clientActivityID).toBe('wc-ws');
    const ids = all.filter((a) => a.id).map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    stream.close();
    // Neither a forged ticket nor the conversation's own token (which must stay out of URLs) opens it.
    for (const t of ['forged', encodeURIComponent(c.token)]) {
      const bad = new WebSocket(c.streamUrl.replace(/t=[^&]+/, `t=${t}`));
      const status = await new Promise((r) =>
        bad.once('unexpected-response', (_req, res) => r(res.statusCode)),
      );
      expect(status).toBe(403);
    }
  });

  it('When the customer asks for a person and an agent replies in the console, then the reply arrives on the WebSocket and the bot stays quiet', async () => {
    const c = await start();
    const stream = await openStream(c.streamUrl);
    await post(c, '我要找人工客服');
    await addAgent(s, 'zhou');
    const zhou = await agent(s.base, 'zhou');
    const id = encodeURIComponent(`directline:${c.conversationId}`);
    expect((await zhou('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    await zhou('POST', `/conversations/${id}/messages`, { text: '您好，我是客服小周，请讲' });
    await until(() =>
      stream.activities().some((a) => a.from.id === 'anxin-agent' && /小周/.test(a.text ?? '')),
    );
    const quiet = await post(c, '我之前交过钱给中介');
    expect(quiet.status).toBe(200);
    const { activities } = await poll(c);
    expect(activities.at(-1)?.id).toBe(quiet.body.id);
    stream.close();
  });
});

describe('Direct Line streams and tokens under stress', () => {
  it('When a message is sent, then its echo reaches the WebSocket before the typing and the answer; an event is echoed too', async () => {
    const c = await start();
    const stream = await openStream(c.streamUrl);
    await until(() => stream.activities().length > 0);
    const sent = await post(c, '停息挂账是真的吗', 'wc-order');
    await until(() => stream.activities().some((a) => a.replyToId === sent.body.id));
    const all = stream.activities();
    const echo = all.findIndex((a) => a.id === sent.body.id);
    const typing = all.findIndex((a) => a.type === 'typing');
    expect(echo).toBeGreaterThan(-1);
    expect(echo).toBeLessThan(typing);
    expect(typing).toBeLessThan(all.findIndex((a) => a.replyToId === sent.body.id));
    const event = await call(s.base, 'POST', dl(`/conversations/${c.conversationId}/activities`), {
      headers: bearer(c.token),
      body: { type: 'event', name: 'webchat/join', channelData: { clientActivityID: 'wc-event' } },
    });
    await until(() => stream.activities().some((a) => a.channelData?.clientActivityID === 'wc-event'));
    expect(stream.activities().find((a) => a.channelData?.clientActivityID === 'wc-event')?.id).toBe(
      event.body.id,
    );
    stream.close();
  });

  it('When a client sends an oversized or broken frame, then only its socket closes and the server keeps serving', async () => {
    const c = await start();
    const { ws, closed } = await openSocket(c.streamUrl);
    ws.send('x'.repeat(5000));
    expect((await closed).code).toBe(1009);
    expect((await call(s.base, 'GET', '/healthz')).status).toBe(200);
    expect((await poll(c)).activities.length).toBeGreaterThan(0);
  });

  it('When a second stream opens for the conversation, then the older one is closed as a collision', async () => {
    const c = await start();
    const first = await openSocket(c.streamUrl);
    const second = await openStream(c.streamUrl);
    expect((await first.closed).reason).toBe('collision');
    second.close();
  });

  it('When the client reconnects with a watermark, then its new stream starts after it', async () => {
    const c = await start();
    const { watermark } = await poll(c);
    await post(c, '征信能花钱修复吗');
    const again = await call(s.base, 'GET', dl(`/conversations/${c.conversationId}?watermark=${watermark}`), {
      headers: bearer(c.token),
    });
    expect(again.body.streamUrl).toMatch(new RegExp(`watermark=${watermark}$`));
    const stream = await openStream(again.body.streamUrl);
    await until(() => stream.activities().length > 0);
    expect(stream.activities()[0]?.from.role).toBe('user');
    stream.close();
  });

  it("When a conversation's tokens are revoked, then refresh is refused and its open stream closes; tokens of the two APIs never cross", async () => {
    const c = await start();
    const { closed } = await openSocket(c.streamUrl);
    await new TokenRevocations(s.app.stores.storage).revoke(c.conversationId);
    expect((await closed).code).toBe(4403);
    const refresh = await call(s.base, 'POST', dl('/tokens/refresh'), { headers: bearer(c.token) });
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.code).toBe('token-revoked');
    const web = await openConversation(s.base);
    const crossed = await call(s.base, 'POST', dl('/tokens/refresh'), { headers: bearer(web.token) });
    expect(crossed.status).toBe(403);
    const fresh = await start();
    const intoWeb = await call(s.base, 'GET', `/api/v1/conversations/${fresh.conversationId}/messages`, {
      token: fresh.token,
    });
    expect(intoWeb.status).toBe(401);
  });
});

describe('Direct Line and an admin revoking tokens', () => {
  it('When an admin revokes the tokens, then the open stream closes at once, well before its next tick', async () => {
    const slow = await startServer({}, { DIRECTLINE_SECRET: SECRET }); // the default 20 s tick
    try {
      const c = await startDirectLine(slow.base, SECRET);
      await postText(slow.base, c, '我要找人工客服');
      const closed = (await openSocket(c.streamUrl)).closed.then((x) => x.code);
      await addAgent(slow, 'chief', 'admin');
      const chief = await agent(slow.base, 'chief');
      const id = encodeURIComponent(`directline:${c.conversationId}`);
      expect((await chief('POST', `/conversations/${id}/revoke-tokens`, {})).status).toBe(204);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise((r) => {
        timer = setTimeout(() => r('still open'), 3000);
      });
      expect(await Promise.race([closed, timeout])).toBe(4403);
      clearTimeout(timer);
    } finally {
      await slow.stop();
    }
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
