import type { HandoffRequest } from '../../bot/ports.js';
import type { HandoffQueue, QueueEntry, QueueState } from '../handoffQueue.js';
import {
  claimOrder,
  newestFirst,
  queueTransitions as next,
  requestOf,
  waitingOrder,
} from '../queueTransitions.js';
import { copy, type MemoryState } from './memoryState.js';

type Change = (current: QueueEntry | undefined) => QueueEntry;

/**
 * The handoff queue in memory, one entry per (channel, conversation). Each change reads and writes
 * in one synchronous stretch, so no other call comes between them.
 * @example const entry = await new MemoryHandoffQueue(state).claim('web', conversationId, 'li.na')
 */
export class MemoryHandoffQueue implements HandoffQueue {
  private readonly entries = new Map<string, QueueEntry>();

  constructor(
    private readonly state: MemoryState,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async request(request: HandoffRequest): Promise<void> {
    await this.apply(request.channel, request.conversationId, (current) => next.request(current, request));
  }

  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined> {
    return this.state.run(() => {
      const entry = this.entries.get(key(channel, conversationId));
      return entry && copy(requestOf(entry));
    });
  }

  entry(channel: string, conversationId: string): Promise<QueueEntry | undefined> {
    return this.state.run(() => {
      const entry = this.entries.get(key(channel, conversationId));
      return entry && copy(entry);
    });
  }

  waiting(): Promise<QueueEntry[]> {
    return this.find((e) => e.state === 'queued', waitingOrder);
  }

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

  claimedBy(agent: string): Promise<QueueEntry[]> {
    return this.find((e) => e.state === 'accepted' && e.agent === agent, claimOrder);
  }

  async list(states?: QueueState[], limit = 200): Promise<QueueEntry[]> {
    const all = await this.find((e) => states === undefined || states.includes(e.state), newestFirst);
    return all.slice(0, Math.max(0, Math.floor(limit)));
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

  private apply(channel: string, conversationId: string, change: Change): Promise<QueueEntry> {
    return this.state.run(() => {
      const id = key(channel, conversationId);
      const entry = copy(change(this.entries.get(id)));
      this.entries.set(id, entry);
      return copy(entry);
    });
  }

  private find(keep: (entry: QueueEntry) => boolean, order: (a: QueueEntry, b: QueueEntry) => number) {
    return this.state.run(() => copy([...this.entries.values()].filter(keep).sort(order)));
  }
}

function key(channel: string, conversationId: string): string {
  return JSON.stringify([channel, conversationId]);
}
