import type { Article } from '../../knowledge/article.js';
import type { HarmKind } from '../replies/replies.js';
import { emptyReply, type Reply } from '../reply.js';
import { articleById, type Services, type Turn } from '../services.js';
import { contextOf, drawOn, presentArticle } from './drawOn.js';

const KINDS: HarmKind[] = ['forge', 'provoke', 'malicious-complaint', 'evade'];

/**
 * harmful-request: a kind refusal, never instructions, then the lawful alternative from the
 * article the refusal kind names in content/signals.yaml.
 */
export async function refuse(s: Services, turn: Turn): Promise<Reply> {
  const found = turn.triage.found;
  const articleOf = (k: HarmKind) => s.cues.signals[k].article;
  // A harmful request the rules did not name: the kind whose article the retriever ranks first.
  const kind =
    turn.triage.harm ??
    KINDS.find((k) => found.hits.slice(0, 3).some((h) => h.article.id === articleOf(k))) ??
    'forge';
  const id = articleOf(kind);
  const article: Article | undefined = id ? articleById(s, turn.locale, id) : undefined;
  const reply = emptyReply(turn.locale, 'harmful-request');
  const r = s.composer.replies(turn.locale);
  reply.paragraphs.push(r.refusal[kind]);
  if (article) {
    presentArticle(s, reply, article, { withSummary: false, stepsHeading: r.refusalLawfulPath });
    turn.data.context = contextOf(article);
  }
  drawOn(reply, article ? [article] : [], found.hits, found.confidence);
  reply.meta.refused = true;
  reply.meta.risk = turn.triage.risk;
  return reply;
}
