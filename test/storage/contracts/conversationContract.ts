import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildConversation, type OpenStores } from './records.js';

/** Conversations of the customer API. */
export function conversationContract(name: string, open: OpenStores): void {
  describe(`${name}: conversations`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    it('When a conversation is created, then get returns it as given', async () => {
      const record = buildConversation({ channel: 'app', locale: 'en' });
      await stores.conversations.create(record);
      expect(await stores.conversations.get(record.id)).toEqual(record);
    });

    it('When an unknown conversation is asked for, then there is none', async () => {
      expect(await stores.conversations.get('no-such-conversation')).toBeUndefined();
    });

    it('When a conversation id is created twice, then the second is refused and the first is kept', async () => {
      const record = buildConversation();
      await stores.conversations.create(record);
      await expect(stores.conversations.create({ ...record, locale: 'en' })).rejects.toThrow(
        'already exists',
      );
      expect((await stores.conversations.get(record.id))?.locale).toBe('zh-CN');
    });
  });
}
