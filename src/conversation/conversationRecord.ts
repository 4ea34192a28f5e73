/** A conversation opened through the customer API (web widget or mobile app). */
export type ConversationRecord = {
  id: string;
  channel: 'web' | 'app' | 'wechat' | 'directline';
  locale: 'zh-CN' | 'en';
  createdAt: string;
  expiresAt: string;
};

/** Conversations of the customer API. @example await conversations.create(record) */
export interface ConversationStore {
  create(record: ConversationRecord): Promise<void>;
  get(id: string): Promise<ConversationRecord | undefined>;
}
