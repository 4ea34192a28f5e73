import type { ConversationRecord, ConversationStore } from '../conversation/conversationRecord.js';

/**
 * Conversation records never change once created, so every request need not read them from the
 * store: the most recent ones are kept in memory (safe with several instances too).
 * @example const conversations = new CachedConversations(stores.conversations)
 */
export class CachedConversations implements ConversationStore {
  private readonly cache = new Map<string, ConversationRecord>();

  constructor(
    private readonly store: ConversationStore,
    private readonly capacity = 10_000,
  ) {}

  async create(record: ConversationRecord): Promise<void> {
    await this.store.create(record);
    this.remember(record);
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const found = await this.store.get(id);
    if (found) this.remember(found);
    return found;
  }

  private remember(record: ConversationRecord): void {
    if (this.cache.size >= this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(record.id, record);
  }
}
