import type { Middleware, TurnContext } from 'botbuilder';
import type { Locale } from '../../knowledge/locale.js';
import type { Logger } from '../../logger.js';
import type { Composer } from '../composer.js';
import type { Guardrail } from '../guardrail.js';
import { maskPii } from '../pii.js';

/**
 * The last check on every outgoing message: a phone number or link that is not in the directory
 * (or the bank's own) replaces the whole message with a safe fallback, and the event is logged.
 */
export class GuardrailMiddleware implements Middleware {
  constructor(
    private readonly guardrail: Guardrail,
    private readonly composer: Composer,
    private readonly logger: Logger,
    private readonly onReplaced: () => void = () => {},
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const a of activities) {
        if (a.type !== 'message') continue;
        const shown = [
          a.text ?? '',
          ...(a.suggestedActions?.actions ?? []).map((x) => `${x.title} ${x.value}`),
        ];
        const verdict = this.guardrail.check(shown.join('\n'));
        if (verdict.ok) continue;
        const locale: Locale = a.locale === 'en' ? 'en' : 'zh-CN';
        this.logger.warn(
          {
            conversation: context.activity.conversation?.id,
            offending: verdict.offending.map((o) => maskPii(o).text),
          },
          'guardrail replaced a reply',
        );
        this.onReplaced();
        a.text = this.composer.render(this.composer.replies(locale).safeFallback, locale);
        a.suggestedActions = undefined;
        a.channelData = {
          ...(a.channelData ?? {}),
          anxin: { ...(a.channelData?.anxin ?? {}), guardrail: 'replaced' },
        };
      }
      return sendNext();
    });
    await next();
  }
}
