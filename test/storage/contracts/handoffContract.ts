import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildHandoffRequest, type OpenStores } from './records.js';

/** Requests for a human agent, one per channel and conversation. */
export function handoffContract(name: string, open: OpenStores): void {
  describe(`${name}: handoff requests`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    it('When a handoff is requested, then it reads back exactly as given', async () => {
      const request = buildHandoffRequest();
      await stores.handoffs.request(request);
      expect(await stores.handoffs.get(request.channel, request.conversationId)).toEqual(request);
    });

    it('When a waiting conversation asks again, then the new summary replaces the old one but keeps its request time', async () => {
      const first = buildHandoffRequest({ priority: false, reason: 'customer-request', risk: 'low' });
      await stores.handoffs.request(first);
      const second = {
        ...first,
        priority: true,
        reason: 'distress' as const,
        requestedAt: '2025-11-24T09:00:00.000Z',
      };
      await stores.handoffs.request(second);
      expect(await stores.handoffs.get(first.channel, first.conversationId)).toEqual({
        ...second,
        requestedAt: first.requestedAt,
      });
    });

    it('When the same conversation id arrives on two channels, then they are two requests', async () => {
      await stores.handoffs.request(
        buildHandoffRequest({ channel: 'web', conversationId: 'same', intent: 'ask' }),
      );
      await stores.handoffs.request(
        buildHandoffRequest({ channel: 'wechat', conversationId: 'same', intent: 'report' }),
      );
      expect((await stores.handoffs.get('web', 'same'))?.intent).toBe('ask');
      expect((await stores.handoffs.get('wechat', 'same'))?.intent).toBe('report');
      expect(await stores.handoffs.get('app', 'same')).toBeUndefined();
    });
  });
}
