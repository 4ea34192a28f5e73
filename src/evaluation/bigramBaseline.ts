import type { Article } from '../knowledge/article.js';
import { Bm25 } from '../knowledge/bm25.js';

function bigrams(text: string): string[] {
  const chars = [...text.toLowerCase().replace(/\s+/g, ' ')];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * The baseline the eval compares against: plain BM25 over character bigrams of whole articles,
 * with no normalisation, no dictionary and no vectors.
 */
export class BigramBaseline {
  private readonly bm25: Bm25;

  constructor(private readonly articles: readonly Article[]) {
    this.bm25 = new Bm25(
      articles.map((a) => bigrams([a.title, ...a.questions, a.summary, a.body].join('\n'))),
    );
  }

  rank(query: string): Article[] {
    return [...this.bm25.search(bigrams(query))]
      .sort((a, b) => b[1] - a[1])
      .map(([i]) => this.articles[i] as Article);
  }
}
