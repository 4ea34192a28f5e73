import type { Article } from './article.js';
import { Bm25 } from './bm25.js';
import { CHUNK_WEIGHT, type Chunk } from './chunks.js';
import type { Tokenizer } from './tokenizer.js';
import type { VectorIndex } from './vectorIndex.js';

/**
 * How the four signals are fused. Chosen on one half of the eval set and checked on the other half
 * (README, "Retrieval quality"); the article-level signals carry most of the weight.
 */
export type FusionWeights = {
  vector: number;
  chunkLexical: number;
  articleLexical: number;
  articleVector: number;
};
export const FUSION: FusionWeights = {
  vector: 0.05,
  chunkLexical: 0.1,
  articleLexical: 0.2,
  articleVector: 0.65,
};
const VECTOR_CANDIDATES = 64;

/** One article's evidence for a query, each signal in 0..1. */
export type Signals = {
  /** Best weighted cosine among the article's chunks. */
  vector: number;
  /** Best weighted BM25 among the article's chunks, relative to the query's own self-score. */
  chunkLexical: number;
  /** BM25 of the whole article, relative to the best article's (so the best is 1). */
  articleLexical: number;
  /** Cosine between the query and the article's centroid (the mean vector of its questions, title and summary). */
  articleVector: number;
  /** The chunk that matched best by vector, for explanations (-1 when none). */
  matched: number;
};

export type ArticleHit = Signals & { article: Article; score: number; matchedText: string };

export type SearchOptions = { limit?: number; excludeChunk?: number };

/**
 * The articles of one locale with their indexes: HNSW over chunk vectors, BM25 over chunks, and
 * BM25 over whole articles, and article centroids. Ranks articles for a query by fusing the four.
 * @example const hits = await index.search('停息挂账靠谱吗')
 */
export class LocaleIndex {
  private readonly chunkBm25: Bm25;
  private readonly articleBm25: Bm25;
  /** Each article's BM25 of the query being searched, reused from query to query. */
  private readonly articleScores: Float64Array;

  constructor(
    readonly articles: readonly Article[],
    readonly chunks: readonly Chunk[],
    private readonly vectors: VectorIndex,
    private readonly centroids: readonly number[][],
    private readonly tokenizer: Tokenizer,
    private readonly embedQuery: (text: string) => Promise<number[]> | number[],
  ) {
    const chunkTerms = chunks.map((c) => tokenizer.terms(c.text));
    this.chunkBm25 = new Bm25(chunkTerms);
    const perArticle = articles.map(() => [] as string[]);
    chunks.forEach((c, i) => {
      perArticle[c.article]?.push(...(chunkTerms[i] ?? []));
    });
    this.articleBm25 = new Bm25(perArticle);
    this.articleScores = new Float64Array(articles.length);
  }

  /** Every signal for every article that has any evidence (article index → signals). */
  async signals(query: string, excludeChunk?: number): Promise<Map<number, Signals>> {
    const out = new Map<number, Signals>();
    const entry = (article: number) => {
      const e = out.get(article) ?? {
        vector: 0,
        chunkLexical: 0,
        articleLexical: 0,
        articleVector: 0,
        matched: -1,
      };
      out.set(article, e);
      return e;
    };
    const queryVector = await this.embedQuery(query);
    this.centroids.forEach((c, article) => {
      let dot = 0;
      for (let i = 0; i < c.length; i++) dot += (c[i] ?? 0) * (queryVector[i] ?? 0);
      if (dot > 0) entry(article).articleVector = dot;
    });
    for (const { label, similarity } of this.vectors.search(queryVector, VECTOR_CANDIDATES)) {
      const chunk = this.chunks[label];
      if (!chunk || label === excludeChunk) continue;
      const e = entry(chunk.article);
      const s = Math.max(0, similarity) * CHUNK_WEIGHT[chunk.kind];
      if (s > e.vector) {
        e.vector = s;
        e.matched = label;
      }
    }
    const terms = this.tokenizer.terms(query);
    const yardstick = this.chunkBm25.selfScore(terms) || 1;
    this.chunkBm25.forEachScore(terms, (label, raw) => {
      const chunk = this.chunks[label];
      if (!chunk || label === excludeChunk) return;
      const e = entry(chunk.article);
      e.chunkLexical = Math.max(e.chunkLexical, Math.min(1, (raw * CHUNK_WEIGHT[chunk.kind]) / yardstick));
    });
    let top = 0;
    const articleScores = this.articleScores;
    articleScores.fill(0);
    this.articleBm25.forEachScore(terms, (article, raw) => {
      articleScores[article] = raw;
      top = Math.max(top, raw);
    });
    if (top > 0)
      articleScores.forEach((raw, article) => {
        if (raw > 0) entry(article).articleLexical = raw / top;
      });
    return out;
  }

  async search(
    query: string,
    options: SearchOptions = {},
    weights: FusionWeights = FUSION,
  ): Promise<ArticleHit[]> {
    const hits: ArticleHit[] = [];
    for (const [article, s] of await this.signals(query, options.excludeChunk)) {
      hits.push({
        ...s,
        article: this.articles[article] as Article,
        score:
          weights.vector * s.vector +
          weights.chunkLexical * s.chunkLexical +
          weights.articleLexical * s.articleLexical +
          weights.articleVector * s.articleVector,
        matchedText: this.chunks[s.matched]?.text ?? '',
      });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, options.limit ?? 10);
  }
}
