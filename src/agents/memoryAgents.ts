import type { AgentAccount, AgentAccounts, AgentSession, AgentSessions } from './ports.js';

/** Agent accounts in memory (tests; the reference for the contract suite). */
export class MemoryAgentAccounts implements AgentAccounts {
  private readonly accounts = new Map<string, AgentAccount>();

  async put(account: Omit<AgentAccount, 'failures' | 'lockedUntil'>): Promise<void> {
    this.accounts.set(account.username, { ...account, failures: 0 });
  }

  async get(username: string): Promise<AgentAccount | undefined> {
    const a = this.accounts.get(username);
    return a && { ...a };
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
