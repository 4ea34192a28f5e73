import type { AgentAccount } from '../agents/ports.js';
import type { Locale } from '../knowledge/locale.js';

type Shown = Pick<AgentAccount, 'displayName' | 'staffNumber'>;

/**
 * The agent as the customer is told of them: "王芳（工号 1024）" or "Agent Wang Fang (staff no.
 * 1024)"; undefined for an account with neither name nor number, never the login name.
 * @example customerFacingName({ displayName: '王芳', staffNumber: '1024' }, 'zh-CN') // '王芳（工号 1024）'
 */
export function customerFacingName(account: Shown, locale: Locale): string | undefined {
  const { displayName: name, staffNumber: no } = account;
  if (!name && !no) return undefined;
  if (locale === 'en') return ['Agent', name, no && `(staff no. ${no})`].filter(Boolean).join(' ');
  if (!no) return name;
  return name ? `${name}（工号 ${no}）` : `工号 ${no}`;
}

/**
 * The name for the bot's "has joined" notice: the display name only. The bot's guardrail replaces
 * any text holding a number that the official directory does not list, so a staff number there
 * would cost the customer the whole notice; the widget shows it beside the notice instead.
 * @example noticeName({ displayName: '王芳', staffNumber: '1024' }, 'en') // 'Agent 王芳'
 */
export function noticeName(account: Shown, locale: Locale): string | undefined {
  const name = account.displayName;
  return name && !/\d/.test(name) ? customerFacingName({ displayName: name }, locale) : undefined;
}
