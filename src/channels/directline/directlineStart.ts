import type { ConversationRecord } from '../../conversation/conversationRecord.js';
import { toApiMessage } from '../../conversation/messageView.js';
import type { StoredMessage } from '../../conversation/transcript.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { EventBus } from '../../coordination/eventBus.js';
import { AppError } from '../../errors.js';
import type { Stores } from '../../storage/stores.js';

/** How long a Direct Line token lives (DirectLineJS refreshes it every 15 minutes). */
export const TOKEN_SECONDS = 1800;

/**
 * Tells the streams on every instance that the transcript grew; they read it from there.
 * @example await announce(bus, conversationId, replies.at(-1))
 */
export async function announce(bus: EventBus, conversationId: string, last: StoredMessage | undefined) {
  if (last) await bus.publish(conversationId, { type: 'message', seq: last.seq, data: toApiMessage(last) });
}

/**
 * Creates a Direct Line conversation and stores its welcome; false if it had begun already (a
 * second start of the same token, or one that lost the race to the first).
 * @example const began = await beginConversation({ stores, runner, bus }, id, 'zh-CN')
 */
export async function beginConversation(
  deps: { stores: Stores; runner: TurnRunner; bus: EventBus },
  id: string,
  locale: ConversationRecord['locale'],
): Promise<boolean> {
  const { conversations } = deps.stores;
  const existing = await conversations.get(id);
  if (existing) {
    if (existing.channel !== 'directline') throw AppError.api(404, 'not-found', 'no such conversation');
    return false;
  }
  const now = Date.now();
  const record: ConversationRecord = {
    id,
    channel: 'directline',
    locale,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + TOKEN_SECONDS * 1000).toISOString(),
  };
  try {
    await conversations.create(record);
  } catch (err) {
    if (await conversations.get(id)) return false;
    throw err;
  }
  await announce(deps.bus, id, (await deps.runner.welcome(record)).at(-1));
  return true;
}
