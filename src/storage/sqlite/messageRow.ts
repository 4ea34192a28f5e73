import type { HandoffView, MessageRole, StoredMessage } from '../../conversation/transcript.js';

/** A `messages` row: lists and the handoff view are JSON columns, absent fields are NULL. */
export type MessageRow = {
  conversation_id: string;
  seq: number;
  id: string;
  role: string;
  text: string;
  suggested_actions: string;
  citations: string;
  handoff: string | null;
  created_at: string;
  client_message_id: string | null;
  reply_to: string | null;
};

/** The columns of `messages` in the order `toRow` fills them, for INSERT statements. */
export const messageColumns =
  'conversation_id, seq, id, role, text, suggested_actions, citations, handoff, created_at, client_message_id, reply_to';

/** @example insert.run(toRow(message)) */
export function toRow(message: StoredMessage): MessageRow {
  return {
    conversation_id: message.conversationId,
    seq: message.seq,
    id: message.id,
    role: message.role,
    text: message.text,
    suggested_actions: JSON.stringify(message.suggestedActions),
    citations: JSON.stringify(message.citations),
    handoff: message.handoff === undefined ? null : JSON.stringify(message.handoff),
    created_at: message.createdAt,
    client_message_id: message.clientMessageId ?? null,
    reply_to: message.replyTo ?? null,
  };
}

/** @example const messages = rows.map(fromRow) */
export function fromRow(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    role: row.role as MessageRole,
    text: row.text,
    suggestedActions: JSON.parse(row.suggested_actions),
    citations: JSON.parse(row.citations),
    ...(row.handoff === null ? {} : { handoff: JSON.parse(row.handoff) as HandoffView }),
    createdAt: row.created_at,
    ...(row.client_message_id === null ? {} : { clientMessageId: row.client_message_id }),
    ...(row.reply_to === null ? {} : { replyTo: row.reply_to }),
  };
}
