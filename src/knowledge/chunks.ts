import type { Article } from './article.js';
import type { Directory } from './directory.js';
import { renderTemplate } from './template.js';

export type ChunkKind = 'question' | 'title' | 'summary' | 'section';

/** A piece of an article that is indexed on its own; the article is found through its best piece. */
export type Chunk = { article: number; kind: ChunkKind; text: string };

/** How much a match on each kind of chunk counts: a customer's question is closer to a question than to prose. */
export const CHUNK_WEIGHT: Record<ChunkKind, number> = {
  question: 1,
  title: 0.95,
  summary: 0.85,
  section: 0.75,
};

function plain(markdown: string): string {
  return markdown.replace(/[*_`>#]/g, ' ').replace(/^\s*\d+[.)]\s+/gm, '');
}

/**
 * Cut articles (all of one locale) into the chunks the indexes hold: each question, the title,
 * the summary and each section (references rendered to names, as the customer reads them).
 * @example chunkArticles(zhArticles, directory)
 */
export function chunkArticles(articles: readonly Article[], directory: Directory): Chunk[] {
  const chunks: Chunk[] = [];
  articles.forEach((a, article) => {
    const render = (t: string) => plain(renderTemplate(t, a.locale, directory, {}));
    for (const q of a.questions) chunks.push({ article, kind: 'question', text: q });
    chunks.push({ article, kind: 'title', text: a.title });
    chunks.push({ article, kind: 'summary', text: render(a.summary) });
    for (const s of a.sections)
      chunks.push({ article, kind: 'section', text: `${s.heading}\n${render(s.text)}` });
  });
  return chunks;
}
