import type { HandoffReason, Risk } from './reply.js';

/** queued → accepted → completed; queued or accepted → failed; queued → offline (callbacks). */
export type QueueState = 'queued' | 'accepted' | 'completed' | 'failed' | 'offline';

/** A request for a human agent, with the case summary the agent sees first. */
export type HandoffRequest = {
  conversationId: string;
  channel: string;
  locale: string;
  reason: HandoffReason;
  priority: boolean;
  intent: string;
  risk: Risk;
  redFlags: string[];
  topics: string[];
  requestedAt: string;
  transcript: { role: string; text: string; at: string }[];
};

/**
 * Where the bot's handoff requests go until an agent takes them: the part of the handoff queue
 * (handoff/handoffQueue.ts) the bot uses, so the bot never imports the handoff room.
 * @example await handoffs.request(r); const place = await handoffs.position(r.channel, r.conversationId)
 */
export interface HandoffRequests {
  request(request: HandoffRequest): Promise<void>;
  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined>;
  /** 1-based place among waiting requests, undefined when not waiting. */
  position(channel: string, conversationId: string): Promise<number | undefined>;
  /** Outside office hours: the request is left for a call back. */
  setState(channel: string, conversationId: string, state: 'offline'): Promise<unknown>;
  /** The number a customer left for a call back (unmasked by design, for the agent who takes it). */
  callback(channel: string, conversationId: string, phone: string): Promise<unknown>;
}
