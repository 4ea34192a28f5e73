import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/knowledge/content.js';
import { loadEmbeddings } from '../../src/knowledge/embeddingsProvider.js';
import { HybridRetriever } from '../../src/knowledge/hybridRetriever.js';
import { KnowledgeIndex } from '../../src/knowledge/knowledgeIndex.js';
import { tempContent, tempDir } from '../helpers/tempContent.js';

const local = { kind: 'local' } as const;

let shared: Promise<KnowledgeIndex> | undefined;
/** One in-memory index of the real content, built once for the tests that only read it. */
function realIndex(): Promise<KnowledgeIndex> {
  shared ??= KnowledgeIndex.open({
    content: loadContent('content'),
    dataDir: tempDir(),
    embeddings: local,
    persist: false,
  });
  return shared;
}

describe('KnowledgeIndex', () => {
  it('When opened twice on the same content, then the second open loads the persisted index and ranks identically', async () => {
    const dataDir = tempDir();
    const content = loadContent('content');
    const built = await KnowledgeIndex.open({ content, dataDir, embeddings: local });
    const loaded = await KnowledgeIndex.open({ content, dataDir, embeddings: local });
    expect(built.info.source).toBe('built');
    expect(loaded.info.source).toBe('loaded');
    expect(existsSync(path.join(dataDir, 'index', built.info.hash.slice(0, 16), 'manifest.json'))).toBe(true);
    for (const q of [
      '停息挂账靠谱吗',
      'how do I dispute an error on my credit report',
      '催收打电话给我同事',
    ]) {
      const a = await built.search(q);
      const b = await loaded.search(q);
      expect(b.hits.map((h) => h.article.id)).toEqual(a.hits.map((h) => h.article.id));
      expect(b.confidence).toBeCloseTo(a.confidence, 9);
    }
  });

  it('When an article changes, then the index is rebuilt and the old one removed', async () => {
    const dataDir = tempDir();
    const c = tempContent();
    const first = await KnowledgeIndex.open({ content: loadContent(c.dir), dataDir, embeddings: local });
    c.edit('zh-CN/debt-relief-scam.md', (t) =>
      t.replace('  - 停息挂账靠谱吗\n', '  - 停息挂账靠谱吗\n  - 停息挂账公司收费合理吗\n'),
    );
    const second = await KnowledgeIndex.open({ content: loadContent(c.dir), dataDir, embeddings: local });
    expect(second.info.source).toBe('built');
    expect(second.info.hash).not.toBe(first.info.hash);
    expect(readdirSync(path.join(dataDir, 'index'))).toEqual([second.info.hash.slice(0, 16)]);
  });

  it('When a customer asks in simplified, traditional or English words, then the right article comes first', async () => {
    const index = await realIndex();
    const top = async (q: string) => (await index.search(q)).hits[0]?.article.id;
    expect(await top('停息挂帐真的能办吗')).toBe('debt-relief-scam');
    expect(await top('徵信修復公司說能洗白逾期')).toBe('credit-repair-scam');
    expect(await top('how long does a late payment stay on my credit report')).toBe(
      'negative-record-retention',
    );
  });

  it('When the query is off-topic, then confidence is lower than for an on-topic question', async () => {
    const index = await realIndex();
    const onTopic = await index.search('征信上的逾期记录能花钱删掉吗');
    const offTopic = await index.search('明天北京天气怎么样');
    expect(onTopic.confidence).toBeGreaterThan(offTopic.confidence);
    for (const r of [onTopic, offTopic]) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('When a bank plugs in its own LangChain embeddings module, then the index is built with them and queries use them', async () => {
    const embeddings = await loadEmbeddings('./test/fixtures/embeddings/countingEmbeddings.ts', {
      dimensions: 48,
    });
    expect(embeddings.kind).toBe('plugged');
    const index = await KnowledgeIndex.open({
      content: loadContent('content'),
      dataDir: tempDir(),
      embeddings,
    });
    const service = (embeddings as unknown as { embeddings: { calls: number } }).embeddings;
    const before = service.calls;
    const result = await index.search('征信修复');
    expect(service.calls).toBe(before + 1);
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('When the embeddings module does not export a factory, then the error names the module', async () => {
    await expect(loadEmbeddings('./test/fixtures/embeddings/notAFactory.ts', {})).rejects.toThrow(
      /EMBEDDINGS_MODULE .*notAFactory.*createEmbeddings/,
    );
  });
});

describe('HybridRetriever', () => {
  it('When invoked as a LangChain retriever, then it returns Documents with article id, topics, score and confidence', async () => {
    const index = await realIndex();
    const docs = await new HybridRetriever({ index, k: 3 }).invoke('催收员半夜打电话骂人怎么投诉');
    expect(docs).toHaveLength(3);
    const first = docs[0];
    expect(first?.metadata.articleId).toBe('collection-misconduct');
    expect(first?.metadata.topics).toContain('collection-misconduct');
    expect(first?.metadata.key).toBe('zh-CN/collection-misconduct');
    expect(first?.pageContent.length).toBeGreaterThan(20);
    expect(docs.map((d) => d.metadata.score)).toEqual(
      [...docs.map((d) => d.metadata.score)].sort((a, b) => b - a),
    );
    expect(first?.metadata.confidence).toBeGreaterThan(0);
  });
});

describe('VectorIndex on the real corpus', () => {
  it('When every eval query is searched, then the HNSW top 10 equal an exact search', async () => {
    const { LocalEmbeddings } = await import('../../src/knowledge/localEmbeddings.js');
    const { Tokenizer } = await import('../../src/knowledge/tokenizer.js');
    const { chunkArticles } = await import('../../src/knowledge/chunks.js');
    const { VectorIndex } = await import('../../src/knowledge/vectorIndex.js');
    const { loadEvalSets } = await import('../../src/evaluation/evalSet.js');
    const content = loadContent('content');
    const tokenizer = new Tokenizer(content.dictionary);
    const chunks = chunkArticles(
      content.articles.filter((a) => a.locale === 'zh-CN'),
      content.directory,
    );
    const embeddings = LocalEmbeddings.fit(
      chunks.map((c) => c.text),
      tokenizer,
    );
    const vectors = chunks.map((c) => embeddings.embed(c.text));
    const index = VectorIndex.build(vectors, embeddings.state.dimensions);
    let found = 0;
    let total = 0;
    for (const c of loadEvalSets('test/fixtures/eval').cases.filter((x) => /\p{Script=Han}/u.test(x.text))) {
      const q = embeddings.embed(c.text);
      const exact = vectors
        .map((v, label) => ({ label, s: v.reduce((sum, x, i) => sum + x * (q[i] ?? 0), 0) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((x) => x.label);
      const got = new Set(index.search(q, 10).map((h) => h.label));
      found += exact.filter((l) => got.has(l)).length;
      total += 10;
    }
    expect(found / total).toBeGreaterThanOrEqual(0.99);
  });
});
