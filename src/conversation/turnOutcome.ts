import type { TurnMeta } from '../bot/reply.js';
import type { TurnResult } from './turnResult.js';

/** What one turn said and decided (CONTRACT §1 fields), with its handoff event when it asked for a person. */
export type TurnOutcome = TurnMeta & { reply: string; handoffEvent?: Record<string, unknown> };

/**
 * Fold a turn's result into its outcome: the last message's decisions, every message's text.
 * @example const { intent, reply } = turnOutcome(await channel.say('c1', '停息挂账靠谱吗'))
 */
export function turnOutcome(result: TurnResult): TurnOutcome {
  const meta = result.messages.at(-1)?.meta;
  return {
    intent: meta?.intent ?? 'out-of-scope',
    topics: meta?.topics ?? [],
    articles: meta?.articles ?? [],
    confidence: Number((meta?.confidence ?? 0).toFixed(3)),
    risk: meta?.risk ?? 'none',
    redFlags: meta?.redFlags ?? [],
    handoff: meta?.handoff ?? false,
    refused: meta?.refused ?? false,
    reply: result.messages.map((m) => m.text).join('\n\n'),
    ...(result.handoffEvent ? { handoffEvent: result.handoffEvent } : {}),
  };
}
