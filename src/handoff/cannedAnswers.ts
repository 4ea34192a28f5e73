import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { Locale } from '../knowledge/locale.js';

export type CannedAnswer = { articleId: string; title: string; text: string };
/** How the bot fills an article's text in (the bot's Composer, handed in by the composition root). */
type Renderer = { render(template: string, locale: Locale): string };

/**
 * Replies an agent can send as they are: each article's summary, as the bot would say it (the
 * directory's numbers, the bank's own hotline), for the case's topics first.
 * @example cannedAnswers(knowledge, composer)(['debt-relief-scam'], 'zh-CN')
 */
export function cannedAnswers(knowledge: KnowledgeIndex, composer: Renderer) {
  return (topics: readonly string[], locale: Locale, limit = 12): CannedAnswer[] => {
    const articles = knowledge.articles(locale);
    const rank = (topicsOf: readonly string[]) => {
      const i = topicsOf.findIndex((t) => topics.includes(t));
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    return articles
      .filter((a) => a.topics.some((t) => topics.includes(t)))
      .sort((a, b) => rank(a.topics) - rank(b.topics))
      .slice(0, limit)
      .map((a) => ({
        articleId: `${a.locale}/${a.id}`,
        title: a.title,
        text: composer.render(a.summary, locale),
      }));
  };
}
