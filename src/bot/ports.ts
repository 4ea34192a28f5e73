import type { HandoffReason, Risk } from './reply.js';

/** One identifier of a reported agency, normalised so reports about the same one match. */
export type Identifier = { kind: 'phone' | 'wechat' | 'qq' | 'url' | 'name'; value: string };

/** A customer's report of an agency advert or contact. */
export type AgencyReport = {
  reference: string;
  createdAt: string;
  locale: string;
  channel: string;
  conversationId: string;
  platform: string;
  identifiers: Identifier[];
  /** The customer's own description, personal data masked. */
  description: string;
};

/** Where reports are kept. @example await reports.save(report) */
export interface ReportStore {
  save(report: AgencyReport): Promise<void>;
  get(reference: string): Promise<AgencyReport | undefined>;
}

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

/** Where handoff requests go until an agent takes them. @example await handoffs.request(r) */
export interface HandoffRequests {
  request(request: HandoffRequest): Promise<void>;
  get(channel: string, conversationId: string): Promise<HandoffRequest | undefined>;
}
