import type { QueueState } from '../../bot/handoffRequest.js';
import type { QueueEntry } from '../../handoff/handoffQueue.js';
import { claimOrder, newestFirst, waitingOrder } from '../../handoff/queueTransitions.js';
import { HandoffQueueBase, type QueueChange } from '../handoffQueueBase.js';
import { copy, type MemoryState } from './memoryState.js';

/**
 * The handoff queue in memory, one entry per (channel, conversation). Each change reads and writes
 * in one synchronous stretch, so no other call comes between them.
 * @example const entry = await new MemoryHandoffQueue(state).claim('web', conversationId, 'li.na')
 */
export class MemoryHandoffQueue extends HandoffQueueBase {
  private readonly entries = new Map<string, QueueEntry>();

  constructor(
    private readonly state: MemoryState,
    now?: () => string,
  ) {
    super(now);
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

  claimedBy(agent: string): Promise<QueueEntry[]> {
    return this.find((e) => e.state === 'accepted' && e.agent === agent, claimOrder);
  }

  async list(states?: QueueState[], limit = 200): Promise<QueueEntry[]> {
    const all = await this.find((e) => states === undefined || states.includes(e.state), newestFirst);
    return all.slice(0, Math.max(0, Math.floor(limit)));
  }

  protected apply(channel: string, conversationId: string, change: QueueChange): Promise<QueueEntry> {
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
