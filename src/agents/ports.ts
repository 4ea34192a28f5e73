/** An agent's role: agents see the queue and their own conversations; admins see all. */
export type AgentRole = 'agent' | 'admin';

export type AgentAccount = {
  username: string;
  role: AgentRole;
  passwordHash: string;
  createdAt: string;
  /** The name customers see (王芳); they never see the login name. */
  displayName?: string;
  /** The staff number customers see beside the name (1024). */
  staffNumber?: string;
  /** When the account was disabled: it cannot log in, and its sessions stop working. */
  disabledAt?: string;
  /** Failed logins since the last success. */
  failures: number;
  lockedUntil?: string;
};

/** An account as it is created or replaced: everything but the login failures. */
export type NewAgentAccount = Omit<AgentAccount, 'failures' | 'lockedUntil'>;

/** Agent accounts. @example await accounts.put({ username, role, passwordHash, createdAt }) */
export interface AgentAccounts {
  /** Creates or replaces (a new password, a new name) an account; failures and lock are cleared. */
  put(account: NewAgentAccount): Promise<void>;
  get(username: string): Promise<AgentAccount | undefined>;
  /** Every account, by user name. */
  list(): Promise<AgentAccount[]>;
  /** Disables the account as of `at`, or enables it again (undefined); false when there is no such account. */
  setDisabled(username: string, at: string | undefined): Promise<boolean>;
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
