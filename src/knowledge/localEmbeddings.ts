import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { extractFeatures, type FeatureBag } from './features.js';
import type { Tokenizer } from './tokenizer.js';

/** What a fitted LocalEmbeddings needs to be rebuilt exactly: its size and the corpus IDF. */
export type LocalEmbeddingsState = {
  dimensions: number;
  documents: number;
  documentFrequency: Record<string, number>;
};

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * Local embeddings that need no network and no model: weighted, IDF-scaled features hashed
 * (with a sign hash) into a fixed-size, unit-length vector. Deterministic for a given state.
 * @example const e = LocalEmbeddings.fit(texts, tokenizer); const v = await e.embedQuery('停息挂账靠谱吗')
 */
export class LocalEmbeddings implements EmbeddingsInterface {
  static readonly VERSION = 'local-hash-v1';
  private readonly idf: Map<string, number>;
  private readonly unseenIdf: number;

  constructor(
    private readonly tokenizer: Tokenizer,
    readonly state: LocalEmbeddingsState,
  ) {
    const n = state.documents;
    this.idf = new Map(
      Object.entries(state.documentFrequency).map(([f, df]) => [f, Math.log((n + 1) / (df + 1)) + 1]),
    );
    this.unseenIdf = Math.log(n + 1) + 1;
  }

  /** Learn document frequencies from the corpus, so common words weigh less. */
  static fit(texts: string[], tokenizer: Tokenizer, dimensions = 256): LocalEmbeddings {
    const documentFrequency: Record<string, number> = {};
    for (const t of texts) {
      for (const f of extractFeatures(t, tokenizer).keys())
        documentFrequency[f] = (documentFrequency[f] ?? 0) + 1;
    }
    return new LocalEmbeddings(tokenizer, { dimensions, documents: texts.length, documentFrequency });
  }

  /** Identifies the embedding function, so an index built with another one is never reused. */
  get id(): string {
    return `${LocalEmbeddings.VERSION}-d${this.state.dimensions}`;
  }

  /** The vector, synchronously: retrieval's hot path needs no promise. */
  embed(text: string): number[] {
    return this.vectorOf(extractFeatures(text, this.tokenizer));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  private vectorOf(bag: FeatureBag): number[] {
    const dims = this.state.dimensions;
    const v = new Float64Array(dims);
    for (const [feature, weight] of bag) {
      const idf = this.idf.get(feature) ?? this.unseenIdf;
      // Sublinear in repetition: a word said three times is not three times the evidence.
      const value = weight ** 0.7 * idf;
      const bucket = fnv1a(feature, 2166136261) % dims;
      const sign = fnv1a(feature, 374761393) & 1 ? 1 : -1;
      v[bucket] = (v[bucket] ?? 0) + sign * value;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }
}
