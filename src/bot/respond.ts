import type { Reply } from './reply.js';
import type { Services, Turn } from './services.js';
import { answerQuestion } from './useCases/answerQuestion.js';
import { checkOffer } from './useCases/checkOffer.js';
import { handOver } from './useCases/handOver.js';
import { refuse } from './useCases/refuse.js';
import { smallTalk } from './useCases/smallTalk.js';
import { stopLoss } from './useCases/stopLoss.js';

/**
 * Pick the use case for the turn's intent (report-agency is a dialog, started by the bot).
 * @example const reply = await respond(services, turn)
 */
export async function respond(s: Services, turn: Turn): Promise<Reply> {
  const { intent, frustration } = turn.triage;
  switch (intent) {
    case 'distress':
      return handOver(s, turn, 'distress');
    case 'harmful-request':
      return refuse(s, turn);
    case 'already-involved':
      return stopLoss(s, turn);
    case 'request-human':
      return handOver(s, turn, frustration ? 'frustration' : 'customer-request');
    case 'check-message':
      return checkOffer(s, turn);
    case 'greeting':
    case 'thanks-bye':
    case 'out-of-scope':
      return smallTalk(s, turn);
    default:
      if (frustration) return handOver(s, turn, 'frustration');
      return answerQuestion(s, turn);
  }
}
