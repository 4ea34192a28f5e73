import { normalize } from './normalize.js';
import { syllable } from './pinyin.js';
import type { Tokenizer } from './tokenizer.js';

/** Relative weight of each kind of feature; tuned with `npm run eval`. */
export const FEATURE_WEIGHTS = {
  hanChar: 0.35,
  hanBigram: 1.0,
  hanTrigram: 0.7,
  pinyinBigram: 0.6,
  word: 1.0,
  enWord: 1.6,
  enTrigram: 0.45,
} as const;

/** Feature name → summed weight, before IDF. */
export type FeatureBag = Map<string, number>;

function add(bag: FeatureBag, key: string, weight: number): void {
  bag.set(key, (bag.get(key) ?? 0) + weight);
}

/**
 * The weighted surface features of a text: Chinese characters, character bigrams and trigrams,
 * toneless pinyin bigrams (homophone typos), jieba words, English words and their letter trigrams (typos).
 * @example extractFeatures('停息挂帐', tokenizer).has('py:gua zhang') // true
 */
export function extractFeatures(text: string, tokenizer: Tokenizer): FeatureBag {
  const bag: FeatureBag = new Map();
  const n = tokenizer.expand(normalize(text));
  const w = FEATURE_WEIGHTS;
  for (const run of n.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    const py = chars.map(syllable);
    chars.forEach((c, i) => {
      add(bag, `c:${c}`, w.hanChar);
      const next = chars[i + 1];
      if (next !== undefined) {
        add(bag, `b:${c}${next}`, w.hanBigram);
        add(bag, `py:${py[i]} ${py[i + 1]}`, w.pinyinBigram);
        const third = chars[i + 2];
        if (third !== undefined) add(bag, `t:${c}${next}${third}`, w.hanTrigram);
      }
    });
  }
  for (const token of tokenizer.tokens(n)) {
    if (token.han) {
      if ([...token.text].length > 1) add(bag, `w:${token.text}`, w.word);
      continue;
    }
    add(bag, `e:${token.text}`, w.enWord);
    const padded = `<${token.text}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add(bag, `g:${padded.slice(i, i + 3)}`, w.enTrigram);
  }
  return bag;
}
