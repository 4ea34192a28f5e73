import type { Storage } from 'botbuilder';
import type { AgentAccounts, AgentSessions } from '../agents/ports.js';
import type { ReportStore } from '../bot/ports.js';
import type { Citation } from '../bot/reply.js';
import type { HandoffQueue, QueueState } from './handoffQueue.js';

/** A conversation opened through the customer API (web widget or mobile app). */
export type ConversationRecord = {
  id: string;
  channel: 'web' | 'app' | 'wechat' | 'directline';
  locale: 'zh-CN' | 'en';
  createdAt: string;
  expiresAt: string;
};

export type MessageRole = 'customer' | 'bot' | 'agent' | 'system';
export type HandoffView = {
  state: QueueState;
  position?: number;
  agentName?: string;
};

/** One message of a transcript, as CONTRACT §2 shows it; text is already masked. */
export type StoredMessage = {
  id: string;
  conversationId: string;
  /** Position in the conversation, from 1, assigned by the store; SSE ids and `after` use it. */
  seq: number;
  role: MessageRole;
  text: string;
  html: string;
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

/** Conversations of the customer API. @example await conversations.create(record) */
export interface ConversationStore {
  create(record: ConversationRecord): Promise<void>;
  get(id: string): Promise<ConversationRecord | undefined>;
}

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

export type Feedback = {
  conversationId: string;
  messageId: string;
  helpful: boolean;
  comment?: string;
  createdAt: string;
};

/** "Helpful / not helpful" on answers. */
export interface FeedbackStore {
  add(feedback: Feedback): Promise<void>;
  list(conversationId: string): Promise<Feedback[]>;
}

/** Every store the app needs, opened together and closed together. */
export type Stores = {
  /** botbuilder conversation state, with eTag concurrency. */
  storage: Storage;
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  feedback: FeedbackStore;
  reports: ReportStore;
  /** The human-agent queue; the bot itself only requests and reads. */
  handoffs: HandoffQueue;
  agents: AgentAccounts;
  agentSessions: AgentSessions;
  /** Reachable and writable (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};
