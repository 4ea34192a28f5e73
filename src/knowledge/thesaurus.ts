import { z } from 'zod';
import { normalize } from './normalize.js';

const group = z
  .object({
    /** Words the articles use for one thing; the text gains them when any of `words` appears. */
    means: z.array(z.string().trim().min(1)).min(1),
    /** How people say it: slang, typos, regional words, other scripts. */
    words: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();
export type ThesaurusGroup = z.infer<typeof group>;

/** `content/thesaurus.yaml`: the colloquial thesaurus, one list for both languages. */
export const thesaurusFileSchema = z.object({ groups: z.array(group) }).strict();

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Puts the articles' words beside the words people use, on both sides of retrieval: a question
 * and an article both gain a group's `means` when they hold any of its `words`, so "还不上了"
 * meets an article about 逾期 and 还款困难. Chinese words match anywhere; English ones as words.
 * @example new Thesaurus([{ means: ['逾期'], words: ['还不上'] }]).expand('还不上了') // '还不上了 逾期'
 */
export class Thesaurus {
  private readonly groups: { pattern: RegExp; means: string }[];

  constructor(groups: readonly ThesaurusGroup[]) {
    this.groups = groups.map((g) => ({
      pattern: new RegExp(
        g.words
          .map((w) => normalize(w))
          .map((w) => (/^[a-z0-9 ]+$/.test(w) ? `\\b${literal(w)}\\b` : literal(w)))
          .join('|'),
        'u',
      ),
      means: g.means.map((m) => normalize(m)).join(' '),
    }));
  }

  /** The normalised text, followed by what its colloquial words mean. */
  expand(normalized: string): string {
    const extra = this.groups.filter((g) => g.pattern.test(normalized)).map((g) => g.means);
    return extra.length ? `${normalized} ${extra.join(' ')}` : normalized;
  }
}
