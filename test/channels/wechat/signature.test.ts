import { describe, expect, it } from 'vitest';
import {
  checkMsgSignature,
  checkSignature,
  isFresh,
  msgSignature,
} from '../../../src/channels/wechat/signature.js';
import { vectorA, vectorB, vectorC, vectorD } from './vectors.js';

describe('WeChat signatures', () => {
  it('When WeChat verifies the URL with the official samples, then the signatures match', () => {
    expect(checkSignature('spamtest', '1409735669', '1320562132', vectorA.signature)).toBe(true);
    expect(checkSignature('789', '456', '123', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441')).toBe(true);
  });

  it('When the signature is upper-case hex, then it still matches', () => {
    expect(checkSignature('789', '456', '123', 'F7C3BC1D808E04732ADF679965CCC34CA7AE3441')).toBe(true);
  });

  it('When any part differs or the signature is malformed, then the request is refused', () => {
    expect(checkSignature('790', '456', '123', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441')).toBe(false);
    expect(checkSignature('789', '456', '124', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441')).toBe(false);
    expect(checkSignature('789', '456', '123', 'f7c3bc1d')).toBe(false);
    expect(checkSignature('789', '456', '123', '')).toBe(false);
    expect(checkSignature('789', '456', '123', '中'.repeat(40))).toBe(false);
  });

  it('When msg_signature is computed for the known-answer vectors, then it matches each of them', () => {
    const { token, timestamp, nonce, encrypt } = vectorA;
    expect(msgSignature(token, timestamp, nonce, encrypt)).toBe(vectorA.msgSignature);
    expect(msgSignature(vectorB.token, vectorB.timestamp, vectorB.nonce, vectorB.encrypt)).toBe(
      vectorB.msgSignature,
    );
    expect(msgSignature(vectorC.token, vectorC.timestamp, vectorC.nonce, vectorC.decryptEncrypt)).toBe(
      vectorC.decryptSignature,
    );
    expect(msgSignature(vectorD.token, vectorD.timestamp, vectorD.nonce, vectorD.echostr)).toBe(
      vectorD.msgSignature,
    );
    expect(msgSignature('RMNlACHlV5ThzfRlVS4D4', 'timestamp', 'nonce', 'encrypt')).toBe(
      '8edac0945683c119ee71c9f6256d76c48aa08a96',
    );
  });

  it('When the Encrypt text was tampered with, then msg_signature no longer matches', () => {
    const { token, timestamp, nonce, encrypt } = vectorA;
    expect(checkMsgSignature(token, timestamp, nonce, encrypt, vectorA.msgSignature)).toBe(true);
    const tampered = `A${encrypt.slice(1)}`;
    expect(checkMsgSignature(token, timestamp, nonce, tampered, vectorA.msgSignature)).toBe(false);
  });

  it('When the timestamp is within five minutes either way, then it is fresh; otherwise not', () => {
    expect(isFresh('1700000000', 1700000000)).toBe(true);
    expect(isFresh('1700000000', 1700000300)).toBe(true);
    expect(isFresh('1700000300', 1700000000)).toBe(true);
    expect(isFresh('1700000000', 1700000301)).toBe(false);
    expect(isFresh(1700000000, 1699999000)).toBe(false);
    expect(isFresh('1700000000', 1700000100, 60)).toBe(false);
  });

  it('When the timestamp is not a plain number of seconds, then it is not fresh', () => {
    for (const bad of ['', 'abc', '-1', '1.5', '1e9', ' 1700000000', '1700000000000000']) {
      expect(isFresh(bad, 1700000000), bad).toBe(false);
    }
  });
});
