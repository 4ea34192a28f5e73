import { articleKey } from '../../knowledge/article.js';
import type { SearchResult } from '../../knowledge/knowledgeIndex.js';
import { emptyReply, type Reply } from '../reply.js';
import { articleById, type Services, type Turn } from '../services.js';
import { contextOf, drawOn, presentArticle } from './drawOn.js';

/** Calibrated confidence below which the bot asks rather than guesses; chosen with `npm run eval`. */
const CLARIFY_BELOW = 0.3;
/** Messages this short (characters, or letters of English) lean on the conversation so far. */
const SHORT = 8;
/** How much less sure the contextual search may be and still win for a leaning message. */
const CONTEXT_BIAS = 0.3;
/** Low-confidence turns in a row before the bot offers a person, and before it asks for one. */
const MISSES = { offerPerson: 2, handoff: 3 } as const;

/**
 * Search with the conversation's context when the message leans on it ("那我该怎么办", "要多久"):
 * the last question and this one together, unless this one stands well on its own.
 */
async function searchInContext(s: Services, turn: Turn): Promise<SearchResult & { query: string }> {
  const own = { ...turn.triage.found, query: turn.text };
  const last = turn.data.context;
  const leans = turn.triage.followUp || [...turn.triage.normalized.replace(/\s/g, '')].length <= SHORT;
  if (!last || (!leans && own.confidence >= CLARIFY_BELOW)) return own;
  const query = `${last.query} ${turn.text}`.slice(-200);
  const joined = { ...(await s.knowledge.search(query, { locale: turn.locale })), query };
  // A message that leans on the last one keeps its context unless it clearly stands alone.
  if (turn.triage.followUp) return joined;
  return joined.confidence >= own.confidence - (leans ? CONTEXT_BIAS : 0) ? joined : own;
}

/**
 * ask, hardship, collection-complaint: answer from the best article, or ask which topic is meant
 * when the retriever is unsure; after repeated misses offer, then ask for, a person.
 */
export async function answerQuestion(s: Services, turn: Turn): Promise<Reply> {
  const found = await searchInContext(s, turn);
  const reply = emptyReply(turn.locale, turn.triage.intent);
  reply.meta.risk = turn.triage.risk;
  const r = s.composer.replies(turn.locale);
  if (found.confidence < CLARIFY_BELOW || !found.hits.length) {
    turn.data.misses += 1;
    const options = found.hits.slice(0, 3);
    drawOn(reply, [], options, found.confidence);
    reply.paragraphs.push(turn.data.misses >= MISSES.offerPerson ? r.clarifyAgain : r.clarify);
    reply.actions.push(...options.map((h) => ({ title: h.article.title, value: h.article.title })));
    if (turn.data.misses >= MISSES.offerPerson) reply.actions.push(r.talkToPerson);
    if (turn.data.misses >= MISSES.handoff) reply.handoff = { reason: 'low-confidence', priority: false };
    return reply;
  }
  turn.data.misses = 0;
  let best = found.hits[0]?.article;
  // "那我该怎么办" right after an answer: go on to the article its authors put next, not repeat it.
  if (best && turn.triage.followUp && turn.data.context?.articleKey === articleKey(best)) {
    const next = best.related[0];
    best = (next && articleById(s, turn.locale, next)) || found.hits[1]?.article || best;
  }
  if (!best) return reply;
  presentArticle(s, reply, best);
  drawOn(reply, [best], found.hits, found.confidence);
  turn.data.context = contextOf(best);
  return reply;
}
