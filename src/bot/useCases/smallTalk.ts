import { emptyReply, type Reply } from '../reply.js';
import type { Services, Turn } from '../services.js';

/** greeting, thanks-bye and out-of-scope: short, friendly, no guidance drawn on. */
export function smallTalk(s: Services, turn: Turn): Reply {
  const reply = emptyReply(turn.locale, turn.triage.intent);
  const r = s.composer.replies(turn.locale);
  if (turn.triage.intent === 'greeting') {
    reply.paragraphs.push(r.welcome);
    reply.actions.push(...r.welcomeActions);
  } else if (turn.triage.intent === 'thanks-bye') {
    reply.paragraphs.push(r.thanks);
  } else {
    reply.paragraphs.push(r.outOfScope);
    reply.actions.push(...r.outOfScopeActions);
  }
  return reply;
}
