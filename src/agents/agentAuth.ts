import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords.js';
import type { AgentAccounts, AgentSession, AgentSessions } from './ports.js';

/** Failed logins in a row that lock an account, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;
export const SESSION_HOURS = 12;

export type LoginResult =
  | { ok: true; session: AgentSession }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterS: number };

// Compared against when the user does not exist, so both paths take the same time.
const decoy = hashPassword(randomBytes(16).toString('hex'));

/**
 * Agent login with lockout after repeated failures, and sessions with a CSRF token each.
 * @example const r = await auth.login('wang', password); if (r.ok) setCookie(r.session.id)
 */
export class AgentAuth {
  constructor(
    private readonly accounts: AgentAccounts,
    private readonly sessions: AgentSessions,
    private readonly now: () => number = Date.now,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const account = await this.accounts.get(username);
    if (!account) {
      await verifyPassword(password, await decoy);
      return { ok: false, reason: 'invalid' };
    }
    const lockedFor = account.lockedUntil ? Date.parse(account.lockedUntil) - this.now() : 0;
    if (lockedFor > 0) return { ok: false, reason: 'locked', retryAfterS: Math.ceil(lockedFor / 1000) };
    // A lock that has run out starts the count again.
    const previous = account.lockedUntil ? 0 : account.failures;
    if (account.lockedUntil) await this.accounts.clear(username);
    if (!(await verifyPassword(password, account.passwordHash))) {
      const failures = previous + 1;
      const lock =
        failures >= LOCKOUT.failures
          ? new Date(this.now() + LOCKOUT.minutes * 60_000).toISOString()
          : undefined;
      await this.accounts.failed(username, lock);
      return lock
        ? { ok: false, reason: 'locked', retryAfterS: LOCKOUT.minutes * 60 }
        : { ok: false, reason: 'invalid' };
    }
    await this.accounts.clear(username);
    // Said only to someone who knows the password, so it tells a stranger nothing.
    if (account.disabledAt) return { ok: false, reason: 'disabled' };
    const session: AgentSession = {
      id: randomBytes(32).toString('base64url'),
      username,
      role: account.role,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: new Date(this.now()).toISOString(),
      expiresAt: new Date(this.now() + SESSION_HOURS * 3_600_000).toISOString(),
    };
    await this.sessions.create(session);
    return { ok: true, session };
  }

  /** The live session with this id, if any: not expired, and its account still there and enabled. */
  async session(id: string | undefined): Promise<AgentSession | undefined> {
    if (!id) return undefined;
    const s = await this.sessions.get(id);
    if (!s) return undefined;
    const account = Date.parse(s.expiresAt) > this.now() ? await this.accounts.get(s.username) : undefined;
    if (!account || account.disabledAt) {
      await this.sessions.delete(id);
      return undefined;
    }
    return s;
  }

  logout(id: string): Promise<void> {
    return this.sessions.delete(id);
  }
}
