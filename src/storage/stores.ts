import type { Storage } from 'botbuilder';
import type { AgentAccounts, AgentSessions } from '../agents/ports.js';
import type { ReportStore } from '../bot/report/agencyReport.js';
import type { ConversationStore } from '../conversation/conversationRecord.js';
import type { FeedbackStore } from '../conversation/feedback.js';
import type { TranscriptStore } from '../conversation/transcript.js';
import type { HandoffQueue } from '../handoff/handoffQueue.js';

/** Every store the app needs, opened together and closed together. */
export type Stores = {
  /** botbuilder conversation state, with eTag concurrency. */
  storage: Storage;
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  feedback: FeedbackStore;
  reports: ReportStore;
  /** The human-agent queue; the bot itself only requests and reads. */
  handoffs: HandoffQueue;
  agents: AgentAccounts;
  agentSessions: AgentSessions;
  /** Reachable and writable (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};
