import type { Article } from '../knowledge/article.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { Locale } from '../knowledge/locale.js';
import type { Composer } from './composer.js';
import type { ConversationData } from './conversationData.js';
import type { RedFlagFinder } from './redFlagFinder.js';
import type { CueBook } from './triage/cueBook.js';
import type { Triage, TriageResult } from './triage/triage.js';

/** What the use cases need, built once by the composition root. */
export type Services = {
  knowledge: KnowledgeIndex;
  composer: Composer;
  triage: Triage;
  cues: CueBook;
  flags: RedFlagFinder;
};

/** One customer message as the use cases see it (personal data already masked). */
export type Turn = {
  text: string;
  locale: Locale;
  triage: TriageResult;
  data: ConversationData;
};

/** An article by id in a locale. */
export function articleById(s: Services, locale: Locale, id: string): Article | undefined {
  return s.knowledge.articles(locale).find((a) => a.id === id);
}
