import type { Feedback, FeedbackStore } from '../../conversation/feedback.js';
import type { RedisHandle } from './redisHandle.js';

/** "Helpful / not helpful" on Redis: a list per conversation, in the order given. @example await feedback.add(f) */
export class RedisFeedback implements FeedbackStore {
  constructor(private readonly handle: RedisHandle) {}

  add(feedback: Feedback): Promise<void> {
    const { conversationId, messageId, helpful, comment, createdAt } = feedback;
    const kept = {
      conversationId,
      messageId,
      helpful,
      ...(comment === undefined ? {} : { comment }),
      createdAt,
    };
    return this.handle.run(async (redis) => {
      await redis.rpush(this.handle.key('feedback', conversationId), JSON.stringify(kept));
    });
  }

  list(conversationId: string): Promise<Feedback[]> {
    return this.handle.run(async (redis) => {
      const raw = await redis.lrange(this.handle.key('feedback', conversationId), 0, -1);
      return raw.map((r) => JSON.parse(r) as Feedback);
    });
  }
}
