import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatCipher } from '../../../src/channels/wechat/cipher.js';
import { msgSignature, sortedSha1 } from '../../../src/channels/wechat/signature.js';
import { parseXml } from '../../../src/channels/wechat/xml.js';
import { loadConfig } from '../../../src/config.js';
import { addAgent, agent } from '../../helpers/agents.js';
import { fakeWechatApi } from '../../helpers/fakeWechat.js';
import { type Running, startServer } from '../../helpers/server.js';
import { postWechat } from '../../helpers/wechatPost.js';

const TOKEN = 'wechat-test-token';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP = 'wx-test-app';
const cipher = new WechatCipher(KEY, APP);
let api: Awaited<ReturnType<typeof fakeWechatApi>>;
let s: Running;
let slow: Running;
let aes: Running;
let n = 0;

/** Plaintext mode (no AES key), with the customer-service API. */
const env = (): Record<string, string> => ({
  WECHAT_TOKEN: TOKEN,
  WECHAT_APP_ID: APP,
  WECHAT_APP_SECRET: 'test-secret',
  WECHAT_API_BASE: api.base,
});
/** Security mode. */
const envAes = () => ({
  WECHAT_TOKEN: TOKEN,
  WECHAT_APP_ID: APP,
  WECHAT_ENCODING_AES_KEY: KEY,
  WECHAT_APP_SECRET: 'test-secret',
  WECHAT_API_BASE: api.base,
});
beforeAll(async () => {
  api = await fakeWechatApi();
  s = await startServer({}, env());
  slow = await startServer({ wechatWindowMs: 0 }, env());
  aes = await startServer({}, envAes());
});
afterAll(async () => {
  await s.stop();
  await slow.stop();
  await aes.stop();
  api.close();
});

function signed(
  extra: Record<string, string> = {},
  timestamp = String(Math.floor(Date.now() / 1000)),
): Record<string, string> & { timestamp: string; nonce: string } {
  const nonce = String(++n);
  return { timestamp, nonce, signature: sortedSha1([TOKEN, timestamp, nonce]), ...extra };
}
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();
const inbound = (openId: string, fields: string) =>
  `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>${fields}</xml>`;
const text = (openId: string, content: string, msgId = `240000000${String(++n).padStart(8, '0')}`) =>
  inbound(
    openId,
    `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId>`,
  );

const post = (base: string, body: string, q = signed()) => postWechat(base, qs(q), body);

/** Security mode: the message encrypted, the reply decrypted. */
async function postEncrypted(body: string) {
  const encrypt = cipher.encrypt(body);
  const q = signed();
  const res = await post(
    aes.base,
    `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    {
      ...q,
      encrypt_type: 'aes',
      msg_signature: msgSignature(TOKEN, q.timestamp, q.nonce, encrypt),
    },
  );
  const envelope = parseXml(res.raw);
  const reply = cipher.decrypt(String(envelope.Encrypt));
  return { status: res.status, envelope, reply: parseXml(reply.xml) };
}

describe('WeChat Official Account channel', () => {
  it('When WeChat verifies the URL, then echostr comes back; with a wrong signature or an old timestamp, 401', async () => {
    const ok = await fetch(`${s.base}/wechat?${qs(signed({ echostr: 'hello123' }))}`);
    expect(await ok.text()).toBe('hello123');
    expect(
      (await fetch(`${s.base}/wechat?${qs({ ...signed({ echostr: 'x' }), signature: 'bad' })}`)).status,
    ).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await fetch(`${s.base}/wechat?${qs(signed({ echostr: 'x' }, old))}`)).status).toBe(401);
  });

  it('When a follower asks a question in plaintext mode, then the reply is WeChat text with a citation and numbered options, within 2000 bytes', async () => {
    const r = await post(s.base, text('o-plain', '停息挂账靠谱吗'));
    expect(r.status).toBe(200);
    expect(parseXml(r.raw)).toMatchObject({
      ToUserName: 'o-plain',
      FromUserName: 'gh_test',
      MsgType: 'text',
    });
    expect(r.content).toMatch(/依据/);
    expect(r.content).toMatch(/回复数字：\n1\. /);
    expect(Buffer.byteLength(r.content ?? '')).toBeLessThanOrEqual(2000);
    const next = await post(s.base, text('o-plain', '1'));
    expect(next.content).toMatch(/依据/);
    expect(next.content).not.toBe(r.content);
  });

  it('When a follower types a mistyped ID number, then the stored transcript and the reply hold it only masked', async () => {
    // 18 digits whose check digit is wrong: masked all the same.
    const r = await post(s.base, text('o-mask', '我身份证号110105194912310021，网贷还不上了怎么办'));
    expect(r.status).toBe(200);
    expect(r.content).not.toContain('110105194912310021');
    const stored = JSON.stringify(await s.app.stores.transcripts.list('main:o-mask'));
    expect(stored).not.toContain('110105194912310021');
    expect(stored).toContain('110*************21');
  });

  it('When a follower writes in security mode, then the message is decrypted and the reply encrypted and signed', async () => {
    const { envelope, reply } = await postEncrypted(text('o-aes', '信用卡还不上了怎么办'));
    expect(envelope.MsgSignature).toBe(
      msgSignature(TOKEN, String(envelope.TimeStamp), String(envelope.Nonce), String(envelope.Encrypt)),
    );
    expect(reply).toMatchObject({ ToUserName: 'o-aes', MsgType: 'text' });
    expect(String(reply.Content)).toMatch(/依据/);
  });

  it('When a plaintext signature comes back with another message, then it is refused (401); with the same message it is a retry and answered', async () => {
    const q = signed();
    const first = text('o-replay', '停息挂账靠谱吗');
    const answered = await post(s.base, first, q);
    expect(answered.status).toBe(200);
    const retry = await post(s.base, first, q);
    expect(retry.status).toBe(200);
    expect(retry.content).toBe(answered.content);
    const forged = await post(s.base, text('o-someone-else', '帮我转人工'), q);
    expect(forged.status).toBe(401);
    expect(forged.raw).toMatch(/another message/);
    expect(await s.app.stores.transcripts.list('main:o-someone-else')).toEqual([]);
  });

  it('When WeChat retries a message three times at once, then the turn runs once and every retry gets the same reply', async () => {
    const body = text('o-retry', '征信报告上的信息不对，找谁改', '24000000000000777');
    const replies = await Promise.all([0, 1, 2].map(() => post(s.base, body)));
    expect(new Set(replies.map((r) => r.content)).size).toBe(1);
    const transcript = await s.app.stores.transcripts.list('main:o-retry');
    expect(transcript.filter((m) => m.role === 'customer')).toHaveLength(1);
  });

  it('When a turn cannot finish within the window, then WeChat gets success and the reply goes through the customer-service API, once', async () => {
    const before = api.sent.length;
    const body = text('o-slow', '12378是什么', '24000000000000888');
    expect((await post(slow.base, body)).raw).toBe('success');
    for (let i = 0; i < 50 && api.sent.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(api.sent.at(-1)?.body).toMatchObject({ touser: 'o-slow', msgtype: 'text' });
    expect((await post(slow.base, body)).raw).toBe('success');
    await new Promise((r) => setTimeout(r, 100));
    expect(api.sent.filter((m) => m.body.touser === 'o-slow')).toHaveLength(1);
  });

  it('When other message types and events arrive, then each gets the right kind of answer', async () => {
    const ev = (event: string, extra = '') =>
      inbound('o-types', `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>${extra}`);
    expect((await post(s.base, ev('subscribe'))).content).toMatch(/安心助手[\s\S]*回复数字：/);
    expect((await post(s.base, ev('unsubscribe'))).raw).toBe('success');
    expect(
      (await post(s.base, ev('CLICK', '<EventKey><![CDATA[topic:repayment-hardship]]></EventKey>'))).content,
    ).toMatch(/依据/);
    const image = inbound(
      'o-types',
      `<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[u]]></PicUrl><MediaId><![CDATA[m]]></MediaId><MsgId>${++n}</MsgId>`,
    );
    expect((await post(s.base, image)).content?.length).toBeGreaterThan(5);
    const voice = (rec: string) =>
      inbound(
        'o-types',
        `<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format>${rec}<MsgId>${++n}</MsgId>`,
      );
    expect(
      (await post(s.base, voice('<Recognition><![CDATA[停息挂账靠谱吗]]></Recognition>'))).content,
    ).toMatch(/依据/);
    expect((await post(s.base, voice(''))).content).not.toMatch(/依据/);
  });

  it('When the request is hostile or malformed, then it is refused before the bot', async () => {
    expect(
      (
        await post(
          s.base,
          '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>',
        )
      ).status,
    ).toBe(400);
    expect(
      (await post(s.base, `<xml><Content><![CDATA[${'长'.repeat(30_000)}]]></Content></xml>`)).status,
    ).toBe(413);
    expect((await post(s.base, '<xml><unclosed>')).status).toBe(400);
    expect((await post(s.base, text('o-x', 'hi'), { ...signed(), signature: 'forged' })).status).toBe(401);
    const other = new WechatCipher(KEY, 'wx-another-app').encrypt(text('o-x', 'hi'));
    const q = signed();
    const wrongApp = await post(aes.base, `<xml><Encrypt><![CDATA[${other}]]></Encrypt></xml>`, {
      ...q,
      encrypt_type: 'aes',
      msg_signature: msgSignature(TOKEN, q.timestamp, q.nonce, other),
    });
    expect(wrongApp.status).toBe(400);
    const tampered = cipher.encrypt(text('o-x', 'hi'));
    const q2 = signed();
    const badSig = await post(aes.base, `<xml><Encrypt><![CDATA[${tampered}]]></Encrypt></xml>`, {
      ...q2,
      encrypt_type: 'aes',
      msg_signature: 'x',
    });
    expect(badSig.status).toBe(401);
    const plainToSecure = await post(aes.base, text('o-x', 'hi'));
    expect(plainToSecure.status).toBe(400);
    expect(plainToSecure.raw).toMatch(/expects encrypted/);
  });

  it('When a follower asks for a person and an agent replies in the console, then the notices and the reply reach them through the customer-service API', async () => {
    await post(s.base, text('o-handoff', '转人工'));
    expect((await s.app.stores.handoffs.entry('wechat', 'main:o-handoff'))?.state).toBe('queued');
    await addAgent(s, 'wang');
    const wang = await agent(s.base, 'wang');
    const id = encodeURIComponent('wechat:main:o-handoff');
    expect((await wang('POST', `/conversations/${id}/claim`, {})).status).toBe(200);
    await wang('POST', `/conversations/${id}/messages`, { text: '您好，我是客服小王' });
    const toFollower = api.sent.filter((m) => m.body.touser === 'o-handoff').map((m) => m.body.text.content);
    expect(toFollower.some((t) => /已接入/.test(t))).toBe(true);
    expect(toFollower).toContain('您好，我是客服小王');
    const after = await post(s.base, text('o-handoff', '好的谢谢'));
    expect(after.content ?? after.raw).toBe('success');
  });

  it("When the bank uses WeChat's own customer service, then a handoff is a transfer_customer_service reply and kf session events move the queue", async () => {
    const kf = await startServer({}, { ...env(), WECHAT_HANDOFF: 'wechat-kf' });
    try {
      const r = await post(kf.base, text('o-kf', '转人工'));
      expect(parseXml(r.raw).MsgType).toBe('transfer_customer_service');
      expect(api.sent.some((m) => m.body.touser === 'o-kf' && /人工客服/.test(m.body.text.content))).toBe(
        true,
      );
      const ev = (event: string) =>
        inbound(
          'o-kf',
          `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event><KfAccount><![CDATA[kf2001@gh_test]]></KfAccount>`,
        );
      expect((await post(kf.base, ev('kf_create_session'))).raw).toBe('success');
      expect(await kf.app.stores.handoffs.entry('wechat', 'main:o-kf')).toMatchObject({
        state: 'accepted',
        agent: 'kf2001@gh_test',
      });
      await post(kf.base, ev('kf_close_session'));
      expect((await kf.app.stores.handoffs.entry('wechat', 'main:o-kf'))?.state).toBe('completed');
    } finally {
      await kf.stop();
    }
  });

  it('When a second brand has its own account, then it answers at /wechat/<name> with its own token only', async () => {
    const brand = { name: 'brand2', token: 'brand2-token' };
    const two = await startServer({}, { ...env(), WECHAT_ACCOUNTS: JSON.stringify([brand]) });
    try {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const q = { timestamp, nonce: '7', signature: sortedSha1([brand.token, timestamp, '7']) };
      const r = await post(`${two.base}`, text('o-b2', '停息挂账靠谱吗'), q).catch(() => undefined);
      expect(r?.status).toBe(401);
      const res = await fetch(`${two.base}/wechat/brand2?${qs(q)}`, {
        method: 'POST',
        body: text('o-b2', '停息挂账靠谱吗'),
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/依据/);
      expect(await two.app.stores.transcripts.list('brand2:o-b2')).not.toHaveLength(0);
      expect(() =>
        loadConfig({ WECHAT_TOKEN: 't', WECHAT_ACCOUNTS: '[{"name":"main","token":"xyz"}]' }),
      ).toThrow(/used twice/);
    } finally {
      await two.stop();
    }
  });
});
