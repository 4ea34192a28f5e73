import type { QueueState } from '../../bot/handoffRequest.js';
import type { HandoffReason, Risk } from '../../bot/reply.js';
import type { QueueEntry } from '../../handoff/handoffQueue.js';

/** A `handoff_requests` row: lists and the callback are JSON columns, absent fields are NULL. */
export type HandoffRow = {
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
  state: string;
  agent: string | null;
  accepted_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  callback: string | null;
};

/** The columns of `handoff_requests` that `toHandoffRow` fills, for INSERT statements. */
export const handoffColumns =
  'channel, conversation_id, locale, reason, priority, intent, risk, red_flags, topics, requested_at, transcript, state, agent, accepted_at, closed_at, outcome, callback';

/** @example upsert.run(toHandoffRow(entry)) */
export function toHandoffRow(entry: QueueEntry): HandoffRow {
  return {
    channel: entry.channel,
    conversation_id: entry.conversationId,
    locale: entry.locale,
    reason: entry.reason,
    priority: entry.priority ? 1 : 0,
    intent: entry.intent,
    risk: entry.risk,
    red_flags: JSON.stringify(entry.redFlags),
    topics: JSON.stringify(entry.topics),
    requested_at: entry.requestedAt,
    transcript: JSON.stringify(entry.transcript),
    state: entry.state,
    agent: entry.agent ?? null,
    accepted_at: entry.acceptedAt ?? null,
    closed_at: entry.closedAt ?? null,
    outcome: entry.outcome ?? null,
    callback: entry.callback === undefined ? null : JSON.stringify(entry.callback),
  };
}

/** @example const entries = rows.map(fromHandoffRow) */
export function fromHandoffRow(row: HandoffRow): QueueEntry {
  return {
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
    transcript: JSON.parse(row.transcript) as QueueEntry['transcript'],
    state: row.state as QueueState,
    ...(row.agent === null ? {} : { agent: row.agent }),
    ...(row.accepted_at === null ? {} : { acceptedAt: row.accepted_at }),
    ...(row.closed_at === null ? {} : { closedAt: row.closed_at }),
    ...(row.outcome === null ? {} : { outcome: row.outcome }),
    ...(row.callback === null ? {} : { callback: JSON.parse(row.callback) as QueueEntry['callback'] }),
  };
}
