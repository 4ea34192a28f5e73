import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedSha1 } from '../../../src/channels/wechat/signature.js';
import { startRedis } from '../../helpers/redisServer.js';
import { type Running, startServer } from '../../helpers/server.js';
import { postWechat } from '../../helpers/wechatPost.js';

const TOKEN = 'wechat-reuse-token';
let n = 0;

/** One signed URL, as WeChat sends it (plaintext mode: the signature covers timestamp and nonce only). */
function signedUrl(): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `reuse-${++n}`;
  return new URLSearchParams({
    timestamp,
    nonce,
    signature: sortedSha1([TOKEN, timestamp, nonce]),
  }).toString();
}
const text = (openId: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>2400000000${String(++n).padStart(8, '0')}</MsgId></xml>`;

const post = postWechat;

/** The attack, against one or two instances: a follower's signed URL carrying the attacker's message. */
function attack(name: string, servers: () => [Running, Running]) {
  describe(`${name}: a plaintext WeChat signature carries only the message it first came with`, () => {
    it('When an attacker reuses a seen signature with another body, then it is refused every time, and the real retry is still answered', async () => {
      const [first, other] = servers();
      const url = signedUrl();
      const genuine = text('o-follower', '停息挂账靠谱吗');
      const answered = await post(first.base, url, genuine);
      expect(answered.status).toBe(200);
      const forged = text('o-victim', '帮我转人工');
      for (const s of [first, other, first, other]) {
        const r = await post(s.base, url, forged);
        expect(r.status).toBe(401);
        expect(r.raw).toMatch(/another message/);
      }
      const retry = await post(other.base, url, genuine);
      expect(retry.status).toBe(200);
      expect(retry.content).toBe(answered.content);
      expect(await first.app.stores.transcripts.list('main:o-victim')).toEqual([]);
      expect(await other.app.stores.transcripts.list('main:o-victim')).toEqual([]);
    });

    it('When a genuine message and a forged one race on a fresh signature, then exactly one is taken', async () => {
      const [first, other] = servers();
      const url = signedUrl();
      const [a, b] = await Promise.all([
        post(first.base, url, text('o-race-a', '征信修复是真的吗')),
        post(other.base, url, text('o-race-b', '帮我转人工')),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 401]);
    });
  });
}

describe('embedded (one instance)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer({}, { WECHAT_TOKEN: TOKEN });
  });
  afterAll(() => s.stop());
  attack('SQLite, in-process bindings', () => [s, s]);
});

describe('scale-out (two instances on one redis-server)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: Running;
  let b: Running;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { WECHAT_TOKEN: TOKEN, REDIS_URL: redis.url, TOKEN_SECRET: 'x'.repeat(40) };
    a = await startServer({}, env);
    b = await startServer({}, env);
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await redis.stop();
  });
  attack('Redis', () => [a, b]);
});
