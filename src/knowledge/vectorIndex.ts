import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

/** HNSW parameters; `efSearch` (for large indexes, see efFor) trades recall for speed at query time. */
export type HnswParams = { m: number; efConstruction: number; efSearch: number };
export const DEFAULT_HNSW: HnswParams = { m: 32, efConstruction: 200, efSearch: 512 };

/**
 * The search breadth for an index of this size: a knowledge base of a few thousand chunks is
 * searched exhaustively enough at 128 (a test checks it against exact search); the configured,
 * larger value pays off only at scale (bench:retrieval measures recall at 100,000 chunks).
 */
function efFor(size: number, efSearch: number): number {
  return size <= 20_000 ? Math.min(128, efSearch) : efSearch;
}

/**
 * Approximate nearest neighbours (inner product on unit vectors = cosine) on hnswlib-node.
 * Labels are positions in the caller's chunk list.
 * @example const index = VectorIndex.build(vectors); index.search(queryVector, 10)
 */
export class VectorIndex {
  private constructor(
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {}

  static build(vectors: number[][], dimensions: number, params: HnswParams = DEFAULT_HNSW): VectorIndex {
    const hnsw = new HierarchicalNSW('ip', dimensions);
    hnsw.initIndex({
      maxElements: Math.max(1, vectors.length),
      m: params.m,
      efConstruction: params.efConstruction,
      randomSeed: 42,
    });
    vectors.forEach((v, label) => {
      hnsw.addPoint(v, label);
    });
    hnsw.setEf(efFor(vectors.length, params.efSearch));
    return new VectorIndex(hnsw, dimensions);
  }

  static load(file: string, dimensions: number, efSearch = DEFAULT_HNSW.efSearch): VectorIndex {
    const hnsw = new HierarchicalNSW('ip', dimensions);
    hnsw.readIndexSync(file);
    hnsw.setEf(efFor(hnsw.getCurrentCount(), efSearch));
    return new VectorIndex(hnsw, dimensions);
  }

  save(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  setEf(ef: number): void {
    this.hnsw.setEf(ef);
  }

  /** The stored vector of one label. */
  vector(label: number): number[] {
    return this.hnsw.getPoint(label);
  }

  /** The k nearest labels with cosine similarity, best first. */
  search(vector: number[], k: number): Array<{ label: number; similarity: number }> {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(vector, n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
