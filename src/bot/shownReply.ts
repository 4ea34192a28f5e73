import type { TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge/locale.js';
import type { Action } from './replies/replies.js';
import type { Citation, TurnMeta } from './reply.js';

/**
 * A message as the customer is shown it, on any channel: Markdown text after the personal-data and
 * guardrail step (see OutgoingStep), its buttons and citations, and what the turn decided.
 */
export type ShownReply = {
  locale: Locale;
  text: string;
  actions: Action[];
  citations: Citation[];
  meta: TurnMeta;
  /** Set when the guardrail replaced what the bot meant to say. */
  guardrail?: 'replaced';
};

const SHOWN = Symbol('anxin.shown');

/**
 * The messages the bot has shown in this turn, in order: the pipeline reads them as they are,
 * never back out of the activities.
 * @example shownIn(context).push(shown)
 */
export function shownIn(context: TurnContext): ShownReply[] {
  let shown = context.turnState.get(SHOWN) as ShownReply[] | undefined;
  if (!shown) {
    shown = [];
    context.turnState.set(SHOWN, shown);
  }
  return shown;
}
