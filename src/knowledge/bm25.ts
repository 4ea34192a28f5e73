/**
 * Okapi BM25 over pre-tokenised documents, with an inverted index so a query touches only the
 * documents that share a term.
 * @example const bm25 = new Bm25(docs.map(words)); bm25.search(words(query))
 */
export class Bm25 {
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private readonly lengths: number[];
  private readonly avgLength: number;

  constructor(
    documents: string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.lengths = documents.map((d) => d.length);
    this.avgLength = this.lengths.reduce((s, l) => s + l, 0) / Math.max(1, documents.length) || 1;
    documents.forEach((terms, doc) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const list = this.postings.get(t) ?? [];
        list.push([doc, n]);
        this.postings.set(t, list);
      }
    });
  }

  get size(): number {
    return this.lengths.length;
  }

  /**
   * The score a document made of exactly the query's terms would get, counting terms the corpus has
   * never seen at the highest IDF: the yardstick that makes a score comparable across queries.
   */
  selfScore(queryTerms: string[]): number {
    const n = this.lengths.length;
    const terms = new Set(queryTerms);
    const norm = this.k1 * (1 - this.b + (this.b * terms.size) / this.avgLength);
    let total = 0;
    for (const term of terms) {
      const df = this.postings.get(term)?.length ?? 0;
      total += (Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (this.k1 + 1)) / (1 + norm);
    }
    return total;
  }

  /** Scores of every document sharing a term with the query (document index → score). */
  search(queryTerms: string[]): Map<number, number> {
    const scores = new Map<number, number>();
    const n = this.lengths.length;
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [doc, tf] of list) {
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm));
      }
    }
    return scores;
  }
}
