import type { BankProfile } from '../knowledge/directory.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import { Composer } from './composer.js';
import { RedFlagFinder } from './redFlagFinder.js';
import type { Services } from './services.js';
import { CueBook } from './triage/cueBook.js';
import { Triage } from './triage/triage.js';

/**
 * Everything the use cases need, from the loaded knowledge base; triage's classifier is trained
 * here, from content/intents.yaml and what the retriever makes of each example (no network).
 * @example const services = buildServices(knowledge, config.bank)
 */
export async function buildServices(knowledge: KnowledgeIndex, bank: BankProfile): Promise<Services> {
  const { content } = knowledge;
  if (!content.signals)
    throw new Error('content/signals.yaml is missing or invalid (run npm run content:check)');
  const cues = new CueBook(content.signals);
  const flags = RedFlagFinder.learn(content, knowledge.tokenizer);
  const triage = await Triage.train(content, cues, flags, knowledge.tokenizer, (text, locale) =>
    knowledge.search(text, { locale }),
  );
  return { knowledge, composer: new Composer(content.directory, bank), triage, cues, flags };
}

/** Every phone number and link a reply may show: the directory's and the bank's own hotline. */
export function allowedContacts(knowledge: KnowledgeIndex, bank: BankProfile): string[] {
  return [...knowledge.content.directory.allowedValues(), ...(bank.hotline ? [bank.hotline] : [])];
}
