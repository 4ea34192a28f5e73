import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WechatCipher } from '../../../src/channels/wechat/cipher.js';
import { checkMsgSignature } from '../../../src/channels/wechat/signature.js';
import { parseXml } from '../../../src/channels/wechat/xml.js';
import { vectorA, vectorB, vectorC, vectorD } from './vectors.js';

/** Encrypts raw bytes with a WeChat key and no padding of its own, to forge malformed plaintexts. */
function rawEncrypt(encodingAesKey: string, plain: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function flipByte(encrypt: string, index: number): string {
  const data = Buffer.from(encrypt, 'base64');
  data[index] = (data[index] ?? 0) ^ 0x01;
  return data.toString('base64');
}

describe('WeChat security-mode cipher', () => {
  it('When the official Official-Account sample is decrypted (vector A), then the message and app id match', () => {
    const cipher = new WechatCipher(vectorA.encodingAesKey, vectorA.appId);
    expect(cipher.decrypt(vectorA.encrypt)).toEqual({ xml: vectorA.xml, appId: vectorA.appId });
  });

  it('When the Java sample is encrypted with its fixed random (vector B), then the ciphertext is exact', () => {
    const cipher = new WechatCipher(vectorB.encodingAesKey, vectorB.appId);
    expect(cipher.encrypt(vectorB.msg, vectorB.random)).toBe(vectorB.encrypt);
    expect(cipher.decrypt(vectorB.encrypt).xml).toBe(vectorB.msg);
  });

  it('When the wechatpy message is decrypted (vector C), then its fields come out', () => {
    const cipher = new WechatCipher(vectorC.encodingAesKey, vectorC.appId);
    const fields = parseXml(cipher.decrypt(vectorC.decryptEncrypt).xml);
    expect(fields).toMatchObject({ FromUserName: 'messense', Content: 'test', MsgId: '4363689963896700987' });
  });

  it('When the wechatpy reply is encrypted (vector C), then the envelope carries the expected Encrypt and MsgSignature', () => {
    const cipher = new WechatCipher(vectorC.encodingAesKey, vectorC.appId);
    const envelope = cipher.encryptedReply(
      vectorC.reply,
      vectorC.token,
      vectorC.timestamp,
      vectorC.nonce,
      vectorC.random,
    );
    expect(parseXml(envelope)).toEqual(parseXml(vectorC.envelope));
    expect(envelope).toBe(vectorC.envelope.replaceAll('\n', ''));
  });

  it('When the WeCom VerifyURL echostr is decrypted (vector D), then the plain echo comes out', () => {
    const cipher = new WechatCipher(vectorD.encodingAesKey, vectorD.appId);
    expect(cipher.decrypt(vectorD.echostr)).toEqual({ xml: vectorD.plain, appId: vectorD.appId });
  });

  it('When a reply with Chinese text is encrypted, then it decrypts back and its signature verifies', () => {
    const cipher = new WechatCipher(vectorA.encodingAesKey, vectorA.appId);
    const xml = '<xml><Content><![CDATA[停息挂账靠谱吗？不靠谱。]]></Content></xml>';
    const envelope = parseXml(cipher.encryptedReply(xml, 'tok', '1700000000', 'n1'));
    const encrypt = String(envelope.Encrypt);
    expect(checkMsgSignature('tok', '1700000000', 'n1', encrypt, String(envelope.MsgSignature))).toBe(true);
    expect(cipher.decrypt(encrypt).xml).toBe(xml);
    expect(cipher.encrypt(xml)).not.toBe(cipher.encrypt(xml));
  });

  it('When the message is for another app id, then decrypting fails naming both app ids', () => {
    const cipher = new WechatCipher(vectorA.encodingAesKey, 'wx0000000000000000');
    expect(() => cipher.decrypt(vectorA.encrypt)).toThrow(
      /app id "wx2c2769f8efd9abc2" is not the configured app id "wx0000000000000000"/,
    );
  });

  it('When the padding is malformed, then decrypting fails with "bad padding"', () => {
    const body = Buffer.concat([
      Buffer.alloc(16, 1),
      Buffer.from([0, 0, 0, 3]),
      Buffer.from('abc'),
      Buffer.from('wx'),
    ]);
    const cipher = new WechatCipher(vectorA.encodingAesKey, 'wx');
    for (const padByte of [0, 33, 7]) {
      const plain = Buffer.concat([body, Buffer.alloc(64 - body.length - 1, 2), Buffer.from([padByte])]);
      expect(() => cipher.decrypt(rawEncrypt(vectorA.encodingAesKey, plain)), String(padByte)).toThrow(
        /bad padding/,
      );
    }
  });

  it('When the declared length runs past the plaintext, then decrypting fails', () => {
    const body = Buffer.concat([Buffer.alloc(16, 1), Buffer.from([0, 0, 1, 0]), Buffer.from('abc')]);
    const plain = Buffer.concat([body, Buffer.alloc(32 - body.length, 32 - body.length)]);
    const cipher = new WechatCipher(vectorA.encodingAesKey, 'wx');
    expect(() => cipher.decrypt(rawEncrypt(vectorA.encodingAesKey, plain))).toThrow(/length/);
  });

  it('When the ciphertext was tampered with, then decrypting fails instead of returning garbage', () => {
    const cipher = new WechatCipher(vectorA.encodingAesKey, vectorA.appId);
    const size = Buffer.from(vectorA.encrypt, 'base64').length;
    // In CBC a flipped bit in one block flips the same bit of the next block's plaintext.
    expect(() => cipher.decrypt(flipByte(vectorA.encrypt, size - 17))).toThrow(/bad padding/);
    expect(() => cipher.decrypt(flipByte(vectorA.encrypt, size - 19))).toThrow(/app id/);
    expect(() => cipher.decrypt(flipByte(vectorA.encrypt, size - 1))).toThrow(/rejected/);
  });

  it('When Encrypt is not base64 or not whole blocks, then decrypting fails', () => {
    const cipher = new WechatCipher(vectorA.encodingAesKey, vectorA.appId);
    expect(() => cipher.decrypt('not base64!')).toThrow(/not base64/);
    expect(() => cipher.decrypt('')).toThrow(/not base64/);
    expect(() => cipher.decrypt(Buffer.alloc(20).toString('base64'))).toThrow(/multiple of 16/);
  });

  it('When the EncodingAESKey is not 43 letters and digits, then the cipher is not built', () => {
    expect(() => new WechatCipher('short', 'wx1')).toThrow(/43 letters and digits/);
    expect(() => new WechatCipher(`${'a'.repeat(42)}=`, 'wx1')).toThrow(/43 letters and digits/);
    expect(() => new WechatCipher(vectorA.encodingAesKey, '')).toThrow(/WECHAT_APP_ID/);
  });
});
