import type { Redis } from 'ioredis';
import type { ConversationEvent, EventBus } from './eventBus.js';

/**
 * The event bus on Redis pub/sub, so an agent on one instance reaches a customer whose stream is
 * on another. One subscriber connection per instance; listeners are kept per conversation here.
 * @example const bus = new RedisEventBus(redis, redis.duplicate())
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Map<string, Set<(event: ConversationEvent) => void>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix = 'anxin:events:',
  ) {
    subscriber.on('message', (channel: string, payload: string) => {
      const set = this.listeners.get(channel.slice(this.prefix.length));
      if (!set) return;
      const event = JSON.parse(payload) as ConversationEvent;
      for (const listener of set) listener(event);
    });
  }

  async publish(conversationId: string, event: ConversationEvent): Promise<void> {
    await this.publisher.publish(this.prefix + conversationId, JSON.stringify(event));
  }

  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
      // A failed subscribe shows as a stream that stays quiet; the client reconnects and replays.
      this.subscriber.subscribe(this.prefix + conversationId).catch(() => undefined);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(conversationId);
      current?.delete(listener);
      if (current && !current.size) {
        this.listeners.delete(conversationId);
        this.subscriber.unsubscribe(this.prefix + conversationId).catch(() => undefined);
      }
    };
  }

  /** Resolves once Redis confirms the subscriptions made so far (tests; a stream's first events). */
  async ready(): Promise<void> {
    await this.subscriber.ping();
  }
}
