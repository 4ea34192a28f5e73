import type { TurnContext } from 'botbuilder';
import { type Logger, logRef } from '../logger.js';
import type { Composer } from './composer.js';
import type { Guardrail } from './guardrail.js';
import { maskPii } from './pii.js';
import type { Reply } from './reply.js';
import type { ShownReply } from './shownReply.js';

/**
 * The one step every message the bot sends passes (answers, the welcome, handoff notices, on every
 * channel): personal data masked, then the guardrail — a phone number or link that is not in the
 * directory (or the bank's own) replaces the whole message with a safe fallback, and the event is
 * logged. What comes out is the channel-neutral message each channel renders.
 * @example const shown = step.reply(context, reply, composer.render(replyText(reply), reply.locale))
 */
export class OutgoingStep {
  constructor(
    private readonly guardrail: Guardrail,
    private readonly composer: Composer,
    private readonly logger: Logger,
    private readonly onReplaced: () => void = () => {},
  ) {}

  reply(context: TurnContext, reply: Reply, text: string): ShownReply {
    const shown: ShownReply = {
      locale: reply.locale,
      text: maskPii(text).text,
      actions: reply.actions,
      citations: reply.citations,
      meta: reply.meta,
    };
    const verdict = this.guardrail.check(
      [shown.text, ...shown.actions.map((x) => `${x.title} ${x.value}`)].join('\n'),
    );
    if (verdict.ok) return shown;
    this.logger.warn(
      {
        conversation: logRef(context.activity.conversation?.id),
        offending: verdict.offending.map((o) => maskPii(o).text),
      },
      'guardrail replaced a reply',
    );
    this.onReplaced();
    const fallback = this.composer.replies(reply.locale).safeFallback;
    return {
      ...shown,
      text: this.composer.render(fallback, reply.locale),
      actions: [],
      guardrail: 'replaced',
    };
  }
}
