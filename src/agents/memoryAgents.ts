import type { AgentAccount, AgentAccounts, AgentSession, AgentSessions, NewAgentAccount } from './ports.js';

/** Agent accounts in memory (tests; the reference for the contract suite). */
export class MemoryAgentAccounts implements AgentAccounts {
  private readonly accounts = new Map<string, AgentAccount>();

  async put(account: NewAgentAccount): Promise<void> {
    this.accounts.set(account.username, { ...account, failures: 0 });
  }

  async get(username: string): Promise<AgentAccount | undefined> {
    const a = this.accounts.get(username);
    return a && { ...a };
  }

  async list(): Promise<AgentAccount[]> {
    return [...this.accounts.values()]
      .map((a) => ({ ...a }))
      .sort((a, b) => (a.username < b.username ? -1 : 1));
  }

  async setDisabled(username: string, at: string | undefined): Promise<boolean> {
    const a = this.accounts.get(username);
    if (!a) return false;
    if (at) a.disabledAt = at;
    else delete a.disabledAt;
    return true;
  }

  async failed(username: string, lockUntil?: string): Promise<void> {
    const a = this.accounts.get(username);
    if (!a) return;
    a.failures += 1;
    if (lockUntil) a.lockedUntil = lockUntil;
  }

  async clear(username: string): Promise<void> {
    const a = this.accounts.get(username);
    if (!a) return;
    a.failures = 0;
    delete a.lockedUntil;
  }
}

/** Agent sessions in memory. */
export class MemoryAgentSessions implements AgentSessions {
  private readonly sessions = new Map<string, AgentSession>();

  async create(session: AgentSession): Promise<void> {
    this.sessions.set(session.id, { ...session });
  }

  async get(id: string): Promise<AgentSession | undefined> {
    const s = this.sessions.get(id);
    return s && { ...s };
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }
}
