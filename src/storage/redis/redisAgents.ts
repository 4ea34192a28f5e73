import type {
  AgentAccount,
  AgentAccounts,
  AgentSession,
  AgentSessions,
  NewAgentAccount,
} from '../../agents/ports.js';
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

/** Disables (ARGV: the time) or enables (ARGV: '') an existing account only. KEYS: account hash. */
const DISABLE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[1] == '' then redis.call('HDEL', KEYS[1], 'disabledAt')
else redis.call('HSET', KEYS[1], 'disabledAt', ARGV[1]) end
return 1
`;

/** A hash's fields as an account; undefined for a hash that is not one. */
function accountOf(h: Record<string, string>): AgentAccount | undefined {
  if (h.username === undefined) return undefined;
  return {
    username: h.username,
    role: h.role as AgentAccount['role'],
    passwordHash: h.passwordHash ?? '',
    createdAt: h.createdAt ?? '',
    ...(h.displayName ? { displayName: h.displayName } : {}),
    ...(h.staffNumber ? { staffNumber: h.staffNumber } : {}),
    ...(h.disabledAt ? { disabledAt: h.disabledAt } : {}),
    failures: Number(h.failures ?? 0),
    ...(h.lockedUntil ? { lockedUntil: h.lockedUntil } : {}),
  };
}

/** A key prefix as a SCAN pattern that matches it literally. */
const literal = (prefix: string) => prefix.replace(/[*?[\]\\]/g, '\\$&');

/** Agent accounts on Redis, a hash per user name. @example await accounts.put({ username, role, passwordHash, createdAt }) */
export class RedisAgentAccounts implements AgentAccounts {
  constructor(private readonly handle: RedisHandle) {}

  put(account: NewAgentAccount): Promise<void> {
    const { username, role, passwordHash, createdAt, displayName, staffNumber, disabledAt } = account;
    const fields = {
      username,
      role,
      passwordHash,
      createdAt,
      ...(displayName ? { displayName } : {}),
      ...(staffNumber ? { staffNumber } : {}),
      ...(disabledAt ? { disabledAt } : {}),
      failures: 0,
    };
    const key = this.key(username);
    return this.handle.run(async (redis) => {
      await redis.multi().del(key).hset(key, fields).exec();
    });
  }

  get(username: string): Promise<AgentAccount | undefined> {
    return this.handle.run(async (redis) => accountOf(await redis.hgetall(this.key(username))));
  }

  /** Found by scanning the account keys, so accounts made before any index are listed too. */
  list(): Promise<AgentAccount[]> {
    return this.handle.run(async (redis) => {
      const keys = new Set<string>();
      const match = `${literal(this.handle.key('agent'))}:*`;
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 200);
        for (const k of found) keys.add(k);
        cursor = next;
      } while (cursor !== '0');
      const hashes = await Promise.all([...keys].map((k) => redis.hgetall(k)));
      return hashes
        .map(accountOf)
        .filter((a): a is AgentAccount => a !== undefined)
        .sort((a, b) => (a.username < b.username ? -1 : 1));
    });
  }

  setDisabled(username: string, at: string | undefined): Promise<boolean> {
    return this.handle.run(
      async (redis) => (await redis.eval(DISABLE, 1, this.key(username), at ?? '')) === 1,
    );
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
