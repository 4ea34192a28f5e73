/** One numbered change to the schema; applied once, in its own transaction, in version order. */
export type Migration = { version: number; name: string; sql: string };

/**
 * Every schema change, oldest first. Append only: never edit or renumber one that has shipped,
 * because databases already on disk have recorded it as applied.
 * @example migrate(db, migrations)
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'conversation state, conversations and transcripts',
    sql: `
      CREATE TABLE storage_items (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        etag TEXT NOT NULL
      ) STRICT;

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        locale TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE messages (
        conversation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        html TEXT NOT NULL,
        suggested_actions TEXT NOT NULL,
        citations TEXT NOT NULL,
        handoff TEXT,
        created_at TEXT NOT NULL,
        client_message_id TEXT,
        reply_to TEXT,
        PRIMARY KEY (conversation_id, seq)
      ) STRICT;
      CREATE UNIQUE INDEX messages_by_client_message_id
        ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL;
      CREATE INDEX messages_by_reply_to
        ON messages (conversation_id, reply_to, seq) WHERE reply_to IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'feedback, agency reports and handoff requests',
    sql: `
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        comment TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_by_conversation ON feedback (conversation_id, id);

      CREATE TABLE reports (
        reference TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        locale TEXT NOT NULL,
        channel TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        identifiers TEXT NOT NULL,
        description TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_by_created_at ON reports (created_at);

      CREATE TABLE handoff_requests (
        channel TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        reason TEXT NOT NULL,
        priority INTEGER NOT NULL,
        intent TEXT NOT NULL,
        risk TEXT NOT NULL,
        red_flags TEXT NOT NULL,
        topics TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        transcript TEXT NOT NULL,
        PRIMARY KEY (channel, conversation_id)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'handoff queue: state, agent, times, outcome and callback',
    sql: `
      ALTER TABLE handoff_requests ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'accepted', 'completed', 'failed', 'offline'));
      ALTER TABLE handoff_requests ADD COLUMN agent TEXT;
      ALTER TABLE handoff_requests ADD COLUMN accepted_at TEXT;
      ALTER TABLE handoff_requests ADD COLUMN closed_at TEXT;
      ALTER TABLE handoff_requests ADD COLUMN outcome TEXT;
      ALTER TABLE handoff_requests ADD COLUMN callback TEXT;
      CREATE INDEX handoff_requests_waiting
        ON handoff_requests (priority DESC, requested_at, channel, conversation_id) WHERE state = 'queued';
      CREATE INDEX handoff_requests_by_agent
        ON handoff_requests (agent, accepted_at) WHERE state = 'accepted';
      CREATE INDEX handoff_requests_by_requested_at ON handoff_requests (requested_at);
    `,
  },
  {
    version: 4,
    name: 'agent accounts and sessions',
    sql: `
      CREATE TABLE agents (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      ) STRICT;

      CREATE TABLE agent_sessions (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES agents (username) ON DELETE CASCADE,
        role TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agent_sessions_by_expiry ON agent_sessions (expires_at);
    `,
  },
  {
    version: 5,
    name: 'agent display names, staff numbers and disabled accounts',
    sql: `
      ALTER TABLE agents ADD COLUMN display_name TEXT;
      ALTER TABLE agents ADD COLUMN staff_number TEXT;
      ALTER TABLE agents ADD COLUMN disabled_at TEXT;
    `,
  },
  {
    version: 6,
    name: 'messages keep their text only: HTML is rendered when a message is shown',
    sql: `
      ALTER TABLE messages DROP COLUMN html;
    `,
  },
];
