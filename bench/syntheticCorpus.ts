import type { Chunk } from '../src/knowledge/chunks.js';
import type { Tokenizer } from '../src/knowledge/tokenizer.js';

/**
 * A synthetic corpus at scale that still looks like the real one: for each article, a word-bigram
 * Markov chain trained on its chunks generates new, unique chunks of 8–60 words. Chunks cluster by
 * article (as a large knowledge base clusters by topic) without being copies of each other.
 */
export function syntheticChunks(
  chunks: readonly Chunk[],
  tokenizer: Tokenizer,
  count: number,
  random: () => number,
): string[] {
  const chains = new Map<number, Map<string, string[]>>();
  for (const c of chunks) {
    const words = ['<s>', ...tokenizer.tokens(c.text.toLowerCase()).map((t) => t.text), '</s>'];
    const chain = chains.get(c.article) ?? new Map<string, string[]>();
    for (let i = 0; i + 1 < words.length; i++) {
      const next = chain.get(words[i] as string) ?? [];
      next.push(words[i + 1] as string);
      chain.set(words[i] as string, next);
    }
    chains.set(c.article, chain);
  }
  const articles = [...chains.values()];
  const out: string[] = [];
  while (out.length < count) {
    const chain = articles[Math.floor(random() * articles.length)] as Map<string, string[]>;
    const length = 8 + Math.floor(random() * 52);
    const words: string[] = [];
    let word = '<s>';
    while (words.length < length) {
      const options = chain.get(word);
      const next = options?.[Math.floor(random() * options.length)];
      if (!next || next === '</s>') {
        word = '<s>';
        continue;
      }
      words.push(next);
      word = next;
    }
    out.push(words.join(/\p{Script=Han}/u.test(words[0] ?? '') ? '' : ' '));
  }
  return out;
}
