import type { HandoffRequest, HandoffRequests, QueueState } from '../bot/handoffRequest.js';

/** A handoff request with where it stands in the queue. */
export type QueueEntry = HandoffRequest & {
  state: QueueState;
  /** Who claimed it: a console agent's user name, or the contact centre's agent name. */
  agent?: string;
  acceptedAt?: string;
  /** When it was completed or failed. */
  closedAt?: string;
  /** The release outcome, or the hub's failure message. */
  outcome?: string;
  /** A customer's callback request: the number is unmasked by design, for the agent who takes it. */
  callback?: { phone: string; note?: string; at: string };
};

/**
 * The persistent queue of conversations waiting for, or held by, a human agent; one entry per
 * (channel, conversation). Every change is checked against the entry's current state atomically,
 * so two agents (or two instances) never both claim one entry. Refused transitions reject with an
 * AppError: `not_found:handoff` for an unknown conversation, `conflict:handoff` naming the states,
 * `forbidden:handoff` when an agent releases another agent's conversation.
 *
 * `request()` on a new, completed, failed or offline conversation queues it afresh (clearing agent,
 * times, outcome and callback); on a queued or accepted one it only updates the summary (locale,
 * reason, priority, intent, risk, red flags, topics, transcript), so the customer keeps their place.
 * `get()` answers the request part of the entry.
 * @example await queue.request(request); const [next] = await queue.waiting(); await queue.claim(next.channel, next.conversationId, 'li.na')
 */
export interface HandoffQueue extends HandoffRequests {
  entry(channel: string, conversationId: string): Promise<QueueEntry | undefined>;
  /** Queued entries in service order: priority first, then the oldest request. */
  waiting(): Promise<QueueEntry[]>;
  /** 1-based place among waiting entries, undefined when not waiting. */
  position(channel: string, conversationId: string): Promise<number | undefined>;
  /** queued → accepted by `agent`; anything else is an AppError 'conflict:handoff'. */
  claim(channel: string, conversationId: string, agent: string): Promise<QueueEntry>;
  /** Entries the agent holds (accepted), the earliest claimed first. */
  claimedBy(agent: string): Promise<QueueEntry[]>;
  /** Every entry in the given states (all when omitted), newest request first; `limit` default 200. */
  list(states?: QueueState[], limit?: number): Promise<QueueEntry[]>;
  /** accepted → completed by its owner only (else 'forbidden:handoff'); records the outcome. */
  release(channel: string, conversationId: string, agent: string, outcome: string): Promise<QueueEntry>;
  /**
   * A hub's status (external contact centre): queued → accepted (agent = the hub's agent name),
   * queued | accepted → failed (outcome = message), accepted → completed; also queued → offline
   * when the request arrives outside office hours.
   */
  setState(
    channel: string,
    conversationId: string,
    state: Exclude<QueueState, 'queued'>,
    detail?: { agent?: string; message?: string },
  ): Promise<QueueEntry>;
  /** Record a callback request on a queued or offline entry; it is then `offline` (left for a call back). */
  callback(channel: string, conversationId: string, phone: string, note?: string): Promise<QueueEntry>;
}
