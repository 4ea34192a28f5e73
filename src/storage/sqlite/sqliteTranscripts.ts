import type { NewMessage, StoredMessage, TranscriptStore } from '../../conversation/transcript.js';
import { storeErrors } from '../storeErrors.js';
import { fromRow, type MessageRow, messageColumns, toRow } from './messageRow.js';
import type { SqliteHandle } from './sqliteHandle.js';

/**
 * Masked transcripts on SQLite. An append takes the write lock first (an immediate transaction),
 * then numbers its messages after the conversation's last seq, so appends from several
 * connections to one file never share a seq; a duplicate clientMessageId rolls the whole append back.
 * @example const [stored] = await transcripts.append(id, [message])
 */
export class SqliteTranscripts implements TranscriptStore {
  private readonly lastSeq;
  private readonly insert;
  private readonly after;
  private readonly byClientId;
  private readonly replies;
  private readonly appendAll;

  constructor(private readonly handle: SqliteHandle) {
    const db = handle.db;
    this.lastSeq = db.prepare<[string], { last: number | null }>(
      'SELECT MAX(seq) AS last FROM messages WHERE conversation_id = ?',
    );
    this.insert = db.prepare<[MessageRow]>(
      `INSERT INTO messages (${messageColumns}) VALUES (${messageColumns.replace(/(\w+)/g, '@$1')})`,
    );
    this.after = db.prepare<[string, number], MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq',
    );
    this.byClientId = db.prepare<[string, string], MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?',
    );
    this.replies = db.prepare<[string, string], MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND reply_to = ? ORDER BY seq',
    );
    this.appendAll = db.transaction((conversationId: string, messages: NewMessage[]) => {
      let seq = this.lastSeq.get(conversationId)?.last ?? 0;
      return messages.map((message) => {
        if (message.conversationId !== conversationId)
          throw storeErrors.foreignMessage(conversationId, message.id);
        const { clientMessageId } = message;
        if (clientMessageId !== undefined && this.byClientId.get(conversationId, clientMessageId)) {
          throw storeErrors.duplicateClientMessageId(conversationId, clientMessageId);
        }
        seq += 1;
        const stored: StoredMessage = { ...message, seq };
        this.insert.run(toRow(stored));
        return stored;
      });
    });
  }

  append(conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]> {
    return this.handle.run(() => this.appendAll.immediate(conversationId, messages));
  }

  list(conversationId: string, afterSeq = 0): Promise<StoredMessage[]> {
    return this.handle.run(() => this.after.all(conversationId, afterSeq).map(fromRow));
  }

  byClientMessageId(conversationId: string, clientMessageId: string): Promise<StoredMessage | undefined> {
    return this.handle.run(() => {
      const row = this.byClientId.get(conversationId, clientMessageId);
      return row && fromRow(row);
    });
  }

  repliesTo(conversationId: string, messageId: string): Promise<StoredMessage[]> {
    return this.handle.run(() => this.replies.all(conversationId, messageId).map(fromRow));
  }
}
