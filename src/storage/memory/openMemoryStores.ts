import { MemoryAgentAccounts, MemoryAgentSessions } from '../../agents/memoryAgents.js';
import type { Stores } from '../stores.js';
import { MemoryConversations } from './memoryConversations.js';
import { MemoryFeedback } from './memoryFeedback.js';
import { MemoryHandoffQueue } from './memoryHandoffQueue.js';
import { MemoryReports } from './memoryReports.js';
import { MemoryState } from './memoryState.js';
import { MemoryStore } from './memoryStore.js';
import { MemoryTranscripts } from './memoryTranscripts.js';

/**
 * Every store in process memory: for tests, and the reference the contract suites are checked
 * against. Nothing survives `close()`; calls after it reject like the SQLite stores'.
 * @example const stores = openMemoryStores()
 */
export function openMemoryStores(): Stores {
  const state = new MemoryState();
  return {
    storage: new MemoryStore(state),
    conversations: new MemoryConversations(state),
    transcripts: new MemoryTranscripts(state),
    feedback: new MemoryFeedback(state),
    reports: new MemoryReports(state),
    handoffs: new MemoryHandoffQueue(state),
    agents: new MemoryAgentAccounts(),
    agentSessions: new MemoryAgentSessions(),
    ping: async () => state.open,
    close: async () => {
      state.open = false;
    },
  };
}
