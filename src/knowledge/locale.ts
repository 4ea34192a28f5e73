export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** zh-CN for any text with Chinese characters (simplified or traditional), else en. */
export function detectLocale(text: string): Locale {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

/**
 * The language of one message, whatever the widget is set to: Chinese characters mean zh-CN, a
 * sentence of Latin words means en; anything shorter (a number, "ok", "rengong") keeps `preferred`.
 * @example messageLocale('my card was stolen, what now', 'zh-CN') // 'en'
 */
export function messageLocale(text: string, preferred: Locale): Locale {
  if (detectLocale(text) === 'zh-CN') return 'zh-CN';
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  return words.length >= 3 ? 'en' : preferred;
}
