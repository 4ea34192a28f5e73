import { type Article, articleKey } from '../../knowledge/article.js';
import type { ArticleHit } from '../../knowledge/localeIndex.js';
import type { Reply } from '../reply.js';
import { articleById, type Services } from '../services.js';

const MAX_REPORTED = 5;

/**
 * Record what a reply drew on: the chosen articles first, then the next best retrieved ones
 * (CONTRACT §1 `topics` and `articles`).
 */
export function drawOn(
  reply: Reply,
  chosen: Article[],
  hits: readonly ArticleHit[],
  confidence: number,
): void {
  const seen = new Set<string>();
  const articles = [...chosen, ...hits.map((h) => h.article)].filter((a) => {
    const key = articleKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  reply.meta.articles = articles.slice(0, MAX_REPORTED).map(articleKey);
  reply.meta.topics = [...new Set(articles.flatMap((a) => a.topics))].slice(0, MAX_REPORTED);
  reply.meta.confidence = confidence;
}

/** Add an article's summary (unless `withSummary` is false), key steps, channels and citation. */
export function presentArticle(
  s: Services,
  reply: Reply,
  article: Article,
  options: { withSummary?: boolean; stepsHeading?: string } = {},
): void {
  const parts = s.composer.parts(article, options.stepsHeading);
  if (options.withSummary !== false) reply.paragraphs.push(parts.summary);
  reply.paragraphs.push(parts.steps, parts.channels, s.composer.citationLine(parts.citation, article.locale));
  reply.citations.push(parts.citation);
  reply.actions.push(...s.composer.followUps(article, (id) => articleById(s, article.locale, id)));
}

/**
 * What a follow-up continues from: the article just shown, by its title (a clean statement of the
 * topic, where the customer's words may have been vague).
 */
export function contextOf(article: Article): { query: string; articleKey: string } {
  return { query: article.title, articleKey: articleKey(article) };
}
