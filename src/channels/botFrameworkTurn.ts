import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { AnxinBot } from '../bot/anxinBot.js';
import type { TurnLock } from '../http/keyedLock.js';
import type { BotFrameworkConversations } from './botFrameworkConversations.js';
import type { TurnRunner } from './web/turnRunner.js';

/**
 * An `/api/messages` turn, run as Anxin's own channels run theirs: one at a time per conversation,
 * the customer's message (masked) and the bot's replies kept in the transcript (agents read them),
 * and the consoles told of a handoff. The replies still go out through the channel. A conversation
 * that asks for a person is remembered, so agents can reach it.
 * @example await adapter.process(req, res, botFrameworkTurn(bot, runner, locks, conversations))
 */
export function botFrameworkTurn(
  bot: AnxinBot,
  runner: TurnRunner,
  locks: TurnLock,
  conversations: BotFrameworkConversations,
) {
  return async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    // Any client of a channel can post events: a handoff's status comes only from Anxin's console
    // or the contact centre's signed `/api/v1/handoff/status`.
    if (a.type === ActivityTypes.Event && a.name?.startsWith('handoff.')) return;
    const text = a.type === ActivityTypes.Message ? a.text?.trim() : undefined;
    if (!text) {
      await locks.run(a.conversation.id, () => bot.run(context));
      return;
    }
    await runner.say({ id: a.conversation.id, channel: a.channelId }, text, a.id, async () => {
      const sent: Partial<Activity>[] = [];
      context.onSendActivities(async (_context, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await bot.run(context);
      if (sent.some((s) => s.type === ActivityTypes.Event && s.name === 'handoff.initiate'))
        await conversations.remember(context);
      return sent;
    });
  };
}
