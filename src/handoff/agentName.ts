import type { AgentAccount } from '../agents/ports.js';
import type { Locale } from '../knowledge/locale.js';

/**
 * The agent as the customer is told of them: "王芳（工号 1024）" or "Agent Wang Fang (staff no.
 * 1024)"; undefined for an account with neither name nor number, never the login name.
 * @example customerFacingName({ displayName: '王芳', staffNumber: '1024' }, 'zh-CN') // '王芳（工号 1024）'
 */
export function customerFacingName(
  account: Pick<AgentAccount, 'displayName' | 'staffNumber'>,
  locale: Locale,
): string | undefined {
  const { displayName: name, staffNumber: no } = account;
  if (!name && !no) return undefined;
  if (locale === 'en') return ['Agent', name, no && `(staff no. ${no})`].filter(Boolean).join(' ');
  if (!no) return name;
  return name ? `${name}（工号 ${no}）` : `工号 ${no}`;
}
