import type {
  AgentAccount,
  AgentAccounts,
  AgentRole,
  AgentSession,
  AgentSessions,
} from '../../agents/ports.js';
import type { SqliteHandle } from './sqliteHandle.js';

type AccountRow = {
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  failures: number;
  locked_until: string | null;
};
type SessionRow = {
  id: string;
  username: string;
  role: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
};

/** Agent accounts on SQLite. @example await accounts.put({ username, role, passwordHash, createdAt }) */
export class SqliteAgentAccounts implements AgentAccounts {
  private readonly upsert;
  private readonly select;
  private readonly fail;
  private readonly reset;

  constructor(private readonly handle: SqliteHandle) {
    this.upsert = handle.db.prepare(
      `INSERT INTO agents (username, role, password_hash, created_at, failures, locked_until)
       VALUES (@username, @role, @passwordHash, @createdAt, 0, NULL)
       ON CONFLICT (username) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
         failures = 0, locked_until = NULL`,
    );
    this.select = handle.db.prepare<[string], AccountRow>('SELECT * FROM agents WHERE username = ?');
    this.fail = handle.db.prepare<[string | null, string]>(
      'UPDATE agents SET failures = failures + 1, locked_until = COALESCE(?, locked_until) WHERE username = ?',
    );
    this.reset = handle.db.prepare<[string]>(
      'UPDATE agents SET failures = 0, locked_until = NULL WHERE username = ?',
    );
  }

  put(account: Omit<AgentAccount, 'failures' | 'lockedUntil'>): Promise<void> {
    return this.handle.run(() => void this.upsert.run(account));
  }

  get(username: string): Promise<AgentAccount | undefined> {
    return this.handle.run(() => {
      const r = this.select.get(username);
      return (
        r && {
          username: r.username,
          role: r.role as AgentRole,
          passwordHash: r.password_hash,
          createdAt: r.created_at,
          failures: r.failures,
          ...(r.locked_until ? { lockedUntil: r.locked_until } : {}),
        }
      );
    });
  }

  failed(username: string, lockUntil?: string): Promise<void> {
    return this.handle.run(() => void this.fail.run(lockUntil ?? null, username));
  }

  clear(username: string): Promise<void> {
    return this.handle.run(() => void this.reset.run(username));
  }
}

/** Agent sessions on SQLite, so any instance can check a cookie. */
export class SqliteAgentSessions implements AgentSessions {
  private readonly insert;
  private readonly select;
  private readonly remove;

  constructor(private readonly handle: SqliteHandle) {
    this.insert = handle.db.prepare(
      `INSERT INTO agent_sessions (id, username, role, csrf_token, created_at, expires_at)
       VALUES (@id, @username, @role, @csrfToken, @createdAt, @expiresAt)`,
    );
    this.select = handle.db.prepare<[string], SessionRow>('SELECT * FROM agent_sessions WHERE id = ?');
    this.remove = handle.db.prepare<[string]>('DELETE FROM agent_sessions WHERE id = ?');
  }

  create(session: AgentSession): Promise<void> {
    return this.handle.run(() => void this.insert.run(session));
  }

  get(id: string): Promise<AgentSession | undefined> {
    return this.handle.run(() => {
      const r = this.select.get(id);
      return (
        r && {
          id: r.id,
          username: r.username,
          role: r.role as AgentRole,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      );
    });
  }

  delete(id: string): Promise<void> {
    return this.handle.run(() => void this.remove.run(id));
  }
}
