import type { Locale } from '../../knowledge/locale.js';
import { wechatWords } from './wechatWords.js';

/** WeChat shows about 2048 UTF-8 bytes of text; 2000 leaves room (a CJK character is 3 bytes). */
const DEFAULT_TEXT_LIMIT_BYTES = 2000;

const ANCHOR = /<a href="[^"]*">[\s\S]*?<\/a>/g;
// A Markdown link, or a bare https URL that is not already inside an href; CJK punctuation ends a URL.
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)|(?<!href=")https:\/\/[^\s<>"'\u3000-\u303f\uff00-\uffef]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;
const SENTENCE_END = /(?<=[。！？；，、!?;,\s])/u;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const anchor = (url: string, text: string): string => `<a href="${url}">${text}</a>`;

function linkify(text: string): string {
  return text.replace(LINK, (match, label?: string, url?: string) => {
    if (label !== undefined && url !== undefined)
      return url.startsWith('https://') ? anchor(url, label) : label;
    const tail = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const bare = match.slice(0, match.length - tail.length);
    return `${anchor(bare, bare)}${tail}`;
  });
}

/**
 * Bot Markdown as WeChat text: plain paragraphs, steps and bullets kept, emphasis dropped, https links
 * as `<a href>` (the only markup WeChat text shows).
 * @example toWechatText('**注意**：见 [官网](https://www.pbc.gov.cn)') // '注意：见 <a href="https://www.pbc.gov.cn">官网</a>'
 */
export function toWechatText(markdown: string): string {
  const plain = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^(\s*)\* /gm, '$1- ')
    // Emphasis only: the stars of a masked number (139****5678) are not Markdown.
    .replace(/(?<!\*)\*\*(?!\*)(.+?)(?<!\*)\*\*(?!\*)/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return linkify(plain);
}

/** Pieces no larger than `budget`: whole anchors, sentences, and code points only when a sentence is too long. */
function atoms(line: string, budget: number): string[] {
  const out: string[] = [];
  const pushText = (text: string) => {
    for (const sentence of text.split(SENTENCE_END)) {
      if (bytes(sentence) <= budget) out.push(sentence);
      else out.push(...Array.from(sentence));
    }
  };
  let last = 0;
  for (const m of line.matchAll(ANCHOR)) {
    pushText(line.slice(last, m.index));
    // An anchor longer than a whole page cannot be kept whole; only then is it cut.
    out.push(...(bytes(m[0]) <= budget ? [m[0]] : Array.from(m[0])));
    last = m.index + m[0].length;
  }
  pushText(line.slice(last));
  return out.filter((a) => a !== '');
}

/** Text cut into pieces that each fit `budget`, with the separator that went before each. */
function pieces(text: string, budget: number): { sep: string; text: string }[] {
  const out: { sep: string; text: string }[] = [];
  text.split(/\n{2,}/).forEach((paragraph, p) => {
    const lines = bytes(paragraph) <= budget ? [paragraph] : paragraph.split('\n');
    lines.forEach((line, l) => {
      const sep = l > 0 ? '\n' : p > 0 ? '\n\n' : '';
      const parts = bytes(line) <= budget ? [line] : atoms(line, budget);
      parts.forEach((part, a) => {
        out.push({ sep: a === 0 ? sep : '', text: part });
      });
    });
  });
  return out;
}

/**
 * Splits text into pages of at most `limitBytes` UTF-8 bytes, preferring paragraph, then line, then
 * sentence boundaries; never inside a character or an `<a>` tag. Every page but the last ends with `more`.
 * @example paginate(longAnswer, 2000, wechatWords['zh-CN'].more) // ['…\n\n回复 0 查看更多', '…']
 */
export function paginate(text: string, limitBytes = DEFAULT_TEXT_LIMIT_BYTES, more = ''): string[] {
  if (bytes(text) <= limitBytes) return [text];
  const suffix = more ? `\n\n${more}` : '';
  const budget = limitBytes - bytes(suffix);
  if (budget < 16) throw new Error(`A WeChat page of ${limitBytes} bytes leaves no room for text.`);
  const pages: string[] = [];
  let page = '';
  for (const { sep, text: piece } of pieces(text, budget)) {
    if (page === '') page = piece;
    else if (bytes(page + sep + piece) <= budget) page += sep + piece;
    else {
      pages.push(page);
      page = piece;
    }
  }
  pages.push(page);
  const trimmed = pages.map((p) => p.trim()).filter((p) => p !== '');
  return trimmed.map((p, i) => (i < trimmed.length - 1 ? p + suffix : p));
}

/**
 * Appends suggested actions as numbered options the customer answers with a number.
 * @example withOptions('还有问题吗？', ['转人工'], 'zh-CN') // '还有问题吗？\n\n回复数字：\n1. 转人工'
 */
export function withOptions(text: string, options: readonly string[], locale: Locale): string {
  if (options.length === 0) return text;
  const lines = options.map((option, i) => `${i + 1}. ${option}`);
  return `${text}\n\n${wechatWords[locale].chooseNumber}\n${lines.join('\n')}`;
}

function asciiDigits(input: string): string {
  return input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The option a customer picked by replying with its number (full-width digits too), if any.
 * @example pickOption('２', actions) // actions[1]
 */
export function pickOption<T>(input: string, options: readonly T[]): T | undefined {
  const text = asciiDigits(input);
  if (!/^\d{1,2}$/.test(text)) return undefined;
  return options[Number(text) - 1];
}

/**
 * Whether the customer asked for the next page ("0").
 * @example isMoreRequest('０') // true
 */
export function isMoreRequest(input: string): boolean {
  return asciiDigits(input) === '0';
}

/**
 * A bot reply as the WeChat pages to send: rendered, options appended, paginated with the continuation line.
 * @example wechatPages(reply.text, { options: titles, locale: 'zh-CN' })[0]
 */
export function wechatPages(
  markdown: string,
  {
    options = [],
    locale,
    limitBytes = DEFAULT_TEXT_LIMIT_BYTES,
  }: { options?: readonly string[]; locale: Locale; limitBytes?: number },
): string[] {
  return paginate(withOptions(toWechatText(markdown), options, locale), limitBytes, wechatWords[locale].more);
}
