import type { HandoffRequest, QueueState } from '../bot/handoffRequest.js';
import type { HandoffQueue, QueueEntry } from '../handoff/handoffQueue.js';
import { queueTransitions as next, requestOf } from '../handoff/queueTransitions.js';

/** One step of the state machine: the current entry (undefined when there is none) to the next. */
export type QueueChange = (current: QueueEntry | undefined) => QueueEntry;

/**
 * What every HandoffQueue does alike: each change runs the shared queueTransitions inside the
 * store's own atomic read-modify-write, `apply`. A store supplies `apply` and its reads.
 * @example class MapQueue extends HandoffQueueBase { protected apply(channel, id, change) { ... } ... }
 */
export abstract class HandoffQueueBase implements HandoffQueue {
  constructor(protected readonly now: () => string = () => new Date().toISOString()) {}

  /** Read the entry, run `change` on it and write the result, with no other change in between. */
  protected abstract apply(channel: string, conversationId: string, change: QueueChange): Promise<QueueEntry>;

  abstract entry(channel: string, conversationId: string): Promise<QueueEntry | undefined>;
  abstract waiting(): Promise<QueueEntry[]>;
  abstract claimedBy(agent: string): Promise<QueueEntry[]>;
  abstract list(states?: QueueState[], limit?: number): Promise<QueueEntry[]>;

  async request(request: HandoffRequest): Promise<void> {
    await this.apply(request.channel, request.conversationId, (current) => next.request(current, request));
  }

  async get(channel: string, conversationId: string): Promise<HandoffRequest | undefined> {
    const entry = await this.entry(channel, conversationId);
    return entry && requestOf(entry);
  }

  /** Found in `waiting()`; a store that can count in place may do better. */
  async position(channel: string, conversationId: string): Promise<number | undefined> {
    const waiting = await this.waiting();
    const index = waiting.findIndex((e) => e.channel === channel && e.conversationId === conversationId);
    return index === -1 ? undefined : index + 1;
  }

  claim(channel: string, conversationId: string, agent: string): Promise<QueueEntry> {
    return this.apply(channel, conversationId, (current) =>
      next.claim(current, channel, conversationId, agent, this.now()),
    );
  }

  release(channel: string, conversationId: string, agent: string, outcome: string): Promise<QueueEntry> {
    return this.apply(channel, conversationId, (current) =>
      next.release(current, channel, conversationId, { agent, outcome }, this.now()),
    );
  }

  setState(
    channel: string,
    conversationId: string,
    state: Exclude<QueueState, 'queued'>,
    detail: { agent?: string; message?: string } = {},
  ): Promise<QueueEntry> {
    return this.apply(channel, conversationId, (current) =>
      next.setState(current, channel, conversationId, { state, ...detail }, this.now()),
    );
  }

  callback(channel: string, conversationId: string, phone: string, note?: string): Promise<QueueEntry> {
    return this.apply(channel, conversationId, (current) =>
      next.callback(current, channel, conversationId, { phone, note }, this.now()),
    );
  }
}
