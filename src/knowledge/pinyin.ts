import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

/**
 * Toneless pinyin of one Chinese character, memoised; homophone typos (挂帐/挂账, 头诉/投诉) share it.
 * @example syllable('诉') // 'su'
 */
export function syllable(char: string): string {
  let s = cache.get(char);
  if (s === undefined) {
    s = pinyin(char, { toneType: 'none', type: 'string' }) || char;
    cache.set(char, s);
  }
  return s;
}
