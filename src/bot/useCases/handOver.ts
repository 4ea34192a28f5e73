import { emptyReply, type HandoffReason, type Reply } from '../reply.js';
import { articleById, type Services, type Turn } from '../services.js';
import { drawOn } from './drawOn.js';

/**
 * request-human, distress and strong frustration: say so honestly and ask for a person. Distress
 * gets the crisis lines first, before anything else.
 */
export async function handOver(s: Services, turn: Turn, reason: HandoffReason): Promise<Reply> {
  const reply = emptyReply(turn.locale, turn.triage.intent);
  const r = s.composer.replies(turn.locale);
  if (reason === 'distress') reply.paragraphs.push(r.distress);
  if (reason === 'frustration') reply.paragraphs.push(r.frustration);
  const article = articleById(s, turn.locale, 'human-agent');
  drawOn(reply, article ? [article] : [], turn.triage.found.hits, 1);
  reply.meta.risk = turn.triage.risk;
  // "转人工，他们说交3000就能停息挂账": the agent's case summary names what the message shows.
  reply.meta.redFlags = turn.triage.redFlags;
  reply.handoff = { reason, priority: reason === 'distress' };
  return reply;
}
