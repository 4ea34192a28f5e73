import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { articleKey } from './article.js';
import type { KnowledgeIndex } from './knowledgeIndex.js';
import type { Locale } from './locale.js';

/** What each retrieved Document carries besides its text (the article's summary). */
export type ArticleMetadata = {
  articleId: string;
  key: string;
  locale: Locale;
  title: string;
  topics: string[];
  score: number;
  /** Calibrated confidence (0..1) that the best article answers the query; the same on every Document of one call. */
  confidence: number;
};

export type HybridRetrieverInput = BaseRetrieverInput & {
  index: KnowledgeIndex;
  k?: number;
  locale?: Locale;
};

/**
 * LangChain retriever that fuses the HNSW vector index and BM25 over the curated articles.
 * @example const docs = await new HybridRetriever({ index }).invoke('停息挂账靠谱吗')
 */
export class HybridRetriever extends BaseRetriever<ArticleMetadata> {
  static override lc_name() {
    return 'HybridRetriever';
  }
  override lc_namespace = ['anxin', 'knowledge'];
  private readonly index: KnowledgeIndex;
  private readonly k: number;
  private readonly locale: Locale | undefined;

  constructor(fields: HybridRetrieverInput) {
    super(fields);
    this.index = fields.index;
    this.k = fields.k ?? 5;
    this.locale = fields.locale;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<ArticleMetadata>[]> {
    const { hits, confidence } = await this.index.search(query, { locale: this.locale, limit: this.k });
    return hits.map(
      (h) =>
        new Document<ArticleMetadata>({
          pageContent: h.article.summary,
          metadata: {
            articleId: h.article.id,
            key: articleKey(h.article),
            locale: h.article.locale,
            title: h.article.title,
            topics: h.article.topics,
            score: h.score,
            confidence,
          },
        }),
    );
  }
}
