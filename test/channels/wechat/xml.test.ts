import { describe, expect, it } from 'vitest';
import { buildXml, parseXml } from '../../../src/channels/wechat/xml.js';

const text =
  '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[停息挂账 <怎么办> & 能减免吗]]></Content><MsgId>24000000000000001</MsgId></xml>';

describe('WeChat XML', () => {
  it('When a text push is parsed, then CDATA is unwrapped and MsgId keeps every digit', () => {
    expect(parseXml(text)).toEqual({
      ToUserName: 'toUser',
      FromUserName: 'fromUser',
      CreateTime: '1348831860',
      MsgType: 'text',
      Content: '停息挂账 <怎么办> & 能减免吗',
      MsgId: '24000000000000001',
    });
  });

  it('When the body has an XML declaration, then it is accepted', () => {
    expect(parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`).MsgId).toBe('24000000000000001');
  });

  it('When the body declares a DOCTYPE or an ENTITY, then it is rejected before parsing', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>';
    expect(() => parseXml(xxe)).toThrow(/DOCTYPE or ENTITY/);
    expect(() => parseXml('<!doctype xml><xml><A>1</A></xml>')).toThrow(/DOCTYPE or ENTITY/);
    expect(() => parseXml('<xml><!ENTITY a "b"><A>1</A></xml>')).toThrow(/DOCTYPE or ENTITY/);
    const bomb = `<!DOCTYPE lolz [<!ENTITY lol "lol">${'<!ENTITY lol1 "&lol;&lol;">'}]><xml><A>&lol1;</A></xml>`;
    expect(() => parseXml(bomb)).toThrow(expect.objectContaining({ code: 'bad_request:wechat-xml' }));
  });

  it('When the body is larger than the limit, then it is rejected as too large', () => {
    const big = `<xml><Content><![CDATA[${'中'.repeat(400)}]]></Content></xml>`;
    expect(() => parseXml(big, 1000)).toThrow(
      expect.objectContaining({ code: 'too_large:wechat-xml', status: 413 }),
    );
    expect(parseXml(big, 2000).Content).toBe('中'.repeat(400));
  });

  it('When the XML is malformed, then it is rejected naming the problem', () => {
    for (const bad of ['', 'hello', '<xml><A>1</xml>', '<xml><A>1</A>', '<xml><A>1</B></xml>', '{"a":1}']) {
      expect(() => parseXml(bad), bad).toThrow(expect.objectContaining({ code: 'bad_request:wechat-xml' }));
    }
    expect(() => parseXml('<xml><A>1</xml>')).toThrow(/malformed/);
  });

  it('When the root is not a single <xml> with fields, then it is rejected', () => {
    for (const bad of [
      '<root><A>1</A></root>',
      '<xml><A>1</A></xml><xml><A>2</A></xml>',
      '<xml>text</xml>',
      '<xml/>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow(/single <xml> root|Multiple possible root/);
    }
  });

  it('When a reply is built, then strings are CDATA, numbers plain, and "]]>" cannot break out', () => {
    const xml = buildXml({
      MsgType: 'text',
      CreateTime: 1700000000,
      Content: 'a]]><b>x</b>',
      TransInfo: { KfAccount: 'k@gh' },
    });
    expect(xml).toBe(
      '<xml><MsgType><![CDATA[text]]></MsgType><CreateTime>1700000000</CreateTime><Content><![CDATA[a]]]]><![CDATA[><b>x</b>]]></Content><TransInfo><KfAccount><![CDATA[k@gh]]></KfAccount></TransInfo></xml>',
    );
    expect(parseXml(xml)).toEqual({
      MsgType: 'text',
      CreateTime: '1700000000',
      Content: 'a]]><b>x</b>',
      TransInfo: { KfAccount: 'k@gh' },
    });
  });
});
