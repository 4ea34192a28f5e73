import type { Locale } from '../knowledge/locale.js';
import type { QueueState } from './handoffRequest.js';
import type { HandoffReason, Risk } from './reply.js';

/** One line of the masked transcript kept for handoff. */
export type TranscriptLine = { role: 'customer' | 'bot' | 'agent'; text: string; at: string };

export type HandoffState = {
  state: QueueState;
  /** When the customer left a number for a call back (outside office hours). */
  callbackAt?: string;
  reason: HandoffReason;
  priority: boolean;
  requestedAt: string;
  agentName?: string;
};

/** What the bot remembers about one conversation, saved through botbuilder Storage. */
export type ConversationData = {
  locale?: Locale;
  /** The language of the customer's last message: system notices (an agent joined) use it. */
  lastLocale?: Locale;
  /** The last answered question and article: follow-ups continue from here. */
  context?: { query: string; articleKey: string };
  /** Low-confidence turns in a row. */
  misses: number;
  piiWarned: boolean;
  /** The highest risk seen so far and every red flag found: the agent's case summary. */
  risk: Risk;
  redFlags: string[];
  handoff?: HandoffState;
  transcript: TranscriptLine[];
};

/** How many transcript lines are kept (the handoff summary needs the recent ones). */
const TRANSCRIPT_LIMIT = 40;

export function newConversationData(): ConversationData {
  return { misses: 0, piiWarned: false, risk: 'none', redFlags: [], transcript: [] };
}

/** A handoff that is waiting for or held by an agent. */
export function handoffActive(data: ConversationData): boolean {
  return data.handoff?.state === 'queued' || data.handoff?.state === 'accepted';
}

export function remember(data: ConversationData, role: TranscriptLine['role'], text: string): void {
  data.transcript.push({ role, text, at: new Date().toISOString() });
  if (data.transcript.length > TRANSCRIPT_LIMIT)
    data.transcript.splice(0, data.transcript.length - TRANSCRIPT_LIMIT);
}

const RISK_ORDER: Risk[] = ['none', 'low', 'medium', 'high'];

/** Fold one turn's risk and red flags into the conversation's. */
export function noteRisk(data: ConversationData, risk: Risk, redFlags: readonly string[]): void {
  if (RISK_ORDER.indexOf(risk) > RISK_ORDER.indexOf(data.risk ?? 'none')) data.risk = risk;
  data.redFlags = [...new Set([...(data.redFlags ?? []), ...redFlags])];
}
