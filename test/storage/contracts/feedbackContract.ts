import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Feedback } from '../../../src/conversation/feedback.js';
import type { Stores } from '../../../src/storage/stores.js';
import type { OpenStores } from './records.js';

/** "Helpful / not helpful" on answers. */
export function feedbackContract(name: string, open: OpenStores): void {
  describe(`${name}: feedback`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    it("When feedback is given on answers, then the conversation's list holds it in the order given", async () => {
      const given: Feedback[] = [
        { conversationId: 'c1', messageId: 'a1', helpful: true, createdAt: '2025-11-24T08:00:00.000Z' },
        { conversationId: 'c2', messageId: 'x1', helpful: true, createdAt: '2025-11-24T08:00:01.000Z' },
        {
          conversationId: 'c1',
          messageId: 'a2',
          helpful: false,
          comment: '没有说清楚去哪里投诉',
          createdAt: '2025-11-24T08:00:02.000Z',
        },
      ];
      for (const feedback of given) await stores.feedback.add(feedback);
      expect(await stores.feedback.list('c1')).toEqual([given[0], given[2]]);
      expect(await stores.feedback.list('c2')).toEqual([given[1]]);
    });

    it('When a conversation has no feedback, then its list is empty', async () => {
      expect(await stores.feedback.list('quiet')).toEqual([]);
    });
  });
}
