import { ConversationState, TestAdapter } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import type { OpenStores } from './records.js';

/** botbuilder `Storage` as MemoryStorage defines it, plus the bundle's ping/close. */
export function storageContract(name: string, open: OpenStores): void {
  describe(`${name}: conversation state (botbuilder Storage)`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    it('When an item is written and read back, then its values return with a string eTag', async () => {
      await stores.storage.write({
        'web/c1/state': { turns: 1, topic: '征信修复', nested: { list: [1, 'a'] } },
      });
      const { 'web/c1/state': item } = await stores.storage.read(['web/c1/state']);
      expect(item).toMatchObject({ turns: 1, topic: '征信修复', nested: { list: [1, 'a'] } });
      expect(item.eTag).toEqual(expect.any(String));
    });

    it('When keys that were never written are read, then they are absent from the result', async () => {
      await stores.storage.write({ present: { n: 1 } });
      expect(Object.keys(await stores.storage.read(['missing', 'present', 'also-missing']))).toEqual([
        'present',
      ]);
      expect(await stores.storage.read([])).toEqual({});
    });

    it('When a write carries the eTag it read, then it replaces the item and a new eTag is issued', async () => {
      await stores.storage.write({ k: { n: 1 } });
      const first = (await stores.storage.read(['k'])).k;
      await stores.storage.write({ k: { ...first, n: 2 } });
      const second = (await stores.storage.read(['k'])).k;
      expect(second.n).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('When a write carries a stale eTag, then it rejects naming the key and "eTag conflict" and keeps the stored item', async () => {
      await stores.storage.write({ k: { n: 1 } });
      const stale = (await stores.storage.read(['k'])).k;
      await stores.storage.write({ k: { ...stale, n: 2 } });
      await expect(stores.storage.write({ k: { ...stale, n: 3 } })).rejects.toThrow(
        'Storage: error writing "k" due to eTag conflict.',
      );
      expect((await stores.storage.read(['k'])).k.n).toBe(2);
    });

    it("When a write carries eTag '*' or none, then it overwrites whatever is stored", async () => {
      await stores.storage.write({ k: { n: 1 } });
      await stores.storage.write({ k: { n: 2, eTag: '*' } });
      expect((await stores.storage.read(['k'])).k.n).toBe(2);
      await stores.storage.write({ k: { n: 3 } });
      expect((await stores.storage.read(['k'])).k.n).toBe(3);
    });

    it('When a write carries an eTag for a key that holds nothing, then it is written (as MemoryStorage does)', async () => {
      await stores.storage.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
      expect((await stores.storage.read(['fresh'])).fresh.n).toBe(1);
    });

    it('When one key of a multi-key write conflicts, then none of its keys are written', async () => {
      await stores.storage.write({ a: { n: 1 }, b: { n: 1 } });
      const stale = (await stores.storage.read(['b'])).b;
      await stores.storage.write({ b: { n: 2 } });
      await expect(
        stores.storage.write({ a: { n: 10, eTag: '*' }, new: { n: 10 }, b: { ...stale, n: 10 } }),
      ).rejects.toThrow('eTag conflict');
      const after = await stores.storage.read(['a', 'b', 'new']);
      expect([after.a?.n, after.b?.n, after.new]).toEqual([1, 2, undefined]);
    });

    it('When keys are deleted, including one never written, then they read as missing and nothing fails', async () => {
      await stores.storage.write({ a: { n: 1 }, b: { n: 2 } });
      await stores.storage.delete(['a', 'never-written']);
      expect(Object.keys(await stores.storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('When a read item is changed by the caller, then the stored item stays as written', async () => {
      await stores.storage.write({ k: { list: ['x'] } });
      (await stores.storage.read(['k'])).k.list.push('y');
      expect((await stores.storage.read(['k'])).k.list).toEqual(['x']);
    });

    it('When botbuilder ConversationState saves through the store, then the next turn reads the count back', async () => {
      const state = new ConversationState(stores.storage);
      const turns = state.createProperty<number>('turns');
      const adapter = new TestAdapter(async (context) => {
        const count = (await turns.get(context, 0)) + 1;
        await turns.set(context, count);
        await state.saveChanges(context);
        await context.sendActivity(`turn ${count}`);
      });
      await adapter.send('hi').assertReply('turn 1').send('again').assertReply('turn 2').startTest();
    });

    it('When the stores are pinged while open, then they answer true', async () => {
      expect(await stores.ping()).toBe(true);
    });

    it('When the stores are closed, then every call rejects with "The store is closed." and ping answers false', async () => {
      await stores.close();
      await expect(stores.storage.read(['k'])).rejects.toThrow('The store is closed.');
      await expect(stores.storage.write({ k: { n: 1 } })).rejects.toThrow('The store is closed.');
      await expect(stores.transcripts.list('c')).rejects.toThrow('The store is closed.');
      await expect(stores.conversations.get('c')).rejects.toThrow('The store is closed.');
      await expect(stores.feedback.list('c')).rejects.toThrow('The store is closed.');
      await expect(stores.reports.get('r')).rejects.toThrow('The store is closed.');
      await expect(stores.handoffs.get('web', 'c')).rejects.toThrow('The store is closed.');
      expect(await stores.ping()).toBe(false);
      await expect(stores.close()).resolves.toBeUndefined();
    });
  });
}
