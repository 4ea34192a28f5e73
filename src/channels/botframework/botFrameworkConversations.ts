import {
  type Activity,
  ActivityTypes,
  type CloudAdapter,
  type ConversationReference,
  type Storage,
  TurnContext,
} from 'botbuilder';
import type { AnxinBot } from '../../bot/anxinBot.js';
import { NOTHING_SHOWN, turnResultOf } from '../../conversation/turnResult.js';
import type { OtherChannel, OtherChannels } from '../../handoff/handoffRelay.js';
import { boundSends } from './boundedSends.js';

const KEY = 'anxin/bot-framework-reference';

/**
 * Conversations of Bot Framework channels (Teams, Azure Web Chat, the Emulator…) that asked for a
 * person, reached proactively through CloudAdapter: the handoff notices and an agent's replies go
 * to the customer on their own channel.
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

  /** Keeps where the turn's conversation lives: the service URL and ids, not the user (names and ids can be personal). */
  async remember(context: TurnContext): Promise<void> {
    const a = context.activity;
    const { serviceUrl, channelId, conversation, bot, locale } = TurnContext.getConversationReference(a);
    const reference = {
      serviceUrl,
      channelId,
      ...(locale ? { locale } : {}),
      ...(bot ? { bot: { id: bot.id, name: '' } } : {}),
      // The conversation's own ids only: not its name, a member's Azure id or caller-sent properties.
      ...(conversation
        ? {
            conversation: {
              id: conversation.id,
              ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
              ...(conversation.isGroup ? { isGroup: true } : {}),
              ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
            },
          }
        : {}),
    };
    await this.storage.write({ [this.key(a.channelId, a.conversation.id)]: { eTag: '*', reference } });
  }

  async find(channel: string, conversationId: string): Promise<OtherChannel | undefined> {
    const key = this.key(channel, conversationId);
    const stored = (await this.storage.read([key]))[key] as
      | { reference?: Partial<ConversationReference> }
      | undefined;
    const reference = stored?.reference;
    if (!reference?.serviceUrl || !reference.conversation?.id) return undefined;
    return {
      // The bot hears the status as an event in the customer's conversation and answers there.
      // What it sent comes back, so the notice is kept in the transcript the console shows.
      handoffStatus: async (_id, value) => {
        const sent: Partial<Activity>[] = [];
        let result = NOTHING_SHOWN;
        await this.run(
          reference,
          async (context) => {
            Object.assign(context.activity, { type: ActivityTypes.Event, name: 'handoff.status', value });
            await this.bot.run(context);
            result = turnResultOf(context, sent);
          },
          sent,
        );
        return result;
      },
      push: (_id, text) =>
        this.run(reference, async (context) => {
          await context.sendActivity(text);
        }),
    };
  }

  /**
   * A proactive turn. Its sends are bounded (`boundSends`), so the bot still saves what changed
   * (its handoff state must follow the queue) under the conversation's lock; a failure is raised
   * after, to be logged, never as the adapter's apology to the customer.
   */
  private async run(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
    sent: Partial<Activity>[] = [],
  ): Promise<void> {
    let failure: unknown;
    const failed = (err: unknown) => {
      failure ??= err;
    };
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      boundSends(context, failed, sent);
      await logic(context).catch(failed);
    });
    if (failure) throw failure;
  }
}
