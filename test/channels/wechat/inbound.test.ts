import { describe, expect, it } from 'vitest';
import { WechatCipher } from '../../../src/channels/wechat/cipher.js';
import { dedupeKey, parseInbound, type WechatInbound } from '../../../src/channels/wechat/inbound.js';
import { parseXml } from '../../../src/channels/wechat/xml.js';
import { vectorA } from './vectors.js';

const head = (from: string, time: string, type: string) =>
  `<ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${time}</CreateTime><MsgType><![CDATA[${type}]]></MsgType>`;
const msg = (type: string, body: string, msgId = '1234567890123456') =>
  parseInbound(parseXml(`<xml>${head('fromUser', '1348831860', type)}${body}<MsgId>${msgId}</MsgId></xml>`));
const event = (name: string, body = '') =>
  parseInbound(
    parseXml(`<xml>${head('FromUser', '123456789', 'event')}<Event><![CDATA[${name}]]></Event>${body}</xml>`),
  );

describe('WeChat inbound messages', () => {
  it('When a text message arrives (official sample), then it is a text with its Content', () => {
    expect(msg('text', '<Content><![CDATA[this is a test]]></Content>')).toEqual({
      kind: 'text',
      MsgType: 'text',
      ToUserName: 'toUser',
      FromUserName: 'fromUser',
      CreateTime: 1348831860,
      MsgId: '1234567890123456',
      Content: 'this is a test',
    });
  });

  it('When the MsgId is beyond 2^53, then it keeps every digit as a string', () => {
    expect(msg('text', '<Content>x</Content>', '24000000000000001').MsgId).toBe('24000000000000001');
    const decrypted = new WechatCipher(vectorA.encodingAesKey, vectorA.appId).decrypt(vectorA.encrypt).xml;
    expect(parseInbound(parseXml(decrypted))).toMatchObject({
      kind: 'text',
      Content: 'abcdteT',
      MsgId: '6054768590064713728',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
    });
  });

  it('When a voice message has speech recognition, then Recognition is its text; without it, undefined', () => {
    const withText = msg(
      'voice',
      '<MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[Format]]></Format><Recognition><![CDATA[腾讯微信团队]]></Recognition>',
    );
    expect(withText).toMatchObject({ kind: 'voice', Recognition: '腾讯微信团队', MediaId: 'media_id' });
    const without = msg(
      'voice',
      '<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[]]></Recognition>',
    );
    expect(without.kind === 'voice' && without.Recognition).toBeUndefined();
  });

  it('When an image, video, short video, location or link arrives, then each is told apart', () => {
    expect(
      msg('image', '<PicUrl><![CDATA[this is a url]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId>'),
    ).toMatchObject({ kind: 'image', PicUrl: 'this is a url', MediaId: 'media_id' });
    expect(
      msg('video', '<MediaId><![CDATA[m]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId>'),
    ).toMatchObject({
      kind: 'video',
      MsgType: 'video',
      ThumbMediaId: 't',
    });
    expect(msg('shortvideo', '<MediaId><![CDATA[m]]></MediaId>')).toMatchObject({
      kind: 'video',
      MsgType: 'shortvideo',
    });
    expect(
      msg(
        'location',
        '<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[位置信息]]></Label>',
      ),
    ).toMatchObject({
      kind: 'location',
      Location_X: '23.134521',
      Location_Y: '113.358803',
      Label: '位置信息',
    });
    expect(
      msg(
        'link',
        '<Title><![CDATA[公众平台官网链接]]></Title><Description><![CDATA[描述]]></Description><Url><![CDATA[https://mp.weixin.qq.com]]></Url>',
      ),
    ).toMatchObject({ kind: 'link', Title: '公众平台官网链接', Url: 'https://mp.weixin.qq.com' });
  });

  it('When someone follows or unfollows (official samples), then subscribe and unsubscribe have no MsgId', () => {
    const follow = event('subscribe');
    expect(follow).toMatchObject({ kind: 'subscribe', FromUserName: 'FromUser', CreateTime: 123456789 });
    expect(follow.MsgId).toBeUndefined();
    expect(event('subscribe', '<EventKey><![CDATA[qrscene_123]]></EventKey>')).toMatchObject({
      EventKey: 'qrscene_123',
    });
    expect(event('unsubscribe').kind).toBe('unsubscribe');
  });

  it('When a menu is clicked (official sample), then the click carries its EventKey', () => {
    expect(event('CLICK', '<EventKey><![CDATA[EVENTKEY]]></EventKey>')).toMatchObject({
      kind: 'click',
      EventKey: 'EVENTKEY',
    });
  });

  it('When WeChat customer service opens, closes or switches a session, then the agent accounts come through', () => {
    expect(event('kf_create_session', '<KfAccount><![CDATA[test1@test]]></KfAccount>')).toMatchObject({
      kind: 'kf_create_session',
      KfAccount: 'test1@test',
    });
    expect(event('kf_close_session', '<KfAccount><![CDATA[test1@test]]></KfAccount>')).toMatchObject({
      kind: 'kf_close_session',
      KfAccount: 'test1@test',
    });
    expect(
      event(
        'kf_switch_session',
        '<FromKfAccount><![CDATA[test1@test]]></FromKfAccount><ToKfAccount><![CDATA[test2@test]]></ToKfAccount>',
      ),
    ).toMatchObject({ kind: 'kf_switch_session', FromKfAccount: 'test1@test', ToKfAccount: 'test2@test' });
  });

  it('When the message type or event is unknown, then it is "other" and keeps its names', () => {
    expect(msg('music', '<Title>x</Title>')).toMatchObject({
      kind: 'other',
      MsgType: 'music',
      MsgId: '1234567890123456',
    });
    expect(event('VIEW', '<EventKey><![CDATA[https://x]]></EventKey>')).toMatchObject({
      kind: 'other',
      Event: 'VIEW',
    });
    expect(event('LOCATION').kind).toBe('other');
  });

  it('When a required field is missing or malformed, then the error names the field', () => {
    expect(() => msg('text', '')).toThrow(
      expect.objectContaining({ field: 'Content', code: 'bad_request:wechat-message' }),
    );
    expect(() => event('CLICK')).toThrow(/field EventKey/);
    expect(() => msg('text', '<Content>x</Content>', '12ab')).toThrow(/field MsgId/);
    expect(() => parseInbound({ MsgType: 'text', Content: 'x', MsgId: '1', CreateTime: '1' })).toThrow(
      /field ToUserName/,
    );
    expect(() => parseInbound(parseXml('<xml><Content>x</Content></xml>'))).toThrow(/field MsgType/);
  });

  it('When WeChat retries, then messages dedupe by MsgId and events by sender and time', () => {
    const text: WechatInbound = msg('text', '<Content>x</Content>', '24000000000000001');
    expect(dedupeKey(text)).toBe('24000000000000001');
    expect(dedupeKey(event('subscribe'))).toBe('FromUser:123456789');
    expect(dedupeKey(event('CLICK', '<EventKey>K</EventKey>'))).toBe('FromUser:123456789');
  });
});
