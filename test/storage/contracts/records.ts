import type { AgentSession } from '../../../src/agents/ports.js';
import type { HandoffRequest } from '../../../src/bot/handoffRequest.js';
import type { AgencyReport } from '../../../src/bot/report/agencyReport.js';
import type { ConversationRecord } from '../../../src/conversation/conversationRecord.js';
import type { NewMessage } from '../../../src/conversation/transcript.js';
import type { Stores } from '../../../src/storage/stores.js';

/** Opens a fresh, empty bundle of stores; `close` closes it and removes whatever it made. */
export type OpenStores = () => Promise<{ stores: Stores; close(): Promise<void> }>;

let next = 0;
const unique = (prefix: string) => `${prefix}-${++next}`;

export function buildConversation(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id: unique('conv'),
    channel: 'web',
    locale: 'zh-CN',
    createdAt: '2025-11-24T08:00:00.000Z',
    expiresAt: '2025-11-25T08:00:00.000Z',
    ...overrides,
  };
}

export function buildMessage(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: unique('msg'),
    conversationId,
    role: 'customer',
    text: '停息挂账靠谱吗',
    suggestedActions: [],
    citations: [],
    createdAt: '2025-11-24T08:00:01.000Z',
    ...overrides,
  };
}

export function buildReport(overrides: Partial<AgencyReport> = {}): AgencyReport {
  return {
    reference: unique('R'),
    createdAt: '2025-11-24T08:05:00.000Z',
    locale: 'zh-CN',
    channel: 'web',
    conversationId: unique('conv'),
    platform: '抖音',
    identifiers: [
      { kind: 'wechat', value: 'tingxi888' },
      { kind: 'url', value: 'https://example.com/relief' },
    ],
    description: '私信说能帮我停息挂账，先交 2000 元服务费，电话 138****5678',
    ...overrides,
  };
}

export function buildHandoffRequest(overrides: Partial<HandoffRequest> = {}): HandoffRequest {
  return {
    conversationId: unique('conv'),
    channel: 'web',
    locale: 'zh-CN',
    reason: 'already-involved',
    priority: true,
    intent: 'already-involved',
    risk: 'high',
    redFlags: ['upfront-fee', 'asks-for-verification-code'],
    topics: ['debt-relief-scam'],
    requestedAt: '2025-11-24T08:10:00.000Z',
    transcript: [
      { role: 'customer', text: '我已经给代理交了钱', at: '2025-11-24T08:09:00.000Z' },
      { role: 'bot', text: '先停止付款……', at: '2025-11-24T08:09:01.000Z' },
    ],
    ...overrides,
  };
}

/** Agent wang's login session s1. */
export function buildAgentSession(overrides: Partial<AgentSession> = {}): AgentSession {
  return {
    id: 's1',
    username: 'wang',
    role: 'agent',
    csrfToken: 't',
    createdAt: 'a',
    expiresAt: 'b',
    ...overrides,
  };
}

/** `count` waiting customers, each asking a minute after the one before. */
export function buildWaitingCustomers(count: number): HandoffRequest[] {
  return Array.from({ length: count }, (_, i) =>
    buildHandoffRequest({
      conversationId: `race-${i}`,
      requestedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    }),
  );
}

/**
 * Opens one durable place (a directory on disk) that outlives its connections: `connect()` opens
 * another connection to it, which the caller closes; `close` closes the rest and removes the place.
 * Only implementations that persist or share state across connections provide it.
 */
export type OpenPlace = () => Promise<{ connect(): Stores; close(): Promise<void> }>;
