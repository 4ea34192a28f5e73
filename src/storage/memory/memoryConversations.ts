import type { ConversationRecord, ConversationStore } from '../../conversation/conversationRecord.js';
import { storeErrors } from '../storeErrors.js';
import { copy, type MemoryState } from './memoryState.js';

/** Conversations in memory, for tests and as the contract's reference. @example new MemoryConversations(state) */
export class MemoryConversations implements ConversationStore {
  private readonly records = new Map<string, ConversationRecord>();

  constructor(private readonly state: MemoryState) {}

  create(record: ConversationRecord): Promise<void> {
    return this.state.run(() => {
      if (this.records.has(record.id)) throw storeErrors.duplicateConversation(record.id);
      this.records.set(record.id, copy(record));
    });
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.state.run(() => {
      const record = this.records.get(id);
      return record && copy(record);
    });
  }
}
