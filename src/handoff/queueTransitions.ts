import type { HandoffRequest, QueueState } from '../bot/handoffRequest.js';
import { handoffErrors } from './handoffErrors.js';
import type { QueueEntry } from './handoffQueue.js';

/**
 * The queue's state machine as pure functions from the current entry (undefined when there is none)
 * to the next, shared by every HandoffQueue implementation so they refuse alike. Each one runs
 * inside the implementation's atomic read-modify-write.
 * @example const next = queueTransitions.claim(current, 'web', 'c1', 'li.na', now)
 */
export const queueTransitions = {
  request(current: QueueEntry | undefined, request: HandoffRequest): QueueEntry {
    const fresh = requestOf(request);
    if (current?.state === 'queued' || current?.state === 'accepted') {
      // Keeps state, agent and requestedAt: asking again must not cost the customer their place.
      return { ...current, ...fresh, requestedAt: current.requestedAt };
    }
    return { ...fresh, state: 'queued' };
  },

  claim(
    current: QueueEntry | undefined,
    channel: string,
    id: string,
    agent: string,
    now: string,
  ): QueueEntry {
    // An offline entry (a call back left outside office hours) is taken like a waiting one.
    const entry = inState(current, channel, id, 'claim', ['queued', 'offline']);
    return { ...entry, state: 'accepted', agent, acceptedAt: now };
  },

  release(
    current: QueueEntry | undefined,
    channel: string,
    id: string,
    release: { agent: string; outcome: string },
    now: string,
  ): QueueEntry {
    const entry = inState(current, channel, id, 'release', ['accepted']);
    if (entry.agent !== release.agent) throw handoffErrors.forbidden(channel, id, release.agent);
    return { ...entry, state: 'completed', closedAt: now, outcome: release.outcome };
  },

  setState(
    current: QueueEntry | undefined,
    channel: string,
    id: string,
    change: {
      state: Exclude<QueueState, 'queued'>;
      agent?: string | undefined;
      message?: string | undefined;
    },
    now: string,
  ): QueueEntry {
    const { state, agent, message } = change;
    const outcome = message === undefined ? {} : { outcome: message };
    switch (state) {
      case 'accepted': {
        const entry = inState(current, channel, id, 'accepted', ['queued']);
        return { ...entry, state, ...(agent === undefined ? {} : { agent }), acceptedAt: now };
      }
      case 'failed':
        return {
          ...inState(current, channel, id, 'failed', ['queued', 'accepted']),
          state,
          closedAt: now,
          ...outcome,
        };
      case 'completed':
        return {
          ...inState(current, channel, id, 'completed', ['accepted']),
          state,
          closedAt: now,
          ...outcome,
        };
      case 'offline':
        return { ...inState(current, channel, id, 'offline', ['queued']), state };
    }
  },

  callback(
    current: QueueEntry | undefined,
    channel: string,
    id: string,
    callback: { phone: string; note?: string | undefined },
    now: string,
  ): QueueEntry {
    const entry = inState(current, channel, id, 'callback', ['queued', 'offline']);
    const { phone, note } = callback;
    return {
      ...entry,
      state: 'offline',
      callback: { phone, ...(note === undefined ? {} : { note }), at: now },
    };
  },
};

/** Only the request's own fields, so nothing else a caller passes along is stored. */
export function requestOf(request: HandoffRequest): HandoffRequest {
  const { conversationId, channel, locale, reason, priority, intent, risk, redFlags, topics } = request;
  return {
    conversationId,
    channel,
    locale,
    reason,
    priority,
    intent,
    risk,
    redFlags,
    topics,
    requestedAt: request.requestedAt,
    transcript: request.transcript,
  };
}

/** Service order of waiting entries: priority first, then the oldest request; ties by key. */
export function waitingOrder(a: QueueEntry, b: QueueEntry): number {
  return (
    Number(b.priority) - Number(a.priority) ||
    compare(a.requestedAt, b.requestedAt) ||
    compare(a.channel, b.channel) ||
    compare(a.conversationId, b.conversationId)
  );
}

/** Order of an agent's held entries: the earliest claimed first; ties by request time and key. */
export function claimOrder(a: QueueEntry, b: QueueEntry): number {
  return (
    compare(a.acceptedAt ?? '', b.acceptedAt ?? '') ||
    compare(a.requestedAt, b.requestedAt) ||
    compare(a.channel, b.channel) ||
    compare(a.conversationId, b.conversationId)
  );
}

/** List order: newest request first; ties by key. */
export function newestFirst(a: QueueEntry, b: QueueEntry): number {
  return (
    compare(b.requestedAt, a.requestedAt) ||
    compare(a.channel, b.channel) ||
    compare(a.conversationId, b.conversationId)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inState(
  current: QueueEntry | undefined,
  channel: string,
  id: string,
  action: string,
  from: QueueState[],
): QueueEntry {
  if (!current) throw handoffErrors.notFound(channel, id);
  if (!from.includes(current.state)) throw handoffErrors.conflict(channel, id, current.state, action, from);
  return current;
}
