import { type Article, articleKey } from '../knowledge/article.js';
import type { BankProfile, Directory } from '../knowledge/directory.js';
import type { Locale } from '../knowledge/locale.js';
import { renderTemplate } from '../knowledge/template.js';
import type { Action, Replies } from './replies/replies.js';
import { repliesFor } from './replies/repliesFor.js';
import type { Citation } from './reply.js';

/** How much of an article fits on a phone screen. */
const ANSWER_LIMITS = { steps: 4, channels: 3, followUps: 3 } as const;

/** The parts of an answer drawn from one article. */
export type ArticleParts = { summary: string; steps: string; channels: string; citation: Citation };

/**
 * Turns articles and reply wording into what the customer reads: directory references rendered,
 * the bank's own details from configuration, lengths kept short.
 * @example composer.parts(article).summary
 */
export class Composer {
  constructor(
    private readonly directory: Directory,
    private readonly bank: BankProfile,
  ) {}

  replies(locale: Locale): Replies {
    return repliesFor(locale);
  }

  render(text: string, locale: Locale): string {
    return renderTemplate(text, locale, this.directory, this.bank);
  }

  parts(article: Article, stepsHeading?: string): ArticleParts {
    const r = this.replies(article.locale);
    const steps = article.steps
      .slice(0, ANSWER_LIMITS.steps)
      .map((s, i) => `${i + 1}. ${this.render(s, article.locale)}`);
    const whereTo = article.sections[3]?.text ?? '';
    const channels = whereTo
      .split('\n')
      .filter((l) => /^\s*[-*]\s+/.test(l))
      .slice(0, ANSWER_LIMITS.channels)
      .map((l) => `- ${this.render(l.replace(/^\s*[-*]\s+/, ''), article.locale)}`);
    return {
      summary: this.render(article.summary, article.locale),
      steps: steps.length ? `${stepsHeading ?? r.stepsHeading}\n${steps.join('\n')}` : '',
      channels: channels.length ? `${r.channelsHeading}\n${channels.join('\n')}` : '',
      citation: { articleId: articleKey(article), title: article.title, reviewed: article.reviewed },
    };
  }

  citationLine(c: Citation, locale: Locale): string {
    return this.replies(locale).citation(c.title, c.reviewed);
  }

  /** Suggested follow-ups: the article's related articles, asked by their titles. */
  followUps(article: Article, byId: (id: string) => Article | undefined): Action[] {
    return article.related
      .map(byId)
      .filter((a): a is Article => a !== undefined)
      .slice(0, ANSWER_LIMITS.followUps)
      .map((a) => ({ title: a.title, value: a.title }));
  }
}
