import type { Handoff, Locale } from '../types.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** Every word the widget itself shows or announces; one file per locale. */
export type Strings = {
  lang: string;
  launcher: string;
  launcherLabel: string;
  defaultTitle: string;
  subtitle: string;
  close: string;
  switchLocale: string;
  switchLocaleLabel: string;
  largeTextLabel: string;
  transcriptLabel: string;
  privacy: string;
  privacyDismiss: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  talkToPerson: string;
  who: { customer: string; bot: string; agent: string; system: string };
  typing: { bot: string; agent: string };
  sending: string;
  notSent: string;
  resend: string;
  citation(title: string, reviewed: string): string;
  helpfulQuestion: string;
  helpful: string;
  notHelpful: string;
  feedbackThanks: string;
  handoff(h: Handoff): string;
  rateLimited(seconds: number): string;
  down: string;
  retry: string;
  rejected: string;
  restarted: string;
  newLanguage: string;
  connecting: string;
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'en' ? en : zhCN;
}

/** What to tell the customer about a failed call: plain words, never a status code or a server message. */
export function problemText(t: Strings, kind: string, retryAfterS: number): string {
  if (kind === 'busy') return t.rateLimited(retryAfterS);
  if (kind === 'rejected') return t.rejected;
  return t.down;
}
