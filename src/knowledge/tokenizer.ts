import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { dictionaryEntries } from './dictionary.js';
import { normalize } from './normalize.js';
import { Thesaurus } from './thesaurus.js';

const ZH_STOP = new Set(
  '的 了 吗 呢 吧 啊 呀 么 嘛 是 我 我们 你 您 他 她 它 这 那 这个 那个 就 都 也 还 在 有 和 与 或 被 把 给 让 对 从 到 要 会 能 可以 怎么 怎样 如何 什么 哪 哪里 为什么 一个 一下 现在 然后 但是 可是 请问 想 说 问 干嘛 干啥 啥 咋 咋办 怎么办 是不是 有没有 能不能 可不可以 会不会 哦 呗 啦 什么样 意思 知道 告诉 帮 帮我 一些 这种 那种 这样 那样 就是 还是 真的 到底'.split(
    ' ',
  ),
);
const EN_STOP = new Set(
  'a an the and or but if of to in on at for with by from as is are was were be been being am i me my we our you your he she it its they them their this that these those do does did can could should would will shall may might must have has had not no so what how why when where which who whom about into than then there here just please any some'.split(
    ' ',
  ),
);

/** Strip common English endings so "complaints", "complained" and "complaining" meet. */
function stem(word: string): string {
  if (word.length <= 4) return word.replace(/s$/, '');
  return word.replace(/(ies|ing|ed|es|s|ly)$/, (m) => (m === 'ies' ? 'y' : ''));
}

/** A token with the script it came from, so features can treat Chinese and English differently. */
export type Token = { text: string; han: boolean };

/**
 * Turns normalised text into words: jieba (with the domain dictionary) for Chinese, stemmed words for English.
 * @example new Tokenizer(domainDictionary).tokens(normalize('停息挂账靠谱吗')) // [{text:'停息挂账',han:true},{text:'靠谱',han:true}]
 */
export class Tokenizer {
  private readonly jieba: Jieba;

  constructor(
    domainDictionary: string,
    private readonly thesaurus: Thesaurus = new Thesaurus([]),
  ) {
    this.jieba = Jieba.withDict(dict);
    const entries = dictionaryEntries(domainDictionary);
    if (entries) this.jieba.loadDict(Buffer.from(entries));
  }

  /** Normalised text with what its colloquial words mean (content/thesaurus.yaml) added. */
  expand(normalized: string): string {
    return this.thesaurus.expand(normalized);
  }

  /** Words of already-normalised text, stop words removed. */
  tokens(normalized: string): Token[] {
    const out: Token[] = [];
    for (const run of normalized.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
      if (/\p{Script=Han}/u.test(run)) {
        for (const w of this.jieba.cut(run, true)) if (!ZH_STOP.has(w)) out.push({ text: w, han: true });
      } else if (!EN_STOP.has(run)) {
        out.push({ text: stem(run), han: false });
      }
    }
    return out;
  }

  /**
   * Normalise then tokenise, as an index and a query both go: the words plus Chinese character
   * bigrams, which still match when jieba cuts a misspelt or unknown phrase differently.
   */
  terms(text: string): string[] {
    const n = this.expand(normalize(text));
    const out = this.tokens(n).map((t) => t.text);
    for (const run of n.match(/\p{Script=Han}{2,}/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}_`);
    }
    return out;
  }
}
