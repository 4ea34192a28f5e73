import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { TurnLock } from './keyedLock.js';

// A conversation's lock is a queue of tickets in arrival order (KEYS[1], a list) and each ticket's
// deadline on Redis's own clock (KEYS[2], a hash). The head of the queue holds the lock. Every
// waiter and the holder push their deadline forward while they live; a ticket whose deadline has
// passed (its instance crashed) is dropped when it reaches the head. Both keys expire if every
// instance using them died.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
const KEEP = `redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 3) redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) * 3)`;

/** ARGV: ticket, ttl, '1' to join the queue. Answers 0 (holds the lock), 1 (waits) or -1 (was dropped). */
const TURN = `${NOW}
if ARGV[3] == '1' then redis.call('RPUSH', KEYS[1], ARGV[1])
elseif redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return -1 end
${KEEP}
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -1 end
  if head == ARGV[1] then return 0 end
  if tonumber(redis.call('HGET', KEYS[2], head) or '0') >= now then return 1 end
  redis.call('LPOP', KEYS[1]) redis.call('HDEL', KEYS[2], head)
end`;

/** ARGV: ticket, ttl. The holder's renewal; answers 0 if the ticket was dropped. */
const RENEW = `${NOW}
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
${KEEP}
return 1`;

const LEAVE = `redis.call('LREM', KEYS[1], 1, ARGV[1]) redis.call('HDEL', KEYS[2], ARGV[1]) return 1`;

/**
 * A per-conversation lock across instances: two instances never run two turns of one conversation
 * at once, and turns run in the order they reached Redis, whichever instance received them. The
 * holder renews its ticket while it works; a crashed instance's tickets expire after `ttlMs`.
 * @example await lock.run(conversationId, () => runTurn())
 */
export class RedisLock implements TurnLock {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly options: { ttlMs?: number; waitMs?: number; prefix?: string } = {},
  ) {}

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
    const ttl = String(this.options.ttlMs ?? 10_000);
    const name = `${this.options.prefix ?? 'anxin:lock:'}${key}`;
    const keys = [`${name}:queue`, `${name}:due`] as const;
    const ticket = randomUUID();
    const leave = () => this.redis.eval(LEAVE, 2, ...keys, ticket).catch(() => undefined);
    try {
      await this.wait(keys, ticket, ttl);
    } catch (err) {
      await leave();
      throw err;
    }
    const renew = setInterval(() => {
      this.redis.eval(RENEW, 2, ...keys, ticket, ttl).catch(() => undefined);
    }, Number(ttl) / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await leave();
    }
  }

  /** Joins the queue and polls until this ticket is at its head. */
  private async wait(keys: readonly [string, string], ticket: string, ttl: string): Promise<void> {
    const deadline = Date.now() + (this.options.waitMs ?? 15_000);
    let join = '1';
    for (let delay = 2; ; delay = Math.min(delay * 2, 20)) {
      const turn = Number(await this.redis.eval(TURN, 2, ...keys, ticket, ttl, join));
      if (turn === 0) return;
      // Dropped (this process stalled past the ttl): join again, at the back.
      join = turn === -1 ? '1' : '0';
      if (Date.now() > deadline)
        throw new AppError('unavailable:lock', 'the conversation is busy; try again');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
