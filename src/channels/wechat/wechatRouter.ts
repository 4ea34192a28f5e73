import express, { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { WechatConfig } from '../../config.js';
import type { Bindings } from '../../coordination/bindings.js';
import type { Logger } from '../../logger.js';
import { WechatCipher } from './cipher.js';
import { parseInbound, type WechatInbound } from './inbound.js';
import { SUCCESS_BODY, textReply, transferReply } from './outbound.js';
import { sameMessage } from './plaintextReplay.js';
import { checkMsgSignature, checkSignature, isFresh } from './signature.js';
import { parseXml } from './xml.js';

/** What to answer WeChat with: a text, a transfer to WeChat's customer service, or `success`. */
export type WechatAnswer = { kind: 'text'; content: string } | { kind: 'transfer' } | { kind: 'success' };
/** Handles one verified, decrypted message (its XML fields); builds nothing WeChat-specific. */
export type WechatHandler = (message: WechatInbound) => Promise<WechatAnswer>;

const query = z.object({
  signature: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/),
  nonce: z.string().min(1),
  echostr: z.string().optional(),
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  msg_signature: z.string().optional(),
});

/**
 * `GET|POST /wechat`: WeChat Official Account push. The signature and the timestamp are checked
 * before anything else; a bad request never reaches the bot. Plaintext, compatible and security
 * (AES) modes; replies in the mode the message came in. In plaintext mode a signature carries only
 * the message it first came with (`seen`, see plaintextReplay.ts).
 * @example app.use(wechatRouter(config.wechat, (m) => turns.handle(m), logger, seen))
 */
export function wechatRouter(
  cfg: WechatConfig,
  handle: WechatHandler,
  logger: Logger,
  seen?: Bindings,
): Router {
  const cipher =
    cfg.encodingAesKey && cfg.appId ? new WechatCipher(cfg.encodingAesKey, cfg.appId) : undefined;
  const router = Router();
  const refuse = (res: Response, status: number, why: string) => {
    logger.warn({ status, why }, 'wechat request refused');
    res.status(status).type('text/plain').send(why);
  };
  const verified = (req: Request, res: Response) => {
    const q = query.safeParse(req.query);
    if (!q.success)
      return refuse(res, 400, `query: ${q.error.issues[0]?.path.join('.')} is missing or malformed`);
    if (!checkSignature(cfg.token, q.data.timestamp, q.data.nonce, q.data.signature))
      return refuse(res, 401, 'signature does not match');
    if (!isFresh(q.data.timestamp, Date.now() / 1000))
      return refuse(res, 401, 'timestamp is more than 5 minutes off');
    return q.data;
  };

  router.get(cfg.path, (req, res) => {
    const q = verified(req, res);
    if (!q) return;
    if (!q.echostr) return refuse(res, 400, 'query: echostr is missing');
    res.type('text/plain').send(q.echostr);
  });

  router.post(cfg.path, express.text({ type: () => true, limit: '64kb' }), async (req, res, next) => {
    const q = verified(req, res);
    if (!q) return;
    let message: WechatInbound;
    let encrypted = false;
    const body = typeof req.body === 'string' ? req.body : '';
    try {
      let fields = parseXml(body);
      encrypted = q.encrypt_type === 'aes' || typeof fields.Encrypt === 'string';
      // With an AES key configured the account is in security (or compatible) mode: a message that
      // is not encrypted did not come from WeChat, whatever its query signature says.
      if (cipher && !encrypted)
        return refuse(res, 400, 'this account expects encrypted messages (encrypt_type=aes)');
      if (encrypted) {
        const encrypt = String(fields.Encrypt ?? '');
        if (!cipher)
          return refuse(res, 400, 'an encrypted message arrived but WECHAT_ENCODING_AES_KEY is not set');
        if (!q.msg_signature || !checkMsgSignature(cfg.token, q.timestamp, q.nonce, encrypt, q.msg_signature))
          return refuse(res, 401, 'msg_signature does not match');
        fields = parseXml(cipher.decrypt(encrypt).xml);
      }
      message = parseInbound(fields);
    } catch (err) {
      // Malformed or oversized XML, a DOCTYPE or entity, a bad cipher text or another app's id.
      return refuse(res, (err as { status?: number }).status === 413 ? 413 : 400, (err as Error).message);
    }
    // Outside the parsing block: a store that is down is a 503, not a bad request.
    if (!encrypted && seen && !(await sameMessage(seen, cfg.name, q.timestamp, q.nonce, body)))
      return refuse(res, 401, 'this signature already came with another message');
    try {
      const answer = await handle(message);
      if (answer.kind === 'success') return void res.type('text/plain').send(SUCCESS_BODY);
      const xml = answer.kind === 'transfer' ? transferReply(message) : textReply(message, answer.content);
      res
        .type('application/xml')
        .send(encrypted && cipher ? cipher.encryptedReply(xml, cfg.token, q.timestamp, q.nonce) : xml);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
