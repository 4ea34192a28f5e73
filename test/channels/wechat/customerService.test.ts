import { afterEach, describe, expect, it } from 'vitest';
import { WechatCustomerService } from '../../../src/channels/wechat/customerService.js';
import { fakeWechatApi } from '../../helpers/fakeWechat.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('WeChat customer-service API client', () => {
  it('When several messages are sent, then one access token serves them all until it nears expiry', async () => {
    const api = await fakeWechatApi();
    close = api.close;
    let now = 0;
    const cs = new WechatCustomerService(
      { apiBase: api.base, appId: 'wx-test-app', appSecret: 'test-secret' },
      () => now,
    );
    await Promise.all([cs.sendText('o1', '你好'), cs.sendText('o2', '您好')]);
    expect(api.tokens()).toBe(1);
    now += 7200_000 - 299_000;
    await cs.sendText('o1', '再见');
    expect(api.tokens()).toBe(2);
    expect(api.sent.map((m) => m.body.text.content)).toEqual(
      expect.arrayContaining(['你好', '您好', '再见']),
    );
  });

  it('When WeChat says the token is no longer valid, then a fresh one is fetched and the message goes once', async () => {
    const api = await fakeWechatApi({ staleFirstToken: true });
    close = api.close;
    const cs = new WechatCustomerService({
      apiBase: api.base,
      appId: 'wx-test-app',
      appSecret: 'test-secret',
    });
    await cs.sendText('o1', '你好');
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]?.token).toBe('token-2');
  });

  it('When the app secret is wrong, then the error names what WeChat said', async () => {
    const api = await fakeWechatApi();
    close = api.close;
    const cs = new WechatCustomerService({ apiBase: api.base, appId: 'wx-test-app', appSecret: 'wrong' });
    await expect(cs.sendText('o1', 'x')).rejects.toThrow(/40013 invalid appid/);
  });
});
