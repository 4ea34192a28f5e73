import type { BankProfile, Directory } from './directory.js';
import type { Locale } from './locale.js';

/** `{{channel:<id>}}` or `{{bank:name|hotline|app}}`. */
export const TEMPLATE_REF = /\{\{\s*([a-z]+)\s*:\s*([a-z0-9-]+)\s*\}\}/gi;
export const BANK_FIELDS = ['name', 'hotline', 'app'] as const;

const neutralBank: Record<Locale, Record<(typeof BANK_FIELDS)[number], string>> = {
  'zh-CN': { name: '您的发卡银行', hotline: '您的发卡银行官方客服热线', app: '银行官方App' },
  en: {
    name: 'your bank',
    hotline: "your card-issuing bank's official customer service hotline",
    app: "your bank's official app",
  },
};

function bankText(field: string, locale: Locale, bank: BankProfile): string {
  const neutral = neutralBank[locale];
  if (field === 'name') return bank.name ?? neutral.name;
  if (field === 'app') return bank.appName ?? neutral.app;
  if (field === 'hotline') {
    if (!bank.hotline) return neutral.hotline;
    const who = bank.name ?? neutral.name;
    return locale === 'zh-CN'
      ? `${who}官方客服热线 ${bank.hotline}`
      : `${who}'s official hotline ${bank.hotline}`;
  }
  throw new Error(`unknown bank field "${field}"`);
}

/**
 * Replace directory and bank references with what the customer reads.
 * @example renderTemplate('拨打{{channel:12378}}', 'zh-CN', directory, {})
 */
export function renderTemplate(
  text: string,
  locale: Locale,
  directory: Directory,
  bank: BankProfile,
): string {
  return text.replace(TEMPLATE_REF, (_m, kind: string, ref: string) => {
    if (kind === 'channel') return directory.render(ref, locale);
    if (kind === 'bank') return bankText(ref, locale, bank);
    throw new Error(`unknown reference {{${kind}:${ref}}}`);
  });
}
