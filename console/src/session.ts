import type { Agent, Locale } from './types.js';

const SESSION = 'anxin-console:session';
const LOCALE = 'anxin-console:locale';

/** Storage that may be refused (private mode, policies): then nothing is remembered. */
function store(kind: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

/**
 * The CSRF token is only given at login; kept for this tab (sessionStorage) so a reload keeps the
 * agent logged in. It is not a secret from this page's own scripts, and the cookie stays HttpOnly.
 */
export type Saved = { csrfToken: string; agent: Agent };

export function loadSession(): Saved | undefined {
  try {
    const s = JSON.parse(store('sessionStorage')?.getItem(SESSION) ?? 'null') as Saved | null;
    return s && typeof s.csrfToken === 'string' && s.agent ? s : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(s: Saved | undefined): void {
  const storage = store('sessionStorage');
  if (!storage) return;
  if (s) storage.setItem(SESSION, JSON.stringify(s));
  else storage.removeItem(SESSION);
}

export function loadLocale(): Locale {
  const saved = store('localStorage')?.getItem(LOCALE);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return /^zh/i.test(navigator.language) || !navigator.language ? 'zh-CN' : 'en';
}

export function saveLocale(locale: Locale): void {
  store('localStorage')?.setItem(LOCALE, locale);
}
