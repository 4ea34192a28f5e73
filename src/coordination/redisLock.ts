import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { TurnLock } from './keyedLock.js';

// A conversation's lock is a queue of tickets in arrival order (KEYS[1], a list) and each ticket's
// deadline on Redis's own clock (KEYS[2], a hash). The head of the queue holds the lock and keeps a
// long deadline (the ttl); waiters poll often, so theirs is short. A ticket whose deadline passed
// (its instance died) is dropped when it reaches the head. Both keys expire if every instance using
// them died. The keys share a hash tag, so the scripts also run on Redis Cluster.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('PEXPIRE', KEYS[1], ttl * 3) redis.call('PEXPIRE', KEYS[2], ttl * 3)`;

/** ARGV: ticket, ttl, '1' to join the queue, waiter's ttl. Answers 0 (holds the lock), 1 (waits) or -1 (was dropped). */
const TURN = `${NOW}
if ARGV[3] == '1' then redis.call('RPUSH', KEYS[1], ARGV[1])
elseif redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return -1 end
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -1 end
  if head == ARGV[1] then redis.call('HSET', KEYS[2], ARGV[1], now + ttl) return 0 end
  if tonumber(redis.call('HGET', KEYS[2], head) or '0') >= now then
    redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[4])) return 1
  end
  redis.call('LPOP', KEYS[1]) redis.call('HDEL', KEYS[2], head)
end`;

/** ARGV: ticket, ttl. The holder's renewal; answers 0 if the ticket was dropped. */
const RENEW = `${NOW}
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], now + ttl)
return 1`;

const LEAVE = `redis.call('LREM', KEYS[1], 1, ARGV[1]) redis.call('HDEL', KEYS[2], ARGV[1]) return 1`;

type Keys = readonly [string, string];
/** The scripts, loaded once and then run by their hash. */
type LockCommands = {
  anxinLockTurn(...args: [...Keys, string, string, string, string]): Promise<number>;
  anxinLockRenew(...args: [...Keys, string, string]): Promise<number>;
  anxinLockLeave(...args: [...Keys, string]): Promise<number>;
};

export type RedisLockOptions = {
  /** How long a holder's ticket lives without renewal (it renews every third of it). */
  ttlMs?: number;
  /** How long a turn waits for the lock before a "busy" error. */
  waitMs?: number;
  prefix?: string;
  /** Called when a holder's ticket was dropped (its renewals failed for a whole ttl). */
  onLost?: (key: string) => void;
};

/**
 * A per-conversation lock across instances: turns of one conversation run one at a time, in the
 * order they reached Redis, whichever instance received them. The holder renews its ticket while
 * it works; a dead instance's tickets are dropped after `ttlMs` (a waiter's after 2 s). A holder
 * that cannot reach Redis for a whole ttl loses the lock, and `onLost` says so.
 * @example await lock.run(conversationId, () => runTurn())
 */
export class RedisLock implements TurnLock {
  private readonly running = new Set<Promise<unknown>>();
  private readonly redis: Redis & LockCommands;

  constructor(
    redis: Redis,
    private readonly options: RedisLockOptions = {},
  ) {
    redis.defineCommand('anxinLockTurn', { numberOfKeys: 2, lua: TURN });
    redis.defineCommand('anxinLockRenew', { numberOfKeys: 2, lua: RENEW });
    redis.defineCommand('anxinLockLeave', { numberOfKeys: 2, lua: LEAVE });
    this.redis = redis as Redis & LockCommands;
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const held = this.hold(key, work);
    this.running.add(held);
    try {
      return await held;
    } finally {
      this.running.delete(held);
    }
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async hold<T>(key: string, work: () => Promise<T>): Promise<T> {
    const ttl = this.options.ttlMs ?? 10_000;
    const name = `${this.options.prefix ?? 'anxin:lock:'}{${key}}`;
    const keys: Keys = [`${name}:queue`, `${name}:due`];
    const ticket = randomUUID();
    const leave = () => this.redis.anxinLockLeave(...keys, ticket).catch(() => undefined);
    try {
      await this.wait(keys, ticket, ttl);
    } catch (err) {
      await leave();
      throw err;
    }
    const renew = setInterval(() => {
      this.redis
        .anxinLockRenew(...keys, ticket, String(ttl))
        .then((kept) => kept || this.options.onLost?.(key))
        .catch(() => undefined);
    }, ttl / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await leave();
    }
  }

  /** Joins the queue and polls until this ticket is at its head. */
  private async wait(keys: Keys, ticket: string, ttl: number): Promise<void> {
    const deadline = Date.now() + (this.options.waitMs ?? 15_000);
    const waiterTtl = String(Math.min(ttl, 2000));
    let join = '1';
    for (let delay = 2; ; delay = Math.min(delay * 2, 20)) {
      const turn = await this.redis.anxinLockTurn(...keys, ticket, String(ttl), join, waiterTtl);
      if (turn === 0) return;
      // Dropped (this process stalled past its deadline): join again, at the back.
      join = turn === -1 ? '1' : '0';
      if (Date.now() > deadline)
        throw new AppError('unavailable:lock', 'the conversation is busy; try again');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
