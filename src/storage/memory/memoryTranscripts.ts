import type { NewMessage, StoredMessage, TranscriptStore } from '../../conversation/transcript.js';
import { storeErrors } from '../storeErrors.js';
import { copy, type MemoryState } from './memoryState.js';

/**
 * Transcripts in memory: every check runs before anything is kept, so a failed append keeps nothing.
 * @example const [stored] = await new MemoryTranscripts(state).append(id, [message])
 */
export class MemoryTranscripts implements TranscriptStore {
  private readonly byConversation = new Map<string, StoredMessage[]>();

  constructor(private readonly state: MemoryState) {}

  append(conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]> {
    return this.state.run(() => {
      const kept = this.byConversation.get(conversationId) ?? [];
      const used = new Set(kept.map((m) => m.clientMessageId));
      for (const message of messages) {
        if (message.conversationId !== conversationId)
          throw storeErrors.foreignMessage(conversationId, message.id);
        const { clientMessageId } = message;
        if (clientMessageId === undefined) continue;
        if (used.has(clientMessageId))
          throw storeErrors.duplicateClientMessageId(conversationId, clientMessageId);
        used.add(clientMessageId);
      }
      const stored = messages.map((message, i) => ({ ...copy(message), seq: kept.length + i + 1 }));
      this.byConversation.set(conversationId, [...kept, ...stored]);
      return copy(stored);
    });
  }

  list(conversationId: string, afterSeq = 0): Promise<StoredMessage[]> {
    return this.find(conversationId, (m) => m.seq > afterSeq);
  }

  async byClientMessageId(
    conversationId: string,
    clientMessageId: string,
  ): Promise<StoredMessage | undefined> {
    return (await this.find(conversationId, (m) => m.clientMessageId === clientMessageId))[0];
  }

  repliesTo(conversationId: string, messageId: string): Promise<StoredMessage[]> {
    return this.find(conversationId, (m) => m.replyTo === messageId);
  }

  private find(conversationId: string, keep: (message: StoredMessage) => boolean): Promise<StoredMessage[]> {
    return this.state.run(() => copy((this.byConversation.get(conversationId) ?? []).filter(keep)));
  }
}
