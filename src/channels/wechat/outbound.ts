import type { WechatInbound } from './inbound.js';
import { buildXml } from './xml.js';

/** The plain body that tells WeChat not to retry when the answer will come through the customer-service API. */
export const SUCCESS_BODY = 'success';

/** Who the reply goes back to: the inbound message's sender and account, swapped. */
type ReplyTo = Pick<WechatInbound, 'ToUserName' | 'FromUserName'>;

function header(to: ReplyTo, msgType: string, nowS: number) {
  return {
    ToUserName: to.FromUserName,
    FromUserName: to.ToUserName,
    CreateTime: Math.floor(nowS),
    MsgType: msgType,
  };
}

/**
 * A passive text reply to an inbound message (CreateTime in seconds).
 * @example textReply(msg, '您好') // '<xml><ToUserName><![CDATA[oUser]]></ToUserName>…</xml>'
 */
export function textReply(to: ReplyTo, content: string, nowS = Date.now() / 1000): string {
  return buildXml({ ...header(to, 'text', nowS), Content: content });
}

/**
 * Hands the conversation to WeChat's own customer service, optionally pinned to one agent account.
 * @example transferReply(msg, Date.now() / 1000, 'kf2001@gh_123')
 */
export function transferReply(to: ReplyTo, nowS = Date.now() / 1000, kfAccount?: string): string {
  const transfer = header(to, 'transfer_customer_service', nowS);
  return buildXml(kfAccount ? { ...transfer, TransInfo: { KfAccount: kfAccount } } : transfer);
}
