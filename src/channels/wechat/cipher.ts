import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import { msgSignature } from './signature.js';
import { buildXml } from './xml.js';

/** WeChat pads to 32-byte blocks (PKCS#7 style), not AES's 16. */
const BLOCK = 32;

function fail(problem: string): never {
  throw new AppError('bad_request:wechat-cipher', `WeChat encrypted message rejected: ${problem}.`);
}

function pad(data: Buffer): Buffer {
  const k = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(k, k)]);
}

function unpad(data: Buffer): Buffer {
  const k = data[data.length - 1] ?? 0;
  if (k < 1 || k > BLOCK || k > data.length) fail('bad padding');
  for (let i = data.length - k; i < data.length; i++) if (data[i] !== k) fail('bad padding');
  return data.subarray(0, data.length - k);
}

/**
 * Security-mode crypto for one account: AES-256-CBC over `random(16) ‖ len(4, BE) ‖ xml ‖ appId`.
 * @example
 * const cipher = new WechatCipher(config.encodingAesKey, config.appId);
 * const { xml } = cipher.decrypt(fields.Encrypt);
 */
export class WechatCipher {
  readonly #key: Buffer;
  readonly #iv: Buffer;
  readonly #appId: string;

  constructor(encodingAesKey: string, appId: string) {
    if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
      throw new Error(
        'WECHAT_ENCODING_AES_KEY must be 43 letters and digits, as shown in the WeChat console.',
      );
    }
    if (!appId) throw new Error('WECHAT_APP_ID is required for security mode.');
    this.#key = Buffer.from(`${encodingAesKey}=`, 'base64');
    this.#iv = this.#key.subarray(0, 16);
    this.#appId = appId;
  }

  /** Decrypts `<Encrypt>` text; throws unless it is well formed and addressed to this app id. */
  decrypt(encrypt: string): { xml: string; appId: string } {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypt)) fail('Encrypt is not base64');
    const data = Buffer.from(encrypt, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) fail('ciphertext length is not a multiple of 16');
    const decipher = createDecipheriv('aes-256-cbc', this.#key, this.#iv).setAutoPadding(false);
    const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
    if (plain.length < 20) fail('plaintext too short');
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) fail('message length exceeds the plaintext');
    const xml = plain.subarray(20, 20 + length).toString('utf8');
    const appId = plain.subarray(20 + length).toString('utf8');
    if (appId !== this.#appId) fail(`app id "${appId}" is not the configured app id "${this.#appId}"`);
    return { xml, appId };
  }

  /** Encrypts a reply; `random16` is injectable so known-answer vectors are reproducible. */
  encrypt(xml: string, random16: Buffer = randomBytes(16)): string {
    if (random16.length !== 16) throw new Error('The random prefix must be 16 bytes.');
    const body = Buffer.from(xml, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = pad(Buffer.concat([random16, length, body, Buffer.from(this.#appId, 'utf8')]));
    const cipher = createCipheriv('aes-256-cbc', this.#key, this.#iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }

  /**
   * The security-mode reply envelope: Encrypt, MsgSignature, TimeStamp and Nonce.
   * @example res.type('application/xml').send(cipher.encryptedReply(textReply(msg, text), token, ts, nonce))
   */
  encryptedReply(xml: string, token: string, timestamp: string, nonce: string, random16?: Buffer): string {
    if (!/^\d{1,12}$/.test(timestamp)) throw new Error('The reply timestamp must be Unix seconds.');
    const encrypt = this.encrypt(xml, random16);
    return buildXml({
      Encrypt: encrypt,
      MsgSignature: msgSignature(token, timestamp, nonce, encrypt),
      TimeStamp: Number(timestamp),
      Nonce: nonce,
    });
  }
}
