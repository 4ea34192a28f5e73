import type { Feedback, FeedbackStore } from '../../conversation/feedback.js';
import { copy, type MemoryState } from './memoryState.js';

/** Feedback in memory, listed in the order given. @example await new MemoryFeedback(state).add(feedback) */
export class MemoryFeedback implements FeedbackStore {
  private readonly all: Feedback[] = [];

  constructor(private readonly state: MemoryState) {}

  add(feedback: Feedback): Promise<void> {
    return this.state.run(() => {
      this.all.push(copy(feedback));
    });
  }

  list(conversationId: string): Promise<Feedback[]> {
    return this.state.run(() => copy(this.all.filter((f) => f.conversationId === conversationId)));
  }
}
