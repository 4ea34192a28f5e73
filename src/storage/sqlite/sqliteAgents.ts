import type {
  AgentAccount,
  AgentAccounts,
  AgentRole,
  AgentSession,
  AgentSessions,
  NewAgentAccount,
} from '../../agents/ports.js';
import type { SqliteHandle } from './sqliteHandle.js';

type AccountRow = {
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  display_name: string | null;
  staff_number: string | null;
  disabled_at: string | null;
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

function accountOf(r: AccountRow): AgentAccount {
  return {
    username: r.username,
    role: r.role as AgentRole,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    ...(r.display_name ? { displayName: r.display_name } : {}),
    ...(r.staff_number ? { staffNumber: r.staff_number } : {}),
    ...(r.disabled_at ? { disabledAt: r.disabled_at } : {}),
    failures: r.failures,
    ...(r.locked_until ? { lockedUntil: r.locked_until } : {}),
  };
}

/** Agent accounts on SQLite. @example await accounts.put({ username, role, passwordHash, createdAt }) */
export class SqliteAgentAccounts implements AgentAccounts {
  private readonly upsert;
  private readonly select;
  private readonly selectAll;
  private readonly disable;
  private readonly fail;
  private readonly reset;

  constructor(private readonly handle: SqliteHandle) {
    this.upsert = handle.db.prepare(
      `INSERT INTO agents (username, role, password_hash, created_at, display_name, staff_number,
         disabled_at, failures, locked_until)
       VALUES (@username, @role, @passwordHash, @createdAt, @displayName, @staffNumber, @disabledAt, 0, NULL)
       ON CONFLICT (username) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
         display_name = excluded.display_name, staff_number = excluded.staff_number,
         disabled_at = excluded.disabled_at, failures = 0, locked_until = NULL`,
    );
    this.select = handle.db.prepare<[string], AccountRow>('SELECT * FROM agents WHERE username = ?');
    this.selectAll = handle.db.prepare<[], AccountRow>('SELECT * FROM agents ORDER BY username');
    this.disable = handle.db.prepare<[string | null, string]>(
      'UPDATE agents SET disabled_at = ? WHERE username = ?',
    );
    this.fail = handle.db.prepare<[string | null, string]>(
      'UPDATE agents SET failures = failures + 1, locked_until = COALESCE(?, locked_until) WHERE username = ?',
    );
    this.reset = handle.db.prepare<[string]>(
      'UPDATE agents SET failures = 0, locked_until = NULL WHERE username = ?',
    );
  }

  put(account: NewAgentAccount): Promise<void> {
    const row = {
      username: account.username,
      role: account.role,
      passwordHash: account.passwordHash,
      createdAt: account.createdAt,
      displayName: account.displayName ?? null,
      staffNumber: account.staffNumber ?? null,
      disabledAt: account.disabledAt ?? null,
    };
    return this.handle.run(() => void this.upsert.run(row));
  }

  get(username: string): Promise<AgentAccount | undefined> {
    return this.handle.run(() => {
      const r = this.select.get(username);
      return r && accountOf(r);
    });
  }

  list(): Promise<AgentAccount[]> {
    return this.handle.run(() => this.selectAll.all().map(accountOf));
  }

  setDisabled(username: string, at: string | undefined): Promise<boolean> {
    return this.handle.run(() => this.disable.run(at ?? null, username).changes > 0);
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
