import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/bot/replies/zh-CN.js';
import { sortedSha1 } from '../../src/channels/wechat/signature.js';
import { parseXml } from '../../src/channels/wechat/xml.js';
import { addAgent, agent } from '../helpers/agents.js';
import { type Activity, bearer, postText, startDirectLine } from '../helpers/directline.js';
import { fakeWechatApi } from '../helpers/fakeWechat.js';
import { call, type Running, startServer } from '../helpers/server.js';

const SECRET = 'a-direct-line-secret-of-32-characters-or-more';
const TOKEN = 'wechat-test-token';
/** A mobile number and a landline that the official directory does not list. */
const MOBILE = '13912345678';
const LANDLINE = '021-55501234';
let api: Awaited<ReturnType<typeof fakeWechatApi>>;
let s: Running;
let n = 0;
const welcome = zhCN.welcome;

beforeAll(async () => {
  // An edited welcome that gives out a number no directory entry vouches for.
  zhCN.welcome = `${welcome} 也可以加我的微信 ${MOBILE}。`;
  api = await fakeWechatApi();
  s = await startServer(
    {},
    {
      DIRECTLINE_SECRET: SECRET,
      WECHAT_TOKEN: TOKEN,
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'test-secret',
      WECHAT_API_BASE: api.base,
    },
  );
  await addAgent(s, 'wang');
});
afterAll(async () => {
  zhCN.welcome = welcome;
  await s.stop();
  api.close();
});

/** A WeChat push, signed as WeChat signs it; answers the passive reply's text. */
async function wechat(openId: string, fields: string): Promise<string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `screen-${++n}`;
  const q = new URLSearchParams({ timestamp, nonce, signature: sortedSha1([TOKEN, timestamp, nonce]) });
  const xml = `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${timestamp}</CreateTime>${fields}</xml>`;
  const res = await fetch(`${s.base}/wechat?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: xml,
  });
  const raw = await res.text();
  return raw === 'success' ? '' : String(parseXml(raw).Content ?? '');
}
const subscribe = (openId: string) =>
  wechat(openId, '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>');
const say = (openId: string, text: string) =>
  wechat(
    openId,
    `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${Date.now()}${++n}</MsgId>`,
  );

/** A customer on one channel: their case id, and everything that reached them so far, as text. */
type Customer = { caseId: string; seen(): Promise<string> };
/** A customer who has just opened a conversation: the welcome they read, and how they ask for a person. */
type Opened = Customer & { welcome: string; ask(): Promise<unknown> };

/** Waits until what the customer has seen includes `text`. */
async function seenIncludes(c: Customer, text: string): Promise<void> {
  for (let i = 0; i < 100 && !(await c.seen()).includes(text); i++)
    await new Promise((r) => setTimeout(r, 20));
}

async function webCustomer(channel: 'web' | 'app'): Promise<Opened> {
  const opened = await call(s.base, 'POST', '/api/v1/conversations', { body: { channel } });
  const { conversationId, token } = opened.body;
  const path = `/api/v1/conversations/${conversationId}`;
  return {
    welcome: opened.body.messages.map((m: { text: string }) => m.text).join('\n'),
    caseId: `${channel}:${conversationId}`,
    ask: () => call(s.base, 'POST', `${path}/handoff`, { token, body: {} }),
    seen: async () => JSON.stringify((await call(s.base, 'GET', `${path}/messages`, { token })).body),
  };
}

async function directLineCustomer(): Promise<Opened> {
  const c = await startDirectLine(s.base, SECRET);
  const activities = async () =>
    (
      await call(s.base, 'GET', `/v3/directline/conversations/${c.conversationId}/activities`, {
        headers: bearer(c.token),
      })
    ).body.activities as Activity[];
  return {
    welcome: (await activities()).map((a) => a.text ?? '').join('\n'),
    caseId: `directline:${c.conversationId}`,
    ask: () => postText(s.base, c, '我要找人工客服'),
    seen: async () => JSON.stringify(await activities()),
  };
}

describe('Every message that reaches the customer passes the personal-data and directory check', () => {
  it('When the welcome holds a number outside the directory, then it reaches the customer masked on web, the app API, Direct Line and WeChat', async () => {
    const shown = {
      web: (await webCustomer('web')).welcome,
      app: (await webCustomer('app')).welcome,
      directline: (await directLineCustomer()).welcome,
      wechat: await subscribe('o-welcome'),
    };
    for (const [channel, text] of Object.entries(shown)) {
      expect(text, channel).toContain('安心助手');
      expect(text, channel).not.toContain(MOBILE);
      expect(text, channel).toContain('139****5678');
    }
    expect(JSON.stringify(await s.app.stores.transcripts.list('main:o-welcome'))).not.toContain(MOBILE);
  });

  it('When an agent writes a number outside the directory, then the customer reads it masked on web, the app API, Direct Line and WeChat', async () => {
    const wang = await agent(s.base, 'wang');
    const words = `您好，我是客服小王。有事请加微信 ${MOBILE} 或拨打 ${LANDLINE}`;
    const web = await webCustomer('web');
    const app = await webCustomer('app');
    const dl = await directLineCustomer();
    await say('o-agent', '转人工');
    const followerSaw = () =>
      api.sent
        .filter((m) => m.body.touser === 'o-agent')
        .map((m) => m.body.text.content)
        .join('\n');
    const customers: Record<string, Customer> = {
      web,
      app,
      directline: dl,
      wechat: { caseId: 'wechat:main:o-agent', seen: async () => followerSaw() },
    };
    for (const c of [web, app, dl]) await c.ask();
    for (const [channel, c] of Object.entries(customers)) {
      const id = encodeURIComponent(c.caseId);
      expect((await wang('POST', `/conversations/${id}/claim`, {})).status, channel).toBe(200);
      expect((await wang('POST', `/conversations/${id}/messages`, { text: words })).status, channel).toBe(
        201,
      );
      await seenIncludes(c, '客服小王');
      const seen = await c.seen();
      expect(seen, channel).not.toContain(MOBILE);
      expect(seen, channel).not.toContain(LANDLINE);
      // The same masked form on every channel (WeChat's plain text no longer reads the stars as emphasis).
      expect(seen, channel).toMatch(/139\*{4}5678/);
      expect(seen, channel).toMatch(/拨打 \*+-\*+/);
    }
  });
});
