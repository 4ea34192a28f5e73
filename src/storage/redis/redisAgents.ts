import type { AgentAccount, AgentAccounts, AgentSession, AgentSessions } from '../../agents/ports.js';
import type { RedisHandle } from './redisHandle.js';

/** Counts a failed login on an existing account only. KEYS: account hash; ARGV: lockUntil or ''. */
const FAILED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'failures', 1)
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'lockedUntil', ARGV[1]) end
return 1
`;

/** Clears failures and lock on an existing account only. KEYS: account hash. */
const CLEAR = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'failures', 0)
redis.call('HDEL', KEYS[1], 'lockedUntil')
return 1
`;

/** Agent accounts on Redis, a hash per user name. @example await accounts.put({ username, role, passwordHash, createdAt }) */
export class RedisAgentAccounts implements AgentAccounts {
  constructor(private readonly handle: RedisHandle) {}

  put(account: Omit<AgentAccount, 'failures' | 'lockedUntil'>): Promise<void> {
    const { username, role, passwordHash, createdAt } = account;
    const key = this.key(username);
    return this.handle.run(async (redis) => {
      await redis.multi().del(key).hset(key, { username, role, passwordHash, createdAt, failures: 0 }).exec();
    });
  }

  get(username: string): Promise<AgentAccount | undefined> {
    return this.handle.run(async (redis) => {
      const h = await redis.hgetall(this.key(username));
      if (h.username === undefined) return undefined;
      return {
        username: h.username,
        role: h.role as AgentAccount['role'],
        passwordHash: h.passwordHash ?? '',
        createdAt: h.createdAt ?? '',
        failures: Number(h.failures ?? 0),
        ...(h.lockedUntil ? { lockedUntil: h.lockedUntil } : {}),
      };
    });
  }

  failed(username: string, lockUntil?: string): Promise<void> {
    return this.handle.run(async (redis) => {
      await redis.eval(FAILED, 1, this.key(username), lockUntil ?? '');
    });
  }

  clear(username: string): Promise<void> {
    return this.handle.run(async (redis) => {
      await redis.eval(CLEAR, 1, this.key(username));
    });
  }

  private key(username: string): string {
    return this.handle.key('agent', username);
  }
}

/**
 * Agent login sessions on Redis, so any instance can check a cookie; each one expires in Redis at
 * its `expiresAt` (kept without a TTL when that is not a date). @example await sessions.create(session)
 */
export class RedisAgentSessions implements AgentSessions {
  constructor(private readonly handle: RedisHandle) {}

  create(session: AgentSession): Promise<void> {
    const key = this.key(session.id);
    const value = JSON.stringify(session);
    const expiresAt = Date.parse(session.expiresAt);
    return this.handle.run(async (redis) => {
      if (Number.isNaN(expiresAt)) await redis.set(key, value);
      else await redis.set(key, value, 'PXAT', expiresAt);
    });
  }

  get(id: string): Promise<AgentSession | undefined> {
    return this.handle.run(async (redis) => {
      const raw = await redis.get(this.key(id));
      return raw === null ? undefined : (JSON.parse(raw) as AgentSession);
    });
  }

  delete(id: string): Promise<void> {
    return this.handle.run(async (redis) => {
      await redis.del(this.key(id));
    });
  }

  private key(id: string): string {
    return this.handle.key('agentSession', id);
  }
}
