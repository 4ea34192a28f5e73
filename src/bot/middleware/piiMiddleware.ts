import type { Middleware, TurnContext } from 'botbuilder';
import { maskPii } from '../pii.js';
import { TURN } from '../turnKeys.js';

/**
 * Masks ID, card and phone numbers and emails in the customer's message before anything else
 * reads, stores or logs it. What the bot sends is masked by the outgoing step (OutgoingStep).
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
    await next();
  }
}
