import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge/locale.js';
import { emptyReply, type Reply } from './reply.js';
import type { ShownReply } from './shownReply.js';
import type { TriageResult } from './triage/triage.js';
import { TURN } from './turnKeys.js';

/** Keep a use case's or a dialog's reply until the turn sends one message. */
export function queueReply(context: TurnContext, reply: Reply): void {
  const replies = (context.turnState.get(TURN.replies) as Reply[] | undefined) ?? [];
  replies.push(reply);
  context.turnState.set(TURN.replies, replies);
}

/** All replies of a turn as one: their paragraphs in order, the last one's buttons and decisions. */
export function takeReplies(context: TurnContext, locale: Locale, triage: TriageResult): Reply {
  const replies = (context.turnState.get(TURN.replies) as Reply[] | undefined) ?? [];
  const last = replies[replies.length - 1];
  if (!last) {
    const nothing = emptyReply(locale, triage.intent);
    nothing.meta.risk = triage.risk;
    return nothing;
  }
  const handoff = replies.find((r) => r.handoff)?.handoff;
  return {
    ...last,
    paragraphs: replies.flatMap((r) => r.paragraphs),
    citations: replies.flatMap((r) => r.citations),
    ...(handoff ? { handoff } : {}),
  };
}

/**
 * The Bot Framework message for a shown reply, for channels that speak activities; `channelData.anxin`
 * tells their clients what the turn decided (Anxin's own pipeline reads the ShownReply instead).
 */
export function toActivity(shown: ShownReply): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: shown.text,
    textFormat: 'markdown',
    locale: shown.locale,
    ...(shown.actions.length
      ? {
          suggestedActions: {
            to: [],
            actions: shown.actions.map((x) => ({ type: 'imBack', title: x.title, value: x.value })),
          },
        }
      : {}),
    channelData: {
      anxin: {
        ...shown.meta,
        citations: shown.citations,
        ...(shown.guardrail ? { guardrail: shown.guardrail } : {}),
      },
    },
  };
}
