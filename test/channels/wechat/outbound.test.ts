import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../../src/channels/wechat/inbound.js';
import { SUCCESS_BODY, textReply, transferReply } from '../../../src/channels/wechat/outbound.js';
import { parseXml } from '../../../src/channels/wechat/xml.js';

const inbound = parseInbound(
  parseXml(
    '<xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[oUser456]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>24000000000000001</MsgId></xml>',
  ),
);

describe('WeChat passive replies', () => {
  it('When the bot answers with text, then the reply goes back to the sender with CreateTime in seconds', () => {
    const xml = textReply(inbound, '回复: <a href="https://www.pbc.gov.cn">官网</a> & 欢迎', 1700000001.9);
    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[oUser456]]></ToUserName><FromUserName><![CDATA[gh_123]]></FromUserName><CreateTime>1700000001</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[回复: <a href="https://www.pbc.gov.cn">官网</a> & 欢迎]]></Content></xml>',
    );
    expect(parseXml(xml).Content).toBe('回复: <a href="https://www.pbc.gov.cn">官网</a> & 欢迎');
  });

  it('When no time is given, then CreateTime is now in seconds, not milliseconds', () => {
    const created = Number(parseXml(textReply(inbound, 'x')).CreateTime);
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('When the conversation goes to WeChat customer service, then transfer_customer_service is sent, pinned to an agent if given', () => {
    expect(transferReply(inbound, 1399197672)).toBe(
      '<xml><ToUserName><![CDATA[oUser456]]></ToUserName><FromUserName><![CDATA[gh_123]]></FromUserName><CreateTime>1399197672</CreateTime><MsgType><![CDATA[transfer_customer_service]]></MsgType></xml>',
    );
    expect(parseXml(transferReply(inbound, 1399197672, 'test1@test'))).toMatchObject({
      MsgType: 'transfer_customer_service',
      TransInfo: { KfAccount: 'test1@test' },
    });
  });

  it('When the answer will come later, then the body is exactly "success"', () => {
    expect(SUCCESS_BODY).toBe('success');
  });
});
