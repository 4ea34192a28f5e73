import type { StoredMessage } from '../../storage/ports.js';

/** A Direct Line activity as Web Chat reads it (only the fields Anxin sets). */
export type DirectLineActivity = {
  type: 'message' | 'typing';
  id?: string;
  timestamp: string;
  channelId: 'directline';
  conversation: { id: string };
  from: { id: string; role: 'user' | 'bot' };
  text?: string;
  textFormat?: 'markdown' | 'plain';
  replyToId?: string;
  suggestedActions?: { to: string[]; actions: { type: 'imBack'; title: string; value: string }[] };
  channelData?: Record<string, unknown>;
};

/** What a poll answers and what each WebSocket frame carries. */
export type ActivitySet = { activities: DirectLineActivity[]; watermark?: string };

/** The customer's id in a Direct Line conversation (`from.id` of their activities). */
export function userIdOf(conversationId: string): string {
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
export function toActivity(m: StoredMessage): DirectLineActivity {
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
          suggestedActions: {
            to: [userIdOf(m.conversationId)],
            actions: m.suggestedActions.map((a) => ({ type: 'imBack' as const, ...a })),
          },
        }
      : {}),
    channelData: {
      anxin: { role: m.role, citations: m.citations, ...(m.handoff ? { handoff: m.handoff } : {}) },
    },
  };
}

/** Messages after a watermark as one set; the watermark is the last message's seq. */
export function activitySet(messages: StoredMessage[], watermark: number): ActivitySet {
  const last = messages.at(-1)?.seq ?? watermark;
  return { activities: messages.map(toActivity), watermark: String(last) };
}

/** The bot is typing (Direct Line sends typing over the WebSocket only). */
export function typingActivity(conversationId: string): DirectLineActivity {
  return {
    type: 'typing',
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    conversation: { id: conversationId },
    from: FROM.bot,
  };
}

/** A watermark from a query string (Direct Line's first poll sends an empty one); undefined if malformed. */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === '') return 0;
  return typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}
