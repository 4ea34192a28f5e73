import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import type { AnxinBot } from '../bot/anxinBot.js';
import type { Locale } from '../knowledge/locale.js';
import { type TurnResult, turnResultOf } from './turnResult.js';

const SINK = Symbol('anxin.sink');

/** A Bot Framework adapter that runs turns in this process and hands back what the bot sent. */
class CollectingAdapter extends BotAdapter {
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    (context.turnState.get(SINK) as Partial<Activity>[]).push(...activities);
    return activities.map(() => ({ id: randomUUID() }));
  }
  async updateActivity(): Promise<void> {
    throw new Error('the in-process channel cannot update sent messages');
  }
  async deleteActivity(): Promise<void> {
    throw new Error('the in-process channel cannot delete sent messages');
  }
  async continueConversation(_ref: Partial<ConversationReference>): Promise<void> {
    throw new Error('the in-process channel has no proactive messages');
  }
  async run(
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<TurnResult> {
    const sent: Partial<Activity>[] = [];
    const context = new TurnContext(this, activity);
    context.turnState.set(SINK, sent);
    await this.runMiddleware(context, logic);
    return turnResultOf(context, sent);
  }
}

/**
 * Runs the bot pipeline in process, one conversation per id: the batch CLI, benchmarks and the
 * HTTP channels use it, so all of them run exactly the same turn, and get one TurnResult back.
 * @example const sent = await new InProcessChannel(bot, 'cli').say('c1', '停息挂账靠谱吗')
 */
export class InProcessChannel {
  private readonly adapter = new CollectingAdapter();

  constructor(
    private readonly bot: AnxinBot,
    readonly channelId: string,
  ) {}

  private activity(conversationId: string, fields: Partial<Activity>): Partial<Activity> {
    return {
      id: randomUUID(),
      channelId: this.channelId,
      serviceUrl: `urn:anxin:${this.channelId}`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: `customer:${conversationId}`, name: 'customer', role: 'user' },
      recipient: { id: 'anxin', name: 'Anxin', role: 'bot' },
      timestamp: new Date(),
      ...fields,
    };
  }

  /** One customer message; returns what the bot showed in reply. */
  say(conversationId: string, text: string, locale?: Locale): Promise<TurnResult> {
    const activity = this.activity(conversationId, {
      type: ActivityTypes.Message,
      text,
      ...(locale ? { locale } : {}),
    });
    return this.adapter.run(activity, (context) => this.bot.run(context));
  }

  /** Start a conversation in a language; returns the welcome. */
  welcome(conversationId: string, locale: Locale): Promise<TurnResult> {
    const activity = this.activity(conversationId, { type: ActivityTypes.ConversationUpdate, locale });
    return this.adapter.run(activity, (context) => this.bot.welcome(context, locale));
  }

  /** A hub's `handoff.status` event (accepted, completed, failed). */
  handoffStatus(conversationId: string, value: { state: string; agentName?: string }): Promise<TurnResult> {
    const activity = this.activity(conversationId, {
      type: ActivityTypes.Event,
      name: 'handoff.status',
      value,
    });
    return this.adapter.run(activity, (context) => this.bot.run(context));
  }
}
