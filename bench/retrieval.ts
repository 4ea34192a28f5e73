// Retrieval benchmark: latency, build/load time and memory on the real corpus, then recall and
// latency of the HNSW index on a synthetic corpus of 100,000 chunks. Prints figures and writes
// reports/bench-retrieval.json. `--chunks N` changes the synthetic size.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { loadEvalSets } from '../src/evaluation/evalSet.js';
import { chunkArticles } from '../src/knowledge/chunks.js';
import { loadContent } from '../src/knowledge/content.js';
import { KnowledgeIndex } from '../src/knowledge/knowledgeIndex.js';
import { LocalEmbeddings } from '../src/knowledge/localEmbeddings.js';
import { Tokenizer } from '../src/knowledge/tokenizer.js';
import { DEFAULT_HNSW, VectorIndex } from '../src/knowledge/vectorIndex.js';
import { percentile, rssMiB, seededRandom } from './stats.js';
import { syntheticChunks } from './syntheticCorpus.js';

const argv = process.argv.slice(2);
const scaleChunks = Number(argv[argv.indexOf('--chunks') + 1]) || 100_000;
const report: Record<string, unknown> = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

// 1. The real corpus.
const content = loadContent('content');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anxin-bench-'));
let t = performance.now();
await KnowledgeIndex.open({ content, dataDir, embeddings: { kind: 'local' } });
const buildMs = performance.now() - t;
t = performance.now();
const index = await KnowledgeIndex.open({ content, dataDir, embeddings: { kind: 'local' } });
const loadMs = performance.now() - t;
const queries = loadEvalSets('test/fixtures/eval').cases.map((c) => c.text);
// Warm up (JIT, caches), then start from a collected heap, as a server that has finished starting.
for (let round = 0; round < 3; round++) for (const q of queries) await index.search(q);
(globalThis as { gc?: () => void }).gc?.();
const latencies: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const q of queries) {
    const s = performance.now();
    await index.search(q);
    latencies.push(performance.now() - s);
  }
}
const real = {
  articles: content.articles.length,
  chunks: index.info.chunks,
  buildMs,
  loadMs,
  queries: latencies.length,
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
  rssMiB: rssMiB(),
};
report.real = real;
console.log(`real corpus: ${real.articles} articles, ${real.chunks} chunks`);
console.log(`  index build ${ms(buildMs)}, load ${ms(loadMs)}`);
console.log(
  `  query latency over ${real.queries} queries: p50 ${ms(real.p50Ms)}, p99 ${ms(real.p99Ms)}; RSS ${real.rssMiB} MiB`,
);
rmSync(dataDir, { recursive: true, force: true });

// 2. A synthetic corpus at scale, generated from the real one (see syntheticCorpus.ts). One locale's
// index (each locale has its own in production), queried with that locale's eval questions.
const tokenizer = new Tokenizer(content.dictionary);
const realChunks = chunkArticles(
  content.articles.filter((a) => a.locale === 'zh-CN'),
  content.directory,
);
const synthetic = syntheticChunks(realChunks, tokenizer, scaleChunks, seededRandom(7));
const embeddings = LocalEmbeddings.fit(
  realChunks.map((c) => c.text),
  tokenizer,
);
t = performance.now();
const vectors = synthetic.map((s) => embeddings.embed(s));
const embedMs = performance.now() - t;
t = performance.now();
const vectorIndex = VectorIndex.build(vectors, embeddings.state.dimensions);
const scaleBuildMs = performance.now() - t;
console.log(`synthetic corpus: ${scaleChunks} chunks, ${embeddings.state.dimensions} dimensions`);
console.log(
  `  embedding ${ms(embedMs)} (${((embedMs / scaleChunks) * 1000).toFixed(1)} µs/chunk), HNSW build ${ms(scaleBuildMs)} (m=${DEFAULT_HNSW.m}, efConstruction=${DEFAULT_HNSW.efConstruction})`,
);

const exact = new hnswlib.BruteforceSearch('ip', embeddings.state.dimensions);
exact.initIndex(scaleChunks);
vectors.forEach((v, i) => {
  exact.addPoint(v, i);
});
const zhQueries = queries.filter((q) => /\p{Script=Han}/u.test(q)).slice(0, 500);
const scaleQueries = zhQueries.map((q) => embeddings.embed(q));
const truth = scaleQueries.map((q) => new Set(exact.searchKnn(q, 10).neighbors));
const rows: Array<{ ef: number; recallAt10: number; p50Ms: number; p99Ms: number }> = [];
for (const ef of [64, 128, 256, 512]) {
  vectorIndex.setEf(ef);
  let found = 0;
  const lat: number[] = [];
  scaleQueries.forEach((q, i) => {
    const s = performance.now();
    const got = vectorIndex.search(q, 10);
    lat.push(performance.now() - s);
    found += got.filter((g) => truth[i]?.has(g.label)).length;
  });
  const row = {
    ef,
    recallAt10: found / (scaleQueries.length * 10),
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
  };
  rows.push(row);
  console.log(
    `  ef=${String(ef).padStart(3)}: recall@10 ${row.recallAt10.toFixed(3)}, search p50 ${ms(row.p50Ms)}, p99 ${ms(row.p99Ms)}`,
  );
}
// The whole query path at scale: embed the query, then search at the default ef.
vectorIndex.setEf(DEFAULT_HNSW.efSearch);
const full: number[] = [];
for (const q of zhQueries) {
  const s = performance.now();
  vectorIndex.search(embeddings.embed(q), 64);
  full.push(performance.now() - s);
}
const scale = {
  chunks: scaleChunks,
  embedMs,
  buildMs: scaleBuildMs,
  efSearch: DEFAULT_HNSW.efSearch,
  byEf: rows,
  queryP50Ms: percentile(full, 50),
  queryP99Ms: percentile(full, 99),
  rssMiB: rssMiB(),
};
report.scale = scale;
console.log(
  `  query path (embed + k=64 search, ef=${DEFAULT_HNSW.efSearch}): p50 ${ms(scale.queryP50Ms)}, p99 ${ms(scale.queryP99Ms)}; RSS ${scale.rssMiB} MiB`,
);

mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-retrieval.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('report: reports/bench-retrieval.json');
