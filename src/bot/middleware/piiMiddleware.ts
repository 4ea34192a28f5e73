import type { Middleware, TurnContext } from 'botbuilder';
import { maskPii } from '../pii.js';
import { TURN } from '../turnKeys.js';

/**
 * Masks ID, card and phone numbers and emails in the customer's message before anything else
 * reads, stores or logs it, and in everything the bot sends (echoes included).
 */
export class PiiMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const text = context.activity.text;
    if (typeof text === 'string') {
      const masked = maskPii(text);
      context.turnState.set(TURN.rawText, text);
      context.turnState.set(TURN.piiFound, masked.found);
      context.activity.text = masked.text;
    }
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const a of activities) if (typeof a.text === 'string') a.text = maskPii(a.text).text;
      return sendNext();
    });
    await next();
  }
}
