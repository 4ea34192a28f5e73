import {
  ActivityTypes,
  type CloudAdapter,
  type ConversationReference,
  type Storage,
  TurnContext,
} from 'botbuilder';
import type { AnxinBot } from '../bot/anxinBot.js';
import type { OtherChannel, OtherChannels } from '../handoff/handoffRelay.js';

const KEY = 'anxin/bot-framework-reference';

/**
 * Conversations of Bot Framework channels (Teams, Azure Web Chat, the Emulator…), reached
 * proactively through CloudAdapter: where each conversation lives is kept at every turn, so an
 * agent's replies and the handoff notices reach the customer on their own channel.
 * @example await conversations.remember(context); const side = await conversations.find('msteams', id)
 */
export class BotFrameworkConversations implements OtherChannels {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly storage: Storage,
    private readonly bot: AnxinBot,
  ) {}

  private key(channel: string, conversationId: string): string {
    return `${KEY}/${encodeURIComponent(channel)}/${encodeURIComponent(conversationId)}`;
  }

  /** Keeps where the turn's conversation lives (its service URL, bot and user ids). */
  async remember(context: TurnContext): Promise<void> {
    const a = context.activity;
    const { user, conversation, ...rest } = TurnContext.getConversationReference(a);
    // Ids only: a channel's display names can be people's real names, and nothing here needs them.
    const reference = {
      ...rest,
      ...(user ? { user: { id: user.id, name: '' } } : {}),
      ...(conversation ? { conversation: { ...conversation, name: '' } } : {}),
    };
    await this.storage.write({ [this.key(a.channelId, a.conversation.id)]: { eTag: '*', reference } });
  }

  async find(channel: string, conversationId: string): Promise<OtherChannel | undefined> {
    const key = this.key(channel, conversationId);
    const stored = (await this.storage.read([key]))[key] as
      | { reference?: Partial<ConversationReference> }
      | undefined;
    const reference = stored?.reference;
    if (!reference) return undefined;
    const run = (logic: (context: TurnContext) => Promise<void>) =>
      this.adapter.continueConversationAsync(this.appId, reference, logic);
    return {
      // The bot hears the status as an event in the customer's conversation and answers there.
      handoffStatus: async (_id, value) => {
        await run(async (context) => {
          Object.assign(context.activity, { type: ActivityTypes.Event, name: 'handoff.status', value });
          await this.bot.run(context);
        });
        return [];
      },
      push: async (_id, text) => {
        await run(async (context) => {
          await context.sendActivity(text);
        });
      },
    };
  }
}
