import { z } from 'zod';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { EvalCase } from './evalSet.js';
import { type Summary, summarize } from './metrics.js';
import type { PipelineSummary } from './pipelineEval.js';
import type { RealItem, Split } from './realCorpus.js';
import { type RetrievalRow, scoreRetrieval } from './retrievalRun.js';
import { runPipeline } from './runPipeline.js';

const realExpect = z.object({
  topics_any: z.array(z.string()).min(1),
  intent_any: z.array(z.string()).min(1),
});

/** Real-question lines as eval cases, each a conversation of its own. */
export function realCases(items: readonly RealItem[], split: Split): EvalCase[] {
  return items.map((item, i) => ({
    id: `${split}:${item.id ?? i}`,
    text: item.text,
    locale: item.locale,
    expect: realExpect.parse(item.expect),
    file: `real/${split}`,
    line: i + 1,
  }));
}

export type RealSummary = {
  retrieval: Summary;
  baseline: Summary;
  pipeline: PipelineSummary;
  rows: RetrievalRow[];
};

/**
 * A real-question split, judged as the customer meets it: the retriever and the bigram-BM25
 * baseline over the same articles, then the whole pipeline (intent, the topics it answered with,
 * in-domain questions turned away as "out of scope").
 */
export async function evalReal(knowledge: KnowledgeIndex, cases: readonly EvalCase[]): Promise<RealSummary> {
  const { ours, base } = await scoreRetrieval(knowledge, cases);
  const { judged: _judged, ...pipeline } = await runPipeline(knowledge, cases);
  return { retrieval: summarize(ours), baseline: summarize(base), pipeline, rows: ours };
}
