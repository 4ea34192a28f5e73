/** What the guardrail found in an outgoing text that no allowed source vouches for. */
export type GuardrailVerdict = { ok: true } | { ok: false; offending: string[] };

const LINK =
  /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|org|gov|info|top|xyz|cc)(?:\/[^\s)）]*)?/gi;
// A run of 3+ digits that may be split by dashes or spaces, like a phone number is written.
const NUMBER = /(?<![\d*,])\+?\d{1,3}(?:,\d{3})+(?![\d*])|(?<![\d*,])\+?\d(?:[\d -]*\d)?(?![\d*]|,\d)/g;
// A unit after a number (or after a range "5000—8000") makes it a quantity, not a phone number.
const UNIT_AFTER =
  /^\s?-?(?:[-–—~至到]\s?[\d,.]+\s?)?(元|万|亿|千|百|余|多|起|家|人|名|位|份|张|年|月|日|天|期|次|个|条|笔|岁|%|％|倍|小时|分钟|yuan|rmb|years?|months?|days?|times|cases|people|gangs)/i;
const UNIT_BEFORE = /(¥|￥|rmb|cny|yuan)\s?$/i;
// Either end of a range ("5000到8000", "5,000-8,000") is an amount, not a phone number.
const RANGE_AFTER = /^\s?[-–—~至到]\s?\d/;
const RANGE_BEFORE = /\d\s?[-–—~至到]\s?$/;

const TIME_OF_DAY = /(?<!\d)\d{1,2}:\d{2}(?!\d)/g;

const digitsOf = (s: string) => s.replace(/\D/g, '');
const hostOf = (s: string) =>
  s
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .split('/')[0]
    ?.toLowerCase() ?? '';

/**
 * Checks every phone number and link in a text the bot is about to send against the allowed
 * ones (the official directory and the bank's own configured hotline). Masked echoes (with `*`)
 * pass; amounts, dates and percentages (followed by a unit) are not phone numbers.
 * @example new Guardrail(['12378', 'https://www.12321.cn']).check('请拨打 12378') // { ok: true }
 */
export class Guardrail {
  private readonly numbers: Set<string>;
  private readonly hosts: Set<string>;

  constructor(allowed: readonly string[]) {
    this.numbers = new Set(allowed.filter((a) => !/[a-z]/i.test(a)).map(digitsOf));
    this.hosts = new Set(allowed.filter((a) => /[a-z]/i.test(a)).map(hostOf));
  }

  check(text: string): GuardrailVerdict {
    const offending: string[] = [];
    for (const m of text.matchAll(LINK)) {
      if (!this.hosts.has(hostOf(m[0]))) offending.push(m[0]);
    }
    // Times of day (09:00-18:00) are not phone numbers either.
    const withoutLinks = text.replace(LINK, ' ').replace(TIME_OF_DAY, ' ');
    for (const m of withoutLinks.matchAll(NUMBER)) {
      const digits = digitsOf(m[0]);
      const start = m.index ?? 0;
      const after = withoutLinks.slice(start + m[0].length, start + m[0].length + 24);
      const before = withoutLinks.slice(Math.max(0, start - 5), start);
      const isQuantity =
        UNIT_AFTER.test(after) ||
        UNIT_BEFORE.test(before) ||
        RANGE_AFTER.test(after) ||
        RANGE_BEFORE.test(before);
      // Thousands separators (4,500) mark an amount; nobody writes a phone number that way.
      const isDate = /^(19|20)\d{2}(-\d{1,2}){0,2}$/.test(m[0].trim());
      if (digits.length < 3 || isQuantity || isDate || /,\d{3}/.test(m[0])) continue;
      if (!this.numbers.has(digits)) offending.push(m[0].trim());
    }
    return offending.length ? { ok: false, offending } : { ok: true };
  }
}
