import type { Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { detectLocale, LOCALES, type Locale, messageLocale } from '../../knowledge/locale.js';
import { type ConversationData, newConversationData } from '../conversationData.js';
import type { Triage } from '../triage/triage.js';
import { TURN } from '../turnKeys.js';

/** The customer's language (the message's own, else the activity's or the conversation's) and triage. */
export class TriageMiddleware implements Middleware {
  constructor(
    private readonly triage: Triage,
    private readonly data: StatePropertyAccessor<ConversationData>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') {
      const data = await this.data.get(context, newConversationData());
      const text = context.activity.text ?? '';
      const asked = LOCALES.find((l) => l === context.activity.locale);
      // The widget's setting is a preference; a message plainly in the other language is answered in it.
      const locale: Locale = messageLocale(text, asked ?? data.locale ?? detectLocale(text));
      context.turnState.set(TURN.locale, locale);
      context.turnState.set(TURN.triage, await this.triage.read(text, locale));
    }
    await next();
  }
}
