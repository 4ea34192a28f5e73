import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from './article.js';
import { type Calibration, confidence, confidenceFeatures, fitCalibration } from './calibration.js';
import { type Chunk, chunkArticles } from './chunks.js';
import type { Content } from './content.js';
import { contentHash, sourceFingerprint } from './contentHash.js';
import type { EmbeddingsChoice } from './embeddingsProvider.js';
import { FEATURE_WEIGHTS } from './features.js';
import { NO_ARTICLE_INTENTS } from './intentExamples.js';
import { LocalEmbeddings, type LocalEmbeddingsState } from './localEmbeddings.js';
import { detectLocale, LOCALES, type Locale } from './locale.js';
import { type ArticleHit, FUSION, LocaleIndex } from './localeIndex.js';
import { Thesaurus } from './thesaurus.js';
import { Tokenizer } from './tokenizer.js';
import { DEFAULT_HNSW, VectorIndex } from './vectorIndex.js';

const INDEX_VERSION = 1;

type Manifest = {
  version: number;
  hash: string;
  embeddingsId: string;
  dimensions: number;
  calibration: Calibration;
  local?: LocalEmbeddingsState;
  builtAt: string;
};

/** The answer to a search: ranked articles and how sure the retriever is of the first. */
export type SearchResult = { locale: Locale; hits: ArticleHit[]; confidence: number };

export type OpenOptions = {
  content: Content;
  dataDir: string;
  embeddings: EmbeddingsChoice;
  persist?: boolean;
};

/**
 * The whole knowledge index, one LocaleIndex per locale, persisted under `DATA_DIR/index/<hash>`
 * and rebuilt only when the content, the embeddings or the parameters change.
 * @example const index = await KnowledgeIndex.open({ content, dataDir: 'data', embeddings: { kind: 'local' } })
 */
export class KnowledgeIndex {
  private constructor(
    readonly content: Content,
    private readonly byLocale: ReadonlyMap<Locale, LocaleIndex>,
    readonly calibration: Calibration,
    readonly info: { hash: string; source: 'built' | 'loaded'; millis: number; chunks: number },
    /** The domain-aware tokenizer, shared with triage's classifier. */
    readonly tokenizer: Tokenizer,
  ) {}

  static async open(options: OpenOptions): Promise<KnowledgeIndex> {
    const started = performance.now();
    const { content, embeddings } = options;
    const tokenizer = new Tokenizer(content.dictionary, new Thesaurus(content.thesaurus));
    const embeddingsId = embeddings.kind === 'local' ? LocalEmbeddings.VERSION : embeddings.id;
    const hash = contentHash(content.dir, [
      INDEX_VERSION,
      sourceFingerprint(),
      embeddingsId,
      DEFAULT_HNSW,
      FEATURE_WEIGHTS,
      FUSION,
    ]);
    const root = path.join(options.dataDir, 'index');
    const dir = path.join(root, hash.slice(0, 16));
    const articles = new Map(
      LOCALES.map((l) => [
        l,
        content.articles.filter((a) => a.locale === l).sort((a, b) => a.id.localeCompare(b.id)),
      ]),
    );
    const chunks = new Map(LOCALES.map((l) => [l, chunkArticles(articles.get(l) ?? [], content.directory)]));
    const chunkCount = [...chunks.values()].reduce((s, c) => s + c.length, 0);

    const manifest = readManifest(dir, hash);
    const embed = embedderFor(
      embeddings,
      tokenizer,
      manifest?.local ??
        (embeddings.kind === 'local'
          ? LocalEmbeddings.fit(
              [...chunks.values()].flat().map((c) => c.text),
              tokenizer,
            ).state
          : undefined),
    );
    const vectorIndexes = new Map<Locale, VectorIndex>();
    const byLocale = new Map<Locale, LocaleIndex>();
    for (const l of LOCALES) {
      const localeChunks = chunks.get(l) ?? [];
      const vectorIndex = manifest
        ? VectorIndex.load(path.join(dir, `${l}.hnsw`), manifest.dimensions)
        : await buildVectors(localeChunks, embed);
      vectorIndexes.set(l, vectorIndex);
      const centroidsOf = centroids(localeChunks, vectorIndex);
      byLocale.set(
        l,
        new LocaleIndex(
          articles.get(l) ?? [],
          localeChunks,
          vectorIndex,
          centroidsOf,
          tokenizer,
          embed.query,
        ),
      );
    }
    if (manifest) {
      return new KnowledgeIndex(
        content,
        byLocale,
        manifest.calibration,
        {
          hash,
          source: 'loaded',
          millis: performance.now() - started,
          chunks: chunkCount,
        },
        tokenizer,
      );
    }
    const calibration = await calibrate(byLocale, content);
    if (options.persist !== false) {
      const m: Manifest = {
        version: INDEX_VERSION,
        hash,
        embeddingsId,
        dimensions: vectorIndexes.get('zh-CN')?.dimensions ?? 0,
        calibration,
        local: embed.state,
        builtAt: new Date().toISOString(),
      };
      persist(root, dir, m, vectorIndexes);
    }
    return new KnowledgeIndex(
      content,
      byLocale,
      calibration,
      {
        hash,
        source: 'built',
        millis: performance.now() - started,
        chunks: chunkCount,
      },
      tokenizer,
    );
  }

  /** Articles of one locale (the query's, unless given). */
  articles(locale: Locale): readonly Article[] {
    return this.byLocale.get(locale)?.articles ?? [];
  }

  async search(query: string, options: { locale?: Locale; limit?: number } = {}): Promise<SearchResult> {
    const locale = options.locale ?? detectLocale(query);
    const index = this.byLocale.get(locale);
    const hits = index ? await index.search(query, { limit: options.limit ?? 10 }) : [];
    return { locale, hits, confidence: confidence(hits, this.calibration) };
  }
}

/** Each article's unit-length mean vector of its questions, title and summary (prose sections blur it), read back from the index so loading needs no re-embedding. */
function centroids(chunks: readonly Chunk[], index: VectorIndex): number[][] {
  const sums: number[][] = [];
  chunks.forEach((c, label) => {
    if (c.kind === 'section') return;
    const v = index.vector(label);
    const sum = sums[c.article] ?? new Array<number>(v.length).fill(0);
    sums[c.article] = sum;
    v.forEach((x, i) => {
      sum[i] = (sum[i] ?? 0) + x;
    });
  });
  return sums.map((sum) => {
    const norm = Math.sqrt(sum.reduce((s, x) => s + x * x, 0)) || 1;
    return sum.map((x) => x / norm);
  });
}

async function buildVectors(chunks: readonly Chunk[], embed: Embedder): Promise<VectorIndex> {
  const vectors = await embed.documents(chunks.map((c) => c.text));
  const dimensions = vectors[0]?.length ?? 1;
  return VectorIndex.build(vectors, dimensions);
}

type Embedder = {
  state?: LocalEmbeddingsState;
  query: (text: string) => Promise<number[]> | number[];
  documents: (texts: string[]) => Promise<number[][]>;
};

function embedderFor(
  choice: EmbeddingsChoice,
  tokenizer: Tokenizer,
  state: LocalEmbeddingsState | undefined,
): Embedder {
  if (choice.kind === 'plugged') {
    const e = choice.embeddings;
    return { query: (t) => e.embedQuery(t), documents: (ts) => e.embedDocuments(ts) };
  }
  if (!state) throw new Error('local embeddings need their fitted state');
  const local = new LocalEmbeddings(tokenizer, state);
  return {
    state,
    query: (t) => local.embed(t),
    documents: async (ts) => ts.map((t) => local.embed(t)),
  };
}

/**
 * Leave-one-out over the articles' own questions (without itself, would each find an article on its topic?),
 * plus greetings and out-of-scope examples, which no article should answer.
 */
async function calibrate(byLocale: ReadonlyMap<Locale, LocaleIndex>, content: Content): Promise<Calibration> {
  const samples: Array<{ features: number[]; correct: boolean }> = [];
  for (const [locale, index] of byLocale) {
    for (const intent of NO_ARTICLE_INTENTS) {
      for (const text of content.intents[intent]?.[locale] ?? []) {
        samples.push({
          features: confidenceFeatures(await index.search(text, { limit: 2 })),
          correct: false,
        });
      }
    }
    for (const [i, chunk] of index.chunks.entries()) {
      if (chunk.kind !== 'question') continue;
      const hits = await index.search(chunk.text, { excludeChunk: i, limit: 2 });
      const asked = index.articles[chunk.article];
      const top = hits[0]?.article;
      // Right when the best article speaks to the question's main topic, as the eval judges it.
      samples.push({
        features: confidenceFeatures(hits),
        correct: !!asked && !!top && top.topics.includes(asked.topics[0] ?? ''),
      });
    }
  }
  return fitCalibration(samples);
}

function readManifest(dir: string, hash: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (m.version !== INDEX_VERSION || m.hash !== hash) return undefined;
    return LOCALES.every((l) => existsSync(path.join(dir, `${l}.hnsw`))) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Write into a temporary folder and rename, so a crash never leaves a half-written index that looks complete. */
function persist(
  root: string,
  dir: string,
  manifest: Manifest,
  vectors: ReadonlyMap<Locale, VectorIndex>,
): void {
  mkdirSync(root, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const [l, v] of vectors) v.save(path.join(tmp, `${l}.hnsw`));
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  for (const old of readdirSync(root)) {
    if (path.join(root, old) !== dir && !old.includes('.tmp-'))
      rmSync(path.join(root, old), { recursive: true, force: true });
  }
}
