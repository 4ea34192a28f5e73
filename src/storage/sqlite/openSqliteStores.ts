import type { Stores } from '../stores.js';
import { openDatabase } from './database.js';
import { SqliteAgentAccounts, SqliteAgentSessions } from './sqliteAgents.js';
import { SqliteConversations } from './sqliteConversations.js';
import { SqliteFeedback } from './sqliteFeedback.js';
import { SqliteHandle } from './sqliteHandle.js';
import { SqliteHandoffQueue } from './sqliteHandoffQueue.js';
import { SqliteReports } from './sqliteReports.js';
import { SqliteStorage } from './sqliteStorage.js';
import { SqliteTranscripts } from './sqliteTranscripts.js';

/**
 * Every store on one SQLite file, `<dataDir>/anxin.db`: the embedded default, nothing to install.
 * Opening is synchronous (better-sqlite3) and applies pending migrations; after `close()` every
 * store call rejects with "The store is closed." and `ping()` answers false.
 * @example const stores = openSqliteStores(config.dataDir); … await stores.close()
 */
export function openSqliteStores(dataDir: string): Stores {
  const handle = new SqliteHandle(openDatabase(dataDir));
  const ping = handle.db.prepare<[], { ok: number }>('SELECT 1 AS ok');
  return {
    storage: new SqliteStorage(handle),
    conversations: new SqliteConversations(handle),
    transcripts: new SqliteTranscripts(handle),
    feedback: new SqliteFeedback(handle),
    reports: new SqliteReports(handle),
    handoffs: new SqliteHandoffQueue(handle),
    agents: new SqliteAgentAccounts(handle),
    agentSessions: new SqliteAgentSessions(handle),
    ping: () => handle.run(() => !handle.db.readonly && ping.get()?.ok === 1).catch(() => false),
    close: async () => handle.close(),
  };
}
