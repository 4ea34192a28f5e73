import type { Guardrail } from './guardrail.js';
import { maskPii } from './pii.js';

/**
 * The outgoing step for a person's words (an agent's message to the customer): personal data
 * masked as in every bot reply, and a number or link the directory does not list masked too. A
 * person's message is never swapped for the bot's fallback, as a bot reply would be: only the
 * contact goes.
 * @example new PersonScreen(guardrail).screen('请拨打 021-55501234') // '请拨打 ***-********'
 */
export class PersonScreen {
  constructor(private readonly guardrail: Guardrail) {}

  screen(text: string): string {
    let shown = maskPii(text).text;
    const verdict = this.guardrail.check(shown);
    if (verdict.ok) return shown;
    for (const offending of verdict.offending) shown = shown.split(offending).join(blank(offending));
    return shown;
  }
}

/** Every letter and digit starred, separators kept, so the customer sees where a contact was. */
const blank = (s: string) => s.replace(/[\p{L}\p{N}]/gu, '*');
