import * as OpenCC from 'opencc-js';
import { maskPii } from '../bot/pii.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import { LOCALES, type Locale } from '../knowledge/locale.js';
import { BigramBaseline } from './bigramBaseline.js';
import { firstHit, languageOf, rankedTopics, type Scored } from './metrics.js';

/** What retrieval is judged on: a text and the topics any of which would be right. */
export type Labelled = { id: string; text: string; locale?: Locale; expect: { topics_any: string[] } };
export type RetrievalRow = Scored & { id: string; text: string; got: string[] };

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Ranks every case with the hybrid retriever and with the bigram-BM25 baseline over the same
 * articles, in the same run. Text is masked first, as the bot masks it before retrieval.
 */
export async function scoreRetrieval(
  knowledge: KnowledgeIndex,
  cases: readonly Labelled[],
  tick: () => void = () => {},
): Promise<{ ours: RetrievalRow[]; base: RetrievalRow[] }> {
  const baselines = new Map(LOCALES.map((l) => [l, new BigramBaseline(knowledge.articles(l))]));
  const ours: RetrievalRow[] = [];
  const base: RetrievalRow[] = [];
  for (const c of cases) {
    const text = maskPii(c.text).text;
    const result = await knowledge.search(text, { ...(c.locale ? { locale: c.locale } : {}), limit: 5 });
    const row = (got: string[], confidence: number): RetrievalRow => ({
      id: c.id,
      text: c.text,
      got,
      rank: firstHit(got, c.expect.topics_any),
      confidence,
      expected: c.expect.topics_any,
      language: languageOf(c.text, toSimplified),
    });
    ours.push(row(rankedTopics(result.hits.map((h) => h.article)), result.confidence));
    const baseline = baselines.get(result.locale) as BigramBaseline;
    base.push(row(rankedTopics(baseline.rank(text)), 0));
    tick();
  }
  return { ours, base };
}
