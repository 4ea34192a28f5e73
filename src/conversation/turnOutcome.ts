import type { Activity } from 'botbuilder';
import type { TurnMeta } from '../bot/reply.js';

/** What one turn said and decided, read from the activities the bot sent (CONTRACT §1 fields). */
export type TurnOutcome = TurnMeta & { reply: string; handoffEvent?: Record<string, unknown> };

/** Fold the activities of one turn into its outcome. */
export function turnOutcome(sent: Partial<Activity>[]): TurnOutcome {
  const messages = sent.filter((a) => a.type === 'message');
  const meta = [...messages].reverse().find((a) => a.channelData?.anxin)?.channelData?.anxin as
    | TurnMeta
    | undefined;
  const event = sent.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
  return {
    intent: meta?.intent ?? 'out-of-scope',
    topics: meta?.topics ?? [],
    articles: meta?.articles ?? [],
    confidence: Number((meta?.confidence ?? 0).toFixed(3)),
    risk: meta?.risk ?? 'none',
    redFlags: meta?.redFlags ?? [],
    handoff: meta?.handoff ?? false,
    refused: meta?.refused ?? false,
    reply: messages.map((a) => a.text ?? '').join('\n\n'),
    ...(event ? { handoffEvent: event as unknown as Record<string, unknown> } : {}),
  };
}
