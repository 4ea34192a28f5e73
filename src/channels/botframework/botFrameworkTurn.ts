import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { AnxinBot } from '../../bot/anxinBot.js';
import type { ConversationStore } from '../../conversation/conversationRecord.js';
import { turnResultOf } from '../../conversation/turnResult.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { TurnLock } from '../../coordination/keyedLock.js';
import type { Logger } from '../../logger.js';
import type { BotFrameworkConversations } from './botFrameworkConversations.js';
import { boundSends } from './boundedSends.js';

export type BotFrameworkTurnDeps = {
  bot: AnxinBot;
  runner: TurnRunner;
  locks: TurnLock;
  conversations: BotFrameworkConversations;
  /** Anxin's own conversations, which no Bot Framework caller may enter. */
  own: ConversationStore;
  logger: Logger;
};

/**
 * An `/api/messages` turn (after the adapter checked the caller), run as Anxin's own channels run
 * theirs: one at a time per conversation, the customer's message (masked) and the bot's replies
 * kept in the transcript (agents read them), and the consoles told of a handoff. The replies go out
 * through the channel, each send bounded, so a hanging channel never holds the conversation. A
 * conversation that asks for a person is remembered, so agents can reach it.
 * @example await adapter.process(req, res, botFrameworkTurn({ bot, runner, locks, conversations, own, logger }))
 */
export function botFrameworkTurn(deps: BotFrameworkTurnDeps) {
  const { bot, runner, locks, conversations, logger } = deps;
  return async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    // Any client of a channel can post events: a handoff's status comes only from Anxin's console
    // or the contact centre's signed `/api/v1/handoff/status`.
    if (a.type === ActivityTypes.Event && a.name?.startsWith('handoff.')) return;
    if (await deps.own.get(a.conversation.id)) {
      logger.warn({ channel: a.channelId }, "a Bot Framework caller named one of Anxin's own conversations");
      return;
    }
    const sent: Partial<Activity>[] = [];
    boundSends(
      context,
      (err) => logger.warn({ err: String(err), channel: a.channelId }, 'a send to the channel failed'),
      sent,
    );
    const text = a.type === ActivityTypes.Message ? a.text?.trim() : undefined;
    if (!text) {
      await locks.run(a.conversation.id, () => bot.run(context));
      return;
    }
    await runner.say({ id: a.conversation.id, channel: a.channelId }, text, a.id, async () => {
      try {
        await bot.run(context);
      } finally {
        // Recorded in the queue: agents must be able to reach it, even if the event's send failed.
        if (sent.some((s) => s.type === ActivityTypes.Event && s.name === 'handoff.initiate'))
          await conversations.remember(context);
      }
      return turnResultOf(context, sent);
    });
  };
}
