import type { Feedback, FeedbackStore } from '../../conversation/feedback.js';
import type { SqliteHandle } from './sqliteHandle.js';

type Row = {
  conversation_id: string;
  message_id: string;
  helpful: number;
  comment: string | null;
  created_at: string;
};

/**
 * "Helpful / not helpful" on SQLite, listed in the order given.
 * @example await feedback.add({ conversationId, messageId, helpful: true, createdAt })
 */
export class SqliteFeedback implements FeedbackStore {
  private readonly insert;
  private readonly select;

  constructor(private readonly handle: SqliteHandle) {
    this.insert = handle.db.prepare<[string, string, number, string | null, string]>(
      'INSERT INTO feedback (conversation_id, message_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.select = handle.db.prepare<[string], Row>(
      `SELECT conversation_id, message_id, helpful, comment, created_at
       FROM feedback WHERE conversation_id = ? ORDER BY id`,
    );
  }

  add(feedback: Feedback): Promise<void> {
    const { conversationId, messageId, helpful, comment, createdAt } = feedback;
    return this.handle.run(() => {
      this.insert.run(conversationId, messageId, helpful ? 1 : 0, comment ?? null, createdAt);
    });
  }

  list(conversationId: string): Promise<Feedback[]> {
    return this.handle.run(() =>
      this.select.all(conversationId).map((row) => ({
        conversationId: row.conversation_id,
        messageId: row.message_id,
        helpful: row.helpful === 1,
        ...(row.comment === null ? {} : { comment: row.comment }),
        createdAt: row.created_at,
      })),
    );
  }
}
