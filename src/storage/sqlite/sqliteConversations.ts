import type { ConversationRecord, ConversationStore } from '../../conversation/conversationRecord.js';
import { storeErrors } from '../storeErrors.js';
import type { SqliteHandle } from './sqliteHandle.js';

type Row = { id: string; channel: string; locale: string; created_at: string; expires_at: string };

/**
 * Conversations of the customer API on SQLite; creating one id twice is refused.
 * @example await conversations.create({ id, channel: 'web', locale: 'zh-CN', createdAt, expiresAt })
 */
export class SqliteConversations implements ConversationStore {
  private readonly insert;
  private readonly select;

  constructor(private readonly handle: SqliteHandle) {
    this.insert = handle.db.prepare<[string, string, string, string, string]>(
      `INSERT INTO conversations (id, channel, locale, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.select = handle.db.prepare<[string], Row>('SELECT * FROM conversations WHERE id = ?');
  }

  create(record: ConversationRecord): Promise<void> {
    return this.handle.run(() => {
      const { id, channel, locale, createdAt, expiresAt } = record;
      if (this.insert.run(id, channel, locale, createdAt, expiresAt).changes === 0) {
        throw storeErrors.duplicateConversation(id);
      }
    });
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.handle.run(() => {
      const row = this.select.get(id);
      return (
        row && {
          id: row.id,
          channel: row.channel as ConversationRecord['channel'],
          locale: row.locale as ConversationRecord['locale'],
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    });
  }
}
