import type { Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { type ConversationData, newConversationData, remember } from '../conversationData.js';

/**
 * While a human agent owns the conversation, the customer's messages go to the transcript (and so
 * to the agent) and the bot stays quiet.
 */
export class HandoffMiddleware implements Middleware {
  constructor(private readonly data: StatePropertyAccessor<ConversationData>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') {
      const data = await this.data.get(context, newConversationData());
      if (data.handoff?.state === 'accepted') {
        remember(data, 'customer', context.activity.text ?? '');
        return;
      }
    }
    await next();
  }
}
