import type { QueueState } from '../bot/handoffRequest.js';
import type { Citation } from '../bot/reply.js';

export type MessageRole = 'customer' | 'bot' | 'agent' | 'system';
export type HandoffView = {
  state: QueueState;
  position?: number;
  agentName?: string;
};

/**
 * One message of a transcript, channel-neutral: masked text (Markdown from the bot and the system,
 * plain text from customers and agents), rendered (HTML, WeChat text, activities) when shown.
 */
export type StoredMessage = {
  id: string;
  conversationId: string;
  /** Position in the conversation, from 1, assigned by the store; SSE ids and `after` use it. */
  seq: number;
  role: MessageRole;
  text: string;
  suggestedActions: { title: string; value: string }[];
  citations: Citation[];
  handoff?: HandoffView;
  createdAt: string;
  /** The customer's idempotency key (customer messages only). */
  clientMessageId?: string;
  /** For bot replies: the id of the customer message they answer. */
  replyTo?: string;
};
export type NewMessage = Omit<StoredMessage, 'seq'>;

/** Masked transcripts. `append` is atomic: all messages get consecutive seq numbers, or none is kept. */
export interface TranscriptStore {
  append(conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]>;
  /** Messages in seq order; only those after `afterSeq` when given. */
  list(conversationId: string, afterSeq?: number): Promise<StoredMessage[]>;
  /** The customer message sent with this idempotency key, if any. */
  byClientMessageId(conversationId: string, clientMessageId: string): Promise<StoredMessage | undefined>;
  /** The bot messages that answered one customer message, in order. */
  repliesTo(conversationId: string, messageId: string): Promise<StoredMessage[]>;
}
