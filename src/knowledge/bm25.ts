/** One term's postings: the documents holding it and each one's BM25 term weight before IDF. */
type Postings = { docs: Int32Array; weights: Float64Array };

/**
 * Okapi BM25 over pre-tokenised documents, with an inverted index so a query touches only the
 * documents that share a term. Postings are typed arrays with each document's term weight worked
 * out once, and scores gather in one reused buffer: a query allocates almost nothing.
 * @example const bm25 = new Bm25(docs.map(words)); bm25.search(words(query))
 */
export class Bm25 {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    documents: string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.lengths = documents.map((d) => d.length);
    this.avgLength = this.lengths.reduce((s, l) => s + l, 0) / Math.max(1, documents.length) || 1;
    const lists = new Map<string, Array<[doc: number, tf: number]>>();
    documents.forEach((terms, doc) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const list = lists.get(t) ?? [];
        list.push([doc, n]);
        lists.set(t, list);
      }
    });
    for (const [term, list] of lists) {
      const docs = Int32Array.from(list, ([doc]) => doc);
      const weights = Float64Array.from(list, ([doc, tf]) => {
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.avgLength);
        return (tf * (this.k1 + 1)) / (tf + norm);
      });
      this.postings.set(term, { docs, weights });
    }
    this.scores = new Float64Array(documents.length);
    this.touched = new Int32Array(documents.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  private idf(df: number): number {
    const n = this.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The score a document made of exactly the query's terms would get, counting terms the corpus has
   * never seen at the highest IDF: the yardstick that makes a score comparable across queries.
   */
  selfScore(queryTerms: string[]): number {
    const terms = new Set(queryTerms);
    const norm = this.k1 * (1 - this.b + (this.b * terms.size) / this.avgLength);
    let total = 0;
    for (const term of terms)
      total += (this.idf(this.postings.get(term)?.docs.length ?? 0) * (this.k1 + 1)) / (1 + norm);
    return total;
  }

  /** Calls `each` with every document sharing a term with the query and its score, in no order. */
  forEachScore(queryTerms: string[], each: (doc: number, score: number) => void): void {
    const { scores, touched } = this;
    let count = 0;
    for (const term of new Set(queryTerms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(p.docs.length);
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i] as number;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] = (scores[doc] as number) + idf * (p.weights[i] as number);
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      each(doc, scores[doc] as number);
      scores[doc] = 0;
    }
  }

  /** Scores of every document sharing a term with the query (document index → score). */
  search(queryTerms: string[]): Map<number, number> {
    const out = new Map<number, number>();
    this.forEachScore(queryTerms, (doc, score) => out.set(doc, score));
    return out;
  }
}
