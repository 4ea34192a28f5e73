import type { Locale } from '../../knowledge/locale.js';
import { en } from './en.js';
import type { Replies } from './replies.js';
import { zhCN } from './zh-CN.js';

const BY_LOCALE: Record<Locale, Replies> = { 'zh-CN': zhCN, en };

/** The reply wording of one locale. @example repliesFor('en').welcome */
export function repliesFor(locale: Locale): Replies {
  return BY_LOCALE[locale];
}
