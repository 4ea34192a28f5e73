import { emptyReply, type Reply } from '../reply.js';
import type { Services, Turn } from '../services.js';
import { contextOf, drawOn, presentArticle } from './drawOn.js';

/**
 * check-message: name each red flag in the quoted offer in one line, give a verdict, then the
 * legitimate path for what the customer wants (the best article's steps).
 */
export async function checkOffer(s: Services, turn: Turn): Promise<Reply> {
  const found = turn.triage.found;
  const reply = emptyReply(turn.locale, 'check-message');
  const r = s.composer.replies(turn.locale);
  const flags = turn.triage.redFlags;
  if (flags.length) {
    const lines = flags.map((id) => {
      const f = s.flags.describe(id, turn.locale);
      return r.flagLine(f?.name ?? id, f?.explain ?? '');
    });
    reply.paragraphs.push(`${r.checkHeading}\n${lines.join('\n')}`);
  }
  // Without a red flag, text about debts or credit still gets no all-clear.
  const inDomain = s.cues.has('in-domain', turn.locale, turn.triage.normalized);
  const v = r.checkVerdict;
  reply.paragraphs.push(flags.length >= 2 ? v.many : flags.length ? v.some : inDomain ? v.unsure : v.none);
  const best = found.hits[0]?.article;
  if (best) {
    presentArticle(s, reply, best, { withSummary: false, stepsHeading: r.checkLawfulPath });
    turn.data.context = contextOf(best);
  }
  drawOn(reply, best ? [best] : [], found.hits, found.confidence);
  // Red flags found: the advert can be reported in one step, its contacts already filled in.
  if (flags.length) reply.actions.push(r.report.reportAdAction);
  reply.meta.redFlags = flags;
  reply.meta.risk = turn.triage.risk;
  return reply;
}
