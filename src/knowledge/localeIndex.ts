import type { Article } from './article.js';
import { Bm25 } from './bm25.js';
import { CHUNK_WEIGHT, type Chunk } from './chunks.js';
import type { Tokenizer } from './tokenizer.js';
import type { VectorIndex } from './vectorIndex.js';

/** Weight of the vector side in the fused score (the lexical side gets the rest); tuned with `npm run eval`. */
export const VECTOR_WEIGHT = 0.6;
const VECTOR_CANDIDATES = 64;

/** One article's evidence for a query. */
export type ArticleHit = {
  article: Article;
  /** Best weighted cosine among the article's chunks, 0..1. */
  vector: number;
  /** Best weighted BM25 among the article's chunks, relative to the query's own self-score, 0..1. */
  lexical: number;
  /** The fused score the ranking uses. */
  score: number;
  /** The chunk that matched best, for explanations. */
  matched: string;
};

export type SearchOptions = { limit?: number; excludeChunk?: number };

/**
 * The articles of one locale with their lexical and vector indexes; ranks articles for a query.
 * @example const hits = await index.search('停息挂账靠谱吗')
 */
export class LocaleIndex {
  private readonly bm25: Bm25;

  constructor(
    readonly articles: readonly Article[],
    readonly chunks: readonly Chunk[],
    private readonly vectors: VectorIndex,
    private readonly tokenizer: Tokenizer,
    private readonly embedQuery: (text: string) => Promise<number[]> | number[],
  ) {
    this.bm25 = new Bm25(chunks.map((c) => tokenizer.words(c.text)));
  }

  async search(query: string, options: SearchOptions = {}): Promise<ArticleHit[]> {
    const vector = await this.embedQuery(query);
    const best = new Map<number, { vector: number; lexical: number; matched: number }>();
    const entry = (article: number) => {
      let e = best.get(article);
      if (!e) best.set(article, (e = { vector: 0, lexical: 0, matched: -1 }));
      return e;
    };
    for (const { label, similarity } of this.vectors.search(vector, VECTOR_CANDIDATES)) {
      const chunk = this.chunks[label];
      if (!chunk || label === options.excludeChunk) continue;
      const e = entry(chunk.article);
      const s = Math.max(0, similarity) * CHUNK_WEIGHT[chunk.kind];
      if (s > e.vector) {
        e.vector = s;
        e.matched = label;
      }
    }
    const terms = this.tokenizer.words(query);
    const lexical = this.bm25.search(terms);
    const yardstick = this.bm25.selfScore(terms);
    for (const [label, raw] of lexical) {
      const chunk = this.chunks[label];
      if (!chunk || label === options.excludeChunk) continue;
      const e = entry(chunk.article);
      e.lexical = Math.max(e.lexical, Math.min(1, (raw * CHUNK_WEIGHT[chunk.kind]) / yardstick));
    }
    const hits: ArticleHit[] = [];
    for (const [article, e] of best) {
      hits.push({
        article: this.articles[article] as Article,
        vector: e.vector,
        lexical: e.lexical,
        score: VECTOR_WEIGHT * e.vector + (1 - VECTOR_WEIGHT) * e.lexical,
        matched: this.chunks[e.matched]?.text ?? '',
      });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, options.limit ?? 10);
  }
}
