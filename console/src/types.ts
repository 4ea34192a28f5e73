/** CONTRACT §3 shapes, as the console reads them. */
export type Locale = 'zh-CN' | 'en';
export type Risk = 'none' | 'low' | 'medium' | 'high';
type CaseState = 'queued' | 'accepted' | 'completed' | 'failed' | 'offline';

export type Agent = { username: string; role: 'agent' | 'admin' };

/** A queue card: why the bot handed over, how urgent, how long it has waited. */
export type CaseCard = {
  id: string;
  conversationId: string;
  channel: string;
  locale: string;
  reason: string;
  priority: boolean;
  intent: string;
  risk: Risk;
  redFlags: string[];
  topics: string[];
  requestedAt: string;
  state: CaseState;
  agent?: string;
  outcome?: string;
  waitingSeconds: number;
  position?: number;
  callbackRequested?: boolean;
};

/** `callbacks`: customers who asked outside office hours to be called back (may be taken too). */
export type Queue = { waiting: CaseCard[]; claimed: CaseCard[]; callbacks?: CaseCard[] };

/** A knowledge-base reply for the case's topics, ready to send as it is. */
export type CannedAnswer = { articleId: string; title: string; text: string };

type Citation = { articleId: string; title: string; reviewed: string };

/** A transcript line: an API message, or the short form a request keeps before any message is stored. */
export type Line = {
  id?: string;
  role: string;
  text: string;
  html?: string;
  citations?: Citation[];
  createdAt?: string;
  at?: string;
};

export type CaseView = {
  summary: CaseCard;
  callback?: { phone: string; note?: string; at: string };
  transcript: Line[];
};

/**
 * Why a call failed, in the terms the console acts on: `credentials` (wrong name or password),
 * `locked` (account locked: wait `retryAfterS`), `disabled` (account disabled by an admin), `busy`
 * (429), `session` (401: log in again), `forbidden` (403), `conflict` (409: someone else was
 * quicker), `missing` (404), `rejected` (400), `network` (no answer), `server` (5xx).
 */
export type AgentErrorKind =
  | 'credentials'
  | 'locked'
  | 'disabled'
  | 'busy'
  | 'session'
  | 'forbidden'
  | 'conflict'
  | 'missing'
  | 'rejected'
  | 'network'
  | 'server';
