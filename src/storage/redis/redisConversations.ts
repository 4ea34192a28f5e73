import type { ConversationRecord, ConversationStore } from '../../conversation/conversationRecord.js';
import { storeErrors } from '../storeErrors.js';
import type { RedisHandle } from './redisHandle.js';

/**
 * Conversations on Redis, one JSON string per id; `SET NX` makes creating an id twice fail on
 * every instance alike. @example await new RedisConversations(handle).create(record)
 */
export class RedisConversations implements ConversationStore {
  constructor(private readonly handle: RedisHandle) {}

  create(record: ConversationRecord): Promise<void> {
    return this.handle.run(async (redis) => {
      const set = await redis.set(this.handle.key('conversation', record.id), JSON.stringify(record), 'NX');
      if (set !== 'OK') throw storeErrors.duplicateConversation(record.id);
    });
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.handle.run(async (redis) => {
      const raw = await redis.get(this.handle.key('conversation', id));
      return raw === null ? undefined : (JSON.parse(raw) as ConversationRecord);
    });
  }
}
