import { randomUUID } from 'node:crypto';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { maskPii } from '../bot/pii.js';
import type { ShownReply } from '../bot/shownReply.js';
import type { ApiMessage } from './apiMessage.js';
import type { HandoffView, MessageRole, NewMessage, StoredMessage } from './transcript.js';

const markdown = new Marked({ gfm: true, breaks: true, async: false });
const SAFE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'code', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['https'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
  },
};

/**
 * A bare link ends at Chinese punctuation: GFM's autolink would take "。" or "，" into the address
 * (https://www.12321.cn。), so such links are fenced in angle brackets first.
 */
const CJK_PUNCTUATION = '。，、；：！？「」『』“”‘’【】（）';
const BARE_LINK = new RegExp(
  `(?<![(<\\w])(https?://[^\\s<>()${CJK_PUNCTUATION}]+)(?=[${CJK_PUNCTUATION}])`,
  'g',
);

/** Bot Markdown as sanitized HTML: only simple formatting and https links survive. */
export function toHtml(text: string): string {
  return sanitizeHtml(markdown.parse(text.replace(BARE_LINK, '<$1>')) as string, SAFE);
}

/** Text from a customer or an agent, shown as text: every tag escaped. */
function textAsHtml(text: string): string {
  return `<p>${sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'escape' })}</p>`;
}

/** A customer message for the transcript: masked before it is stored. */
export function customerMessage(conversationId: string, text: string, clientMessageId?: string): NewMessage {
  const masked = maskPii(text).text;
  return {
    id: randomUUID(),
    conversationId,
    role: 'customer',
    text: masked,
    suggestedActions: [],
    citations: [],
    createdAt: new Date().toISOString(),
    ...(clientMessageId ? { clientMessageId } : {}),
  };
}

/** The bot's messages of one turn, from what it showed. */
export function botMessages(
  conversationId: string,
  shown: readonly ShownReply[],
  replyTo?: string,
): NewMessage[] {
  return shown.map((m) => ({
    id: randomUUID(),
    conversationId,
    role: 'bot' as MessageRole,
    text: m.text,
    suggestedActions: m.actions.map((x) => ({ title: x.title, value: x.value })),
    citations: m.citations,
    ...(m.meta.handoff ? { handoff: { state: 'queued' } as HandoffView } : {}),
    createdAt: new Date().toISOString(),
    ...(replyTo ? { replyTo } : {}),
  }));
}

/** A stored message as CONTRACT §2 shows it, its HTML rendered here: the bot's Markdown, anyone else's words escaped. */
export function toApiMessage(m: StoredMessage): ApiMessage {
  return {
    id: m.id,
    role: m.role,
    text: m.text,
    html: m.role === 'bot' || m.role === 'system' ? toHtml(m.text) : textAsHtml(m.text),
    suggestedActions: m.suggestedActions,
    citations: m.citations,
    ...(m.handoff ? { handoff: m.handoff } : {}),
    createdAt: m.createdAt,
  };
}
