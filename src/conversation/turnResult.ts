import type { Activity, TurnContext } from 'botbuilder';
import { type ShownReply, shownIn } from '../bot/shownReply.js';

/**
 * What one turn gave the customer, channel-neutral: the messages as shown (after the personal-data
 * and guardrail step), and the `handoff.initiate` event when the turn asked for a person. Channels
 * render the messages (HTML, WeChat text, activities); nothing parses them back out of activities.
 */
export type TurnResult = { messages: ShownReply[]; handoffEvent?: Record<string, unknown> };

/** A turn that showed nothing (a channel that could not be reached). */
export const NOTHING_SHOWN: TurnResult = { messages: [] };

/**
 * The result of a turn that ran in `context`; `sent` are the activities it sent (only the
 * handoff event is taken from them, as it went out).
 * @example const result = turnResultOf(context, sent)
 */
export function turnResultOf(context: TurnContext, sent: readonly Partial<Activity>[]): TurnResult {
  const event = sent.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
  return {
    messages: [...shownIn(context)],
    ...(event ? { handoffEvent: event as unknown as Record<string, unknown> } : {}),
  };
}
