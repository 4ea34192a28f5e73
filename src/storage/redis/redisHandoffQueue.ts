import type { QueueState } from '../../bot/handoffRequest.js';
import type { QueueEntry } from '../../handoff/handoffQueue.js';
import { claimOrder, newestFirst, waitingOrder } from '../../handoff/queueTransitions.js';
import { HandoffQueueBase, type QueueChange } from '../handoffQueueBase.js';
import type { RedisHandle } from './redisHandle.js';

const states: QueueState[] = ['queued', 'accepted', 'completed', 'failed', 'offline'];

/**
 * Compare-and-set of one entry: written only if it is still exactly as read, moving its member
 * from the old state's index set to the new one's in the same step.
 * KEYS: entry, old state set, new state set. ARGV: entry as read ('' when none), next entry, member.
 */
const SWAP = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if current then redis.call('SREM', KEYS[2], ARGV[3]) end
redis.call('SADD', KEYS[3], ARGV[3])
return 1
`;

/** Every entry of the given state sets, read in one step. KEYS: state sets. ARGV: entry key prefix. */
const SNAPSHOT = `
local out = {}
for _, set in ipairs(KEYS) do
  for _, member in ipairs(redis.call('SMEMBERS', set)) do
    local raw = redis.call('GET', ARGV[1] .. member)
    if raw then out[#out + 1] = raw end
  end
end
return out
`;

/** Far more than two instances racing for one entry ever need; past it something is wrong. */
const MAX_ATTEMPTS = 100;

/**
 * The handoff queue on Redis: one JSON string per (channel, conversation) and a set per state
 * indexing them. A change reads the entry, runs the shared transition, and writes the result only
 * if the entry is still as read (a Lua compare-and-set), else reads again: two instances never both
 * claim one entry, and no connection-wide WATCH is needed on a shared client. Lists read a state's
 * entries in one script (standalone Redis; not for Redis Cluster).
 * @example const entry = await queue.claim('web', conversationId, 'li.na')
 */
export class RedisHandoffQueue extends HandoffQueueBase {
  constructor(
    private readonly handle: RedisHandle,
    now?: () => string,
  ) {
    super(now);
  }

  entry(channel: string, conversationId: string): Promise<QueueEntry | undefined> {
    return this.handle.run(async (redis) => {
      const raw = await redis.get(this.entryKey(member(channel, conversationId)));
      return raw === null ? undefined : (JSON.parse(raw) as QueueEntry);
    });
  }

  async waiting(): Promise<QueueEntry[]> {
    return (await this.snapshot(['queued'])).sort(waitingOrder);
  }

  async claimedBy(agent: string): Promise<QueueEntry[]> {
    return (await this.snapshot(['accepted'])).filter((e) => e.agent === agent).sort(claimOrder);
  }

  async list(only?: QueueState[], limit = 200): Promise<QueueEntry[]> {
    const wanted = states.filter((s) => only === undefined || only.includes(s));
    const all = (await this.snapshot(wanted)).sort(newestFirst);
    return all.slice(0, Math.max(0, Math.floor(limit)));
  }

  protected apply(channel: string, conversationId: string, change: QueueChange): Promise<QueueEntry> {
    return this.handle.run(async (redis) => {
      const id = member(channel, conversationId);
      const key = this.entryKey(id);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const raw = await redis.get(key);
        const current = raw === null ? undefined : (JSON.parse(raw) as QueueEntry);
        const entry = JSON.parse(JSON.stringify(change(current))) as QueueEntry;
        const from = this.stateKey(current?.state ?? entry.state);
        const swapped = await redis.eval(
          SWAP,
          3,
          key,
          from,
          this.stateKey(entry.state),
          raw ?? '',
          JSON.stringify(entry),
          id,
        );
        if (swapped === 1) return entry;
      }
      throw new Error(
        `Handoff: ${channel}/${conversationId} kept changing; gave up after ${MAX_ATTEMPTS} tries.`,
      );
    });
  }

  private snapshot(wanted: QueueState[]): Promise<QueueEntry[]> {
    return this.handle.run(async (redis) => {
      if (!wanted.length) return [];
      const keys = wanted.map((s) => this.stateKey(s));
      const raw = (await redis.eval(SNAPSHOT, keys.length, ...keys, this.entryKey(''))) as string[];
      return raw.map((r) => JSON.parse(r) as QueueEntry);
    });
  }

  private entryKey(id: string): string {
    return this.handle.key('handoff', 'entry', id);
  }

  private stateKey(state: QueueState): string {
    return this.handle.key('handoff', 'state', state);
  }
}

function member(channel: string, conversationId: string): string {
  return JSON.stringify([channel, conversationId]);
}
