import type { QueueState } from '../../bot/handoffRequest.js';
import type { QueueEntry } from '../../handoff/handoffQueue.js';
import { HandoffQueueBase, type QueueChange } from '../handoffQueueBase.js';
import { fromHandoffRow, type HandoffRow, handoffColumns, toHandoffRow } from './handoffRow.js';
import type { SqliteHandle } from './sqliteHandle.js';

/**
 * The handoff queue on SQLite, one row per (channel, conversation). Every change reads the row and
 * writes the next one inside an IMMEDIATE transaction, which takes the write lock before reading, so
 * two connections or processes on one file never both claim an entry.
 * @example const entry = await queue.claim('web', conversationId, 'li.na')
 */
export class SqliteHandoffQueue extends HandoffQueueBase {
  private readonly select;
  private readonly upsert;
  private readonly queued;
  private readonly ahead;
  private readonly held;
  private readonly listed;
  private readonly change;
  private readonly place;

  constructor(
    private readonly handle: SqliteHandle,
    now?: () => string,
  ) {
    super(now);
    const db = handle.db;
    this.select = db.prepare<[string, string], HandoffRow>(
      'SELECT * FROM handoff_requests WHERE channel = ? AND conversation_id = ?',
    );
    this.upsert = db.prepare<[HandoffRow]>(
      `INSERT INTO handoff_requests (${handoffColumns}) VALUES (${handoffColumns.replace(/(\w+)/g, '@$1')})
       ON CONFLICT (channel, conversation_id) DO UPDATE SET locale = excluded.locale,
         reason = excluded.reason, priority = excluded.priority, intent = excluded.intent,
         risk = excluded.risk, red_flags = excluded.red_flags, topics = excluded.topics,
         requested_at = excluded.requested_at, transcript = excluded.transcript, state = excluded.state,
         agent = excluded.agent, accepted_at = excluded.accepted_at, closed_at = excluded.closed_at,
         outcome = excluded.outcome, callback = excluded.callback`,
    );
    this.queued = db.prepare<[], HandoffRow>(
      `SELECT * FROM handoff_requests WHERE state = 'queued'
       ORDER BY priority DESC, requested_at, channel, conversation_id`,
    );
    type Place = Pick<HandoffRow, 'priority' | 'requested_at' | 'channel' | 'conversation_id'>;
    this.ahead = db.prepare<[Place], { ahead: number }>(
      `SELECT COUNT(*) AS ahead FROM handoff_requests WHERE state = 'queued' AND (priority > @priority
         OR (priority = @priority AND (requested_at, channel, conversation_id) < (@requested_at, @channel, @conversation_id)))`,
    );
    this.held = db.prepare<[string], HandoffRow>(
      `SELECT * FROM handoff_requests WHERE state = 'accepted' AND agent = ?
       ORDER BY accepted_at, requested_at, channel, conversation_id`,
    );
    this.listed = db.prepare<[{ states: string | null; limit: number }], HandoffRow>(
      `SELECT * FROM handoff_requests WHERE @states IS NULL OR state IN (SELECT value FROM json_each(@states))
       ORDER BY requested_at DESC, channel, conversation_id LIMIT @limit`,
    );
    this.change = db.transaction((channel: string, conversationId: string, change: QueueChange) => {
      const row = this.select.get(channel, conversationId);
      const entry = change(row && fromHandoffRow(row));
      this.upsert.run(toHandoffRow(entry));
      return entry;
    });
    // A read transaction, so the entry and the count come from one snapshot.
    this.place = db.transaction((channel: string, conversationId: string) => {
      const row = this.select.get(channel, conversationId);
      if (row?.state !== 'queued') return undefined;
      const { priority, requested_at, channel: c, conversation_id } = row;
      return (this.ahead.get({ priority, requested_at, channel: c, conversation_id })?.ahead ?? 0) + 1;
    });
  }

  entry(channel: string, conversationId: string): Promise<QueueEntry | undefined> {
    return this.handle.run(() => {
      const row = this.select.get(channel, conversationId);
      return row && fromHandoffRow(row);
    });
  }

  waiting(): Promise<QueueEntry[]> {
    return this.handle.run(() => this.queued.all().map(fromHandoffRow));
  }

  override position(channel: string, conversationId: string): Promise<number | undefined> {
    return this.handle.run(() => this.place(channel, conversationId));
  }

  claimedBy(agent: string): Promise<QueueEntry[]> {
    return this.handle.run(() => this.held.all(agent).map(fromHandoffRow));
  }

  list(states?: QueueState[], limit = 200): Promise<QueueEntry[]> {
    const filter = {
      states: states === undefined ? null : JSON.stringify(states),
      limit: Math.max(0, Math.floor(limit)),
    };
    // The floor at 0 matters: SQLite reads a negative LIMIT as "no limit".
    return this.handle.run(() => this.listed.all(filter).map(fromHandoffRow));
  }

  protected apply(channel: string, conversationId: string, change: QueueChange): Promise<QueueEntry> {
    return this.handle.run(() => this.change.immediate(channel, conversationId, change));
  }
}
