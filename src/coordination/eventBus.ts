import { EventEmitter } from 'node:events';

/** What the customer's SSE stream carries. */
export type ConversationEvent =
  | { type: 'message'; seq: number; data: unknown }
  | { type: 'handoff'; data: unknown }
  | { type: 'typing'; data: unknown }
  /** A Direct Line activity echoed to its poster's stream and not stored (a posted event or typing). */
  | { type: 'echo'; data: unknown }
  /** The conversation's tokens were revoked: streams opened with them close. */
  | { type: 'revoked'; data: unknown };

/** Publish/subscribe per conversation. @example const off = bus.subscribe(id, (e) => …) */
export interface EventBus {
  publish(conversationId: string, event: ConversationEvent): Promise<void>;
  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void;
}

/** The in-process bus of the embedded default (one instance). */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(conversationId: string, event: ConversationEvent): Promise<void> {
    this.emitter.emit(conversationId, event);
  }

  subscribe(conversationId: string, listener: (event: ConversationEvent) => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }
}
