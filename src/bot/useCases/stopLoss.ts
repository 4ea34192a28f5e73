import type { Article } from '../../knowledge/article.js';
import { emptyReply, type Reply } from '../reply.js';
import { articleById, type Services, type Turn } from '../services.js';
import { contextOf, drawOn, presentArticle } from './drawOn.js';

/**
 * already-involved: the concrete stop-loss steps first, then a handoff (priority when money,
 * documents or codes are out of the customer's hands).
 */
export async function stopLoss(s: Services, turn: Turn): Promise<Reply> {
  const found = turn.triage.found;
  const reply = emptyReply(turn.locale, 'already-involved');
  const onlyDocuments =
    turn.triage.exposures.length > 0 &&
    turn.triage.exposures.every((e) => e === 'gave-documents' || e === 'gave-credentials');
  const article: Article | undefined =
    articleById(s, turn.locale, onlyDocuments ? 'already-gave-documents' : 'already-involved') ??
    found.hits[0]?.article;
  const r = s.composer.replies(turn.locale);
  reply.paragraphs.push(r.stopLossIntro);
  if (article) {
    presentArticle(s, reply, article, { withSummary: false });
    turn.data.context = contextOf(article);
  }
  drawOn(reply, article ? [article] : [], found.hits, found.confidence);
  reply.meta.risk = turn.triage.risk === 'none' ? 'medium' : turn.triage.risk;
  reply.handoff = { reason: 'already-involved', priority: reply.meta.risk === 'high' };
  return reply;
}
