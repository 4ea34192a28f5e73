import type { HandoffRequest, HandoffRequests } from '../../bot/ports.js';
import type { HandoffReason, Risk } from '../../bot/reply.js';
import type { SqliteHandle } from './sqliteHandle.js';

type Row = {
  channel: string;
  conversation_id: string;
  locale: string;
  reason: string;
  priority: number;
  intent: string;
  risk: string;
  red_flags: string;
  topics: string;
  requested_at: string;
  transcript: string;
};

/**
 * Handoff requests on SQLite: one row per (channel, conversation); a new request replaces the last.
 * @example await handoffs.request(request)
 */
export class SqliteHandoffs implements HandoffRequests {
  private readonly upsert;
  private readonly select;

  constructor(private readonly handle: SqliteHandle) {
    this.upsert = handle.db.prepare<[Row]>(
      `INSERT INTO handoff_requests (channel, conversation_id, locale, reason, priority, intent, risk,
         red_flags, topics, requested_at, transcript)
       VALUES (@channel, @conversation_id, @locale, @reason, @priority, @intent, @risk,
         @red_flags, @topics, @requested_at, @transcript)
       ON CONFLICT (channel, conversation_id) DO UPDATE SET locale = excluded.locale,
         reason = excluded.reason, priority = excluded.priority, intent = excluded.intent,
         risk = excluded.risk, red_flags = excluded.red_flags, topics = excluded.topics,
         requested_at = excluded.requested_at, transcript = excluded.transcript`,
    );
    this.select = handle.db.prepare<[string, string], Row>(
      'SELECT * FROM handoff_requests WHERE channel = ? AND conversation_id = ?',
    );
  }

  request(request: HandoffRequest): Promise<void> {
    return this.handle.run(() => {
      this.upsert.run({
        channel: request.channel,
        conversation_id: request.conversationId,
        locale: request.locale,
        reason: request.reason,
        priority: request.priority ? 1 : 0,
        intent: request.intent,
        risk: request.risk,
        red_flags: JSON.stringify(request.redFlags),
        topics: JSON.stringify(request.topics),
        requested_at: request.requestedAt,
        transcript: JSON.stringify(request.transcript),
      });
    });
  }

  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined> {
    return this.handle.run(() => {
      const row = this.select.get(channel, conversationId);
      return (
        row && {
          conversationId: row.conversation_id,
          channel: row.channel,
          locale: row.locale,
          reason: row.reason as HandoffReason,
          priority: row.priority === 1,
          intent: row.intent,
          risk: row.risk as Risk,
          redFlags: JSON.parse(row.red_flags) as string[],
          topics: JSON.parse(row.topics) as string[],
          requestedAt: row.requested_at,
          transcript: JSON.parse(row.transcript) as HandoffRequest['transcript'],
        }
      );
    });
  }
}
