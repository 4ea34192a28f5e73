import { randomUUID } from 'node:crypto';
import type { StoredMessage } from '../../conversation/transcript.js';

/** A Direct Line activity as Web Chat reads it (only the fields Anxin sets). */
export type DirectLineActivity = {
  type: string;
  id?: string;
  timestamp: string;
  channelId: 'directline';
  conversation: { id: string };
  from: { id: string; role: 'user' | 'bot' };
  text?: string;
  textFormat?: 'markdown' | 'plain';
  replyToId?: string;
  suggestedActions?: { actions: { type: 'imBack'; title: string; value: string }[] };
  channelData?: Record<string, unknown>;
};

/** What a poll answers and what each WebSocket frame carries. */
export type ActivitySet = { activities: DirectLineActivity[]; watermark?: string };

/**
 * The customer's id in a Direct Line conversation (`from.id` of their activities).
 * @example userIdOf('c1') // 'dl_c1'
 */
function userIdOf(conversationId: string): string {
  return `dl_${conversationId}`;
}

const FROM = {
  bot: { id: 'anxin', role: 'bot' },
  system: { id: 'anxin', role: 'bot' },
  agent: { id: 'anxin-agent', role: 'bot' },
} as const;

/**
 * A stored message as a Direct Line activity. The customer's own message comes back too (Web Chat
 * waits for that echo, matched by `clientActivityID`), and a bot reply's `replyToId` is the echo's
 * id, so Web Chat shows each answer under its question at once.
 * @example toActivity(storedReply).replyToId === storedQuestion.id
 */
function toActivity(m: StoredMessage): DirectLineActivity {
  const base = {
    type: 'message' as const,
    id: m.id,
    timestamp: m.createdAt,
    channelId: 'directline' as const,
    conversation: { id: m.conversationId },
    text: m.text,
  };
  if (m.role === 'customer')
    return {
      ...base,
      from: { id: userIdOf(m.conversationId), role: 'user' },
      channelData: m.clientMessageId ? { clientActivityID: m.clientMessageId } : {},
    };
  return {
    ...base,
    from: FROM[m.role],
    textFormat: m.role === 'bot' ? 'markdown' : 'plain',
    ...(m.replyTo ? { replyToId: m.replyTo } : {}),
    ...(m.suggestedActions.length
      ? {
          // No `to`: Web Chat's own user id is not ours to know, and a `to` without it hides the buttons.
          suggestedActions: { actions: m.suggestedActions.map((a) => ({ type: 'imBack' as const, ...a })) },
        }
      : {}),
    channelData: {
      anxin: { role: m.role, citations: m.citations, ...(m.handoff ? { handoff: m.handoff } : {}) },
    },
  };
}

/**
 * Messages after a watermark as one set; the watermark is the last message's seq.
 * @example activitySet(await transcripts.list(id, 3), 3).watermark // '7' when messages 4–7 came
 */
export function activitySet(messages: StoredMessage[], watermark: number): ActivitySet {
  const last = messages.at(-1)?.seq ?? watermark;
  return { activities: messages.map(toActivity), watermark: String(last) };
}

/**
 * The echo of a posted activity that is not stored (typing, an event, an empty message), so Web
 * Chat stops waiting for it. @example echoOf(id, 'event', 'wc-7').channelData // { clientActivityID: 'wc-7' }
 */
export function echoOf(conversationId: string, type: string, clientActivityID: string): DirectLineActivity {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    conversation: { id: conversationId },
    from: { id: userIdOf(conversationId), role: 'user' },
    channelData: { clientActivityID },
  };
}

/**
 * The bot is typing (Direct Line sends typing over the WebSocket only).
 * @example ws.send(JSON.stringify({ activities: [typingActivity(id)] }))
 */
export function typingActivity(conversationId: string): DirectLineActivity {
  return {
    type: 'typing',
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    conversation: { id: conversationId },
    from: FROM.bot,
  };
}

/**
 * A watermark from a query string (Direct Line's first poll sends an empty one); undefined if malformed.
 * @example parseWatermark('') // 0; parseWatermark('12') // 12; parseWatermark('x') // undefined
 */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === '') return 0;
  return typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}
