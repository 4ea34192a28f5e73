import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Fold the ways customers type the same words into one form: full-width to half-width (NFKC),
 * traditional to simplified, lower case, punctuation and symbols to spaces.
 * @example normalize('停息掛賬，ＯＫ嗎？') // '停息挂账 ok吗'
 */
export function normalize(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}
