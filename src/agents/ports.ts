/** An agent's role: agents see the queue and their own conversations; admins see all. */
export type AgentRole = 'agent' | 'admin';

export type AgentAccount = {
  username: string;
  role: AgentRole;
  passwordHash: string;
  createdAt: string;
  /** Failed logins since the last success. */
  failures: number;
  lockedUntil?: string;
};

/** Agent accounts. @example await accounts.add({ username, role, passwordHash, createdAt }) */
export interface AgentAccounts {
  /** Creates or replaces (a new password) an account; failures and lock are cleared. */
  put(account: Omit<AgentAccount, 'failures' | 'lockedUntil'>): Promise<void>;
  get(username: string): Promise<AgentAccount | undefined>;
  /** Counts a failed login; locks the account until `lockUntil` when given. */
  failed(username: string, lockUntil?: string): Promise<void>;
  /** Clears the failure count and any lock (after a good login, or once a lock has run out). */
  clear(username: string): Promise<void>;
}

export type AgentSession = {
  id: string;
  username: string;
  role: AgentRole;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

/** Login sessions, kept in the store so any instance can check them. */
export interface AgentSessions {
  create(session: AgentSession): Promise<void>;
  get(id: string): Promise<AgentSession | undefined>;
  delete(id: string): Promise<void>;
}
