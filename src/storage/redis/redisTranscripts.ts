import type { NewMessage, StoredMessage, TranscriptStore } from '../../conversation/transcript.js';
import { storeErrors } from '../storeErrors.js';
import type { RedisHandle } from './redisHandle.js';

/**
 * Checks every message in order, then keeps them all, in one script: Redis runs it atomically, so
 * appends from any number of instances never share a seq and a refused one keeps nothing.
 * KEYS: messages list, clientMessageId → seq hash, replyTo → seqs hash.
 * ARGV per message: foreign flag ('1'/''), clientMessageId ('' for none), replyTo ('' for none), JSON.
 * Returns {'ok', firstSeq} or {'foreign' | 'duplicate', index (1-based)}.
 */
const APPEND = `
local n = #ARGV / 4
local seen = {}
for i = 1, n do
  if ARGV[(i - 1) * 4 + 1] == '1' then return {'foreign', i} end
  local id = ARGV[(i - 1) * 4 + 2]
  if id ~= '' then
    if seen[id] or redis.call('HEXISTS', KEYS[2], id) == 1 then return {'duplicate', i} end
    seen[id] = true
  end
end
local first = redis.call('LLEN', KEYS[1]) + 1
for i = 1, n do
  local seq = first + i - 1
  redis.call('RPUSH', KEYS[1], ARGV[(i - 1) * 4 + 4])
  local id = ARGV[(i - 1) * 4 + 2]
  if id ~= '' then redis.call('HSET', KEYS[2], id, seq) end
  local replyTo = ARGV[(i - 1) * 4 + 3]
  if replyTo ~= '' then
    local seqs = redis.call('HGET', KEYS[3], replyTo)
    redis.call('HSET', KEYS[3], replyTo, seqs and (seqs .. ',' .. seq) or tostring(seq))
  end
end
return {'ok', first}
`;

/**
 * Masked transcripts on Redis, per conversation: the messages in a list (seq = place + 1), and
 * hashes from clientMessageId and from replyTo to seq. Messages never change once appended, so
 * reads need no transaction. @example const [stored] = await transcripts.append(id, [message])
 */
export class RedisTranscripts implements TranscriptStore {
  constructor(private readonly handle: RedisHandle) {}

  append(conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]> {
    return this.handle.run(async (redis) => {
      if (!messages.length) return [];
      const args = messages.flatMap((m) => [
        m.conversationId === conversationId ? '' : '1',
        m.clientMessageId ?? '',
        m.replyTo ?? '',
        JSON.stringify(m),
      ]);
      const [outcome, at] = (await redis.eval(APPEND, 3, ...this.keys(conversationId), ...args)) as [
        string,
        number,
      ];
      const message = messages[at - 1] as NewMessage;
      if (outcome === 'foreign') throw storeErrors.foreignMessage(conversationId, message.id);
      if (outcome === 'duplicate')
        throw storeErrors.duplicateClientMessageId(conversationId, message.clientMessageId ?? '');
      return messages.map((m, i) => ({ ...(JSON.parse(JSON.stringify(m)) as NewMessage), seq: at + i }));
    });
  }

  list(conversationId: string, afterSeq = 0): Promise<StoredMessage[]> {
    return this.handle.run(async (redis) => {
      const start = Math.max(0, Math.floor(afterSeq));
      const raw = await redis.lrange(this.keys(conversationId)[0], start, -1);
      return raw.map((r, i) => stored(r, start + i + 1));
    });
  }

  byClientMessageId(conversationId: string, clientMessageId: string): Promise<StoredMessage | undefined> {
    return this.handle.run(async (redis) => {
      const [messages, byClientId] = this.keys(conversationId);
      const seq = await redis.hget(byClientId, clientMessageId);
      if (seq === null) return undefined;
      const raw = await redis.lindex(messages, Number(seq) - 1);
      return raw === null ? undefined : stored(raw, Number(seq));
    });
  }

  repliesTo(conversationId: string, messageId: string): Promise<StoredMessage[]> {
    return this.handle.run(async (redis) => {
      const [messages, , replies] = this.keys(conversationId);
      const seqs = (await redis.hget(replies, messageId))?.split(',').map(Number) ?? [];
      if (!seqs.length) return [];
      const pipeline = redis.pipeline();
      for (const seq of seqs) pipeline.lindex(messages, seq - 1);
      const results = (await pipeline.exec()) ?? [];
      return results.flatMap(([error, raw], i) => {
        if (error) throw error;
        return typeof raw === 'string' ? [stored(raw, seqs[i] as number)] : [];
      });
    });
  }

  private keys(conversationId: string): [string, string, string] {
    const key = (part: string) => this.handle.key('transcript', conversationId, part);
    return [key('messages'), key('clientMessageIds'), key('replies')];
  }
}

function stored(raw: string, seq: number): StoredMessage {
  return { ...(JSON.parse(raw) as NewMessage), seq };
}
