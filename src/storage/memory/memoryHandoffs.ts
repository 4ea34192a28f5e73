import type { HandoffRequest, HandoffRequests } from '../../bot/ports.js';
import { copy, type MemoryState } from './memoryState.js';

/** Handoff requests in memory, one per (channel, conversation). @example await handoffs.request(request) */
export class MemoryHandoffs implements HandoffRequests {
  private readonly byConversation = new Map<string, HandoffRequest>();

  constructor(private readonly state: MemoryState) {}

  request(request: HandoffRequest): Promise<void> {
    return this.state.run(() => {
      this.byConversation.set(JSON.stringify([request.channel, request.conversationId]), copy(request));
    });
  }

  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined> {
    return this.state.run(() => {
      const request = this.byConversation.get(JSON.stringify([channel, conversationId]));
      return request && copy(request);
    });
  }
}
