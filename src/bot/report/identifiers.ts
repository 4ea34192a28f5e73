import type { Identifier } from './agencyReport.js';

const URL =
  /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|top|xyz|cc|info|vip|shop)(?:\/[^\s，。]*)?/gi;
const PHONE =
  /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8}|400[ -]?\d{3}[ -]?\d{4})(?!\d)/g;
const WECHAT = /(?:微信号?|vx|v信|wx|wechat(?: id)?|weixin|薇信|威信)\s*[:：]?\s*([a-z][a-z0-9_-]{5,19})/gi;
const QQ = /(?:qq|扣扣)\s*(?:号)?\s*[:：]?\s*(\d{5,11})/gi;

/**
 * Pull an agency's identifiers out of what the customer typed, normalised: phone numbers as
 * digits without +86, WeChat IDs and links in lower case, links without scheme or `www.`.
 * Whatever is left, if anything, is kept as a shop or account name.
 * @example extractIdentifiers('微信 Abc_123456，电话 138-0013-8000')
 */
export function extractIdentifiers(text: string): Identifier[] {
  const found: Identifier[] = [];
  let rest = text.normalize('NFKC');
  const take = (pattern: RegExp, kind: Identifier['kind'], norm: (m: RegExpMatchArray) => string) => {
    for (const m of rest.matchAll(pattern)) found.push({ kind, value: norm(m) });
    rest = rest.replace(pattern, ' ');
  };
  take(URL, 'url', (m) =>
    m[0]
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, ''),
  );
  take(WECHAT, 'wechat', (m) => (m[1] ?? '').toLowerCase());
  take(QQ, 'qq', (m) => m[1] ?? '');
  take(PHONE, 'phone', (m) => (m[1] ?? '').replace(/\D/g, ''));
  const name = rest
    .replace(
      /(电话|手机|号码|账号|帐号|店铺|名字|叫|是|phone|number|account|shop|name|called)\s*[:：]?/gi,
      ' ',
    )
    .replace(/[\s,，、;；。.]+/g, ' ')
    .trim();
  if (name.length >= 2) found.push({ kind: 'name', value: name.slice(0, 60) });
  const seen = new Set<string>();
  return found.filter((i) => {
    const key = `${i.kind}:${i.value}`;
    if (!i.value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
