import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { checkContent } from './checkContent.js';
import { loadContent } from './content.js';
import { loadEmbeddings } from './embeddingsProvider.js';
import { KnowledgeIndex } from './knowledgeIndex.js';
import { formatProblem } from './problem.js';

/**
 * Load and check content/, then build or load the index. Bad content stops start-up with every
 * problem listed, so a broken article never reaches a customer.
 * @example const knowledge = await openKnowledge(config)
 */
export async function openKnowledge(
  config: Pick<Config, 'contentDir' | 'dataDir' | 'embeddings'>,
  persist = true,
): Promise<KnowledgeIndex> {
  const content = loadContent(config.contentDir);
  const problems = [...content.problems, ...checkContent(content)];
  if (problems.length) {
    throw new AppError(
      'unavailable:knowledge',
      `content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  const embeddings = await loadEmbeddings(config.embeddings.module, config.embeddings.options);
  return KnowledgeIndex.open({ content, dataDir: config.dataDir, embeddings, persist });
}
