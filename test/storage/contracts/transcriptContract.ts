import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildMessage, type OpenStores } from './records.js';

/** Transcripts: consecutive seq per conversation, idempotency keys, replies, exact round trips. */
export function transcriptContract(name: string, open: OpenStores): void {
  describe(`${name}: transcripts`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    const seqs = async (conversationId: string, afterSeq?: number) =>
      (await stores.transcripts.list(conversationId, afterSeq)).map((m) => m.seq);

    it('When messages are appended, then they get consecutive seq from 1 and list returns them in that order', async () => {
      const sent = [
        buildMessage('c1'),
        buildMessage('c1', { role: 'bot' }),
        buildMessage('c1', { role: 'bot' }),
      ];
      const stored = await stores.transcripts.append('c1', sent);
      expect(stored.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect((await stores.transcripts.list('c1')).map((m) => m.id)).toEqual(sent.map((m) => m.id));
    });

    it('When a later append follows, then seq continues and afterSeq lists only what came after', async () => {
      await stores.transcripts.append('c1', [buildMessage('c1'), buildMessage('c1')]);
      const later = await stores.transcripts.append('c1', [buildMessage('c1'), buildMessage('c1')]);
      expect(later.map((m) => m.seq)).toEqual([3, 4]);
      expect(await seqs('c1', 2)).toEqual([3, 4]);
      expect(await seqs('c1', 4)).toEqual([]);
      expect(await seqs('c1', 0)).toEqual([1, 2, 3, 4]);
    });

    it('When two conversations are written in turn, then each numbers its own messages from 1', async () => {
      await stores.transcripts.append('c1', [buildMessage('c1')]);
      await stores.transcripts.append('c2', [buildMessage('c2')]);
      await stores.transcripts.append('c1', [buildMessage('c1')]);
      expect(await seqs('c1')).toEqual([1, 2]);
      expect(await seqs('c2')).toEqual([1]);
      expect(await seqs('never-used')).toEqual([]);
    });

    it('When many appends run at once, then every seq is used exactly once', async () => {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          stores.transcripts.append('c1', [buildMessage('c1'), buildMessage('c1')]),
        ),
      );
      expect(await seqs('c1')).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('When an append reuses a clientMessageId, then it is rejected with a clear error and none of it is kept', async () => {
      await stores.transcripts.append('c1', [buildMessage('c1', { clientMessageId: 'k-1' })]);
      const retry = [buildMessage('c1', { role: 'system' }), buildMessage('c1', { clientMessageId: 'k-1' })];
      await expect(stores.transcripts.append('c1', retry)).rejects.toThrow(
        'clientMessageId "k-1" is already used in conversation "c1"',
      );
      expect(await seqs('c1')).toEqual([1]);
      expect((await stores.transcripts.append('c1', [buildMessage('c1')]))[0]?.seq).toBe(2);
    });

    it('When one append carries the same clientMessageId twice, then it is rejected and nothing is kept', async () => {
      const twice = [
        buildMessage('c1', { clientMessageId: 'k-2' }),
        buildMessage('c1', { clientMessageId: 'k-2' }),
      ];
      await expect(stores.transcripts.append('c1', twice)).rejects.toThrow('already used');
      expect(await seqs('c1')).toEqual([]);
    });

    it('When another conversation uses the same clientMessageId, then both are kept', async () => {
      await stores.transcripts.append('c1', [buildMessage('c1', { clientMessageId: 'k-3' })]);
      await stores.transcripts.append('c2', [buildMessage('c2', { clientMessageId: 'k-3' })]);
      expect((await stores.transcripts.byClientMessageId('c2', 'k-3'))?.conversationId).toBe('c2');
    });

    it('When a message of another conversation is appended, then the append is refused', async () => {
      await expect(stores.transcripts.append('c1', [buildMessage('c2')])).rejects.toThrow(
        'another conversation',
      );
      expect(await seqs('c1')).toEqual([]);
    });

    it('When a customer message is looked up by its clientMessageId, then it is found, and an unknown key finds nothing', async () => {
      const [sent] = await stores.transcripts.append('c1', [buildMessage('c1', { clientMessageId: 'k-4' })]);
      expect(await stores.transcripts.byClientMessageId('c1', 'k-4')).toEqual(sent);
      expect(await stores.transcripts.byClientMessageId('c1', 'k-unknown')).toBeUndefined();
    });

    it('When bot replies answer a customer message, then repliesTo gives exactly those, in order', async () => {
      const [asked] = await stores.transcripts.append('c1', [buildMessage('c1', { id: 'q1' })]);
      await stores.transcripts.append('c1', [
        buildMessage('c1', { id: 'a1', role: 'bot', replyTo: 'q1' }),
        buildMessage('c1', { id: 'q2' }),
        buildMessage('c1', { id: 'b1', role: 'bot', replyTo: 'q2' }),
      ]);
      await stores.transcripts.append('c1', [buildMessage('c1', { id: 'a2', role: 'bot', replyTo: 'q1' })]);
      expect(asked?.seq).toBe(1);
      expect((await stores.transcripts.repliesTo('c1', 'q1')).map((m) => m.id)).toEqual(['a1', 'a2']);
      expect(await stores.transcripts.repliesTo('c2', 'q1')).toEqual([]);
    });

    it('When a masked message with actions, citations and handoff is stored, then it reads back exactly as given', async () => {
      const sent = buildMessage('c1', {
        role: 'bot',
        text: '请勿把验证码告诉任何人。您提到的号码 138****5678 已隐藏。',
        suggestedActions: [{ title: '转人工', value: 'talk to a person' }],
        citations: [{ articleId: 'debt-relief-scam', title: '停息挂账骗局', reviewed: '2025-10-01' }],
        handoff: { state: 'queued', position: 2 },
        replyTo: 'q1',
      });
      const [stored] = await stores.transcripts.append('c1', [sent]);
      expect(stored).toEqual({ ...sent, seq: 1 });
      expect(await stores.transcripts.list('c1')).toEqual([{ ...sent, seq: 1 }]);
    });

    it('When an empty append is made, then it returns nothing and uses no seq', async () => {
      expect(await stores.transcripts.append('c1', [])).toEqual([]);
      expect((await stores.transcripts.append('c1', [buildMessage('c1')]))[0]?.seq).toBe(1);
    });
  });
}
