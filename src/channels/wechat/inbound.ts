import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { XmlFields } from './xml.js';

const digits = z.string().regex(/^\d{1,20}$/, 'must be digits');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v : undefined));

const base = {
  MsgType: z.string(),
  ToUserName: z.string().min(1),
  FromUserName: z.string().min(1),
  CreateTime: digits.transform(Number),
};
// MsgId is 64-bit: it stays a string, and events have none.
const message = { ...base, MsgId: digits };
const event = { ...base, MsgId: digits.optional(), Event: z.string() };

const schemas = [
  z.object({ kind: z.literal('text'), ...message, Content: z.string() }),
  z.object({
    kind: z.literal('voice'),
    ...message,
    MediaId: optionalText,
    Format: optionalText,
    Recognition: optionalText,
  }),
  z.object({ kind: z.literal('image'), ...message, PicUrl: optionalText, MediaId: optionalText }),
  z.object({ kind: z.literal('video'), ...message, MediaId: optionalText, ThumbMediaId: optionalText }),
  z.object({
    kind: z.literal('location'),
    ...message,
    Location_X: optionalText,
    Location_Y: optionalText,
    Scale: optionalText,
    Label: optionalText,
  }),
  z.object({
    kind: z.literal('link'),
    ...message,
    Title: optionalText,
    Description: optionalText,
    Url: optionalText,
  }),
  z.object({ kind: z.literal('subscribe'), ...event, EventKey: optionalText, Ticket: optionalText }),
  z.object({ kind: z.literal('unsubscribe'), ...event }),
  z.object({ kind: z.literal('click'), ...event, EventKey: z.string().min(1) }),
  z.object({ kind: z.literal('kf_create_session'), ...event, KfAccount: z.string() }),
  z.object({ kind: z.literal('kf_close_session'), ...event, KfAccount: z.string() }),
  z.object({
    kind: z.literal('kf_switch_session'),
    ...event,
    FromKfAccount: z.string(),
    ToKfAccount: z.string(),
  }),
  z.object({ kind: z.literal('other'), ...base, MsgId: digits.optional(), Event: optionalText }),
] as const;

/** One inbound WeChat push, told apart by `kind`; fields keep WeChat's names. */
const WechatInboundSchema = z.discriminatedUnion('kind', schemas);
export type WechatInbound = z.infer<typeof WechatInboundSchema>;
type WechatInboundKind = WechatInbound['kind'];

const messageKinds: Record<string, WechatInboundKind> = {
  text: 'text',
  voice: 'voice',
  image: 'image',
  video: 'video',
  shortvideo: 'video',
  location: 'location',
  link: 'link',
};
const eventKinds: Record<string, WechatInboundKind> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  click: 'click',
  kf_create_session: 'kf_create_session',
  kf_close_session: 'kf_close_session',
  kf_switch_session: 'kf_switch_session',
};

function kindOf(fields: XmlFields): WechatInboundKind {
  const type = typeof fields.MsgType === 'string' ? fields.MsgType.toLowerCase() : '';
  if (type !== 'event') return messageKinds[type] ?? 'other';
  const name = typeof fields.Event === 'string' ? fields.Event.toLowerCase() : '';
  return eventKinds[name] ?? 'other';
}

/**
 * The typed message from the fields of a decrypted `<xml>` body; a missing or malformed field throws,
 * naming it. Unknown message types and events become `other`.
 * @example parseInbound(parseXml(body)) // { kind: 'text', Content: '停息挂账靠谱吗', MsgId: '…', … }
 */
export function parseInbound(fields: XmlFields): WechatInbound {
  const kind = kindOf(fields);
  const result = WechatInboundSchema.safeParse({ ...fields, kind });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'xml';
  throw new AppError(
    'bad_request:wechat-message',
    `WeChat ${kind} message field ${field}: ${issue?.message}`,
    {
      field,
    },
  );
}

/**
 * The key WeChat retries share: MsgId for messages, FromUserName + CreateTime for events.
 * @example dedupeKey(msg) // '6054768590064713728' or 'oUser:1700000000'
 */
export function dedupeKey(msg: WechatInbound): string {
  return msg.MsgId ?? `${msg.FromUserName}:${msg.CreateTime}`;
}
