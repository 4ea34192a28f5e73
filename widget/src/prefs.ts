import { load, save } from './safeStorage.js';
import type { Locale } from './types.js';

/** What the customer chose once and expects the widget to remember. */
export type Prefs = { locale?: Locale; largeText: boolean; privacySeen: boolean; open: boolean };

export function loadPrefs(): Prefs {
  const p = load<Partial<Prefs>>('prefs') ?? {};
  return {
    ...(p.locale === 'en' || p.locale === 'zh-CN' ? { locale: p.locale } : {}),
    largeText: p.largeText === true,
    privacySeen: p.privacySeen === true,
    open: p.open === true,
  };
}

export function savePrefs(prefs: Prefs): void {
  save('prefs', prefs);
}
