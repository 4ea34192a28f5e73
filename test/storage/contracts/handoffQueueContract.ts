import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffRequest } from '../../../src/bot/handoffRequest.js';
import type { HandoffQueue } from '../../../src/handoff/handoffQueue.js';
import type { Stores } from '../../../src/storage/stores.js';
import { buildHandoffRequest, type OpenPlace, type OpenStores } from './records.js';

const at = (minute: number) => `2025-11-24T08:${String(minute).padStart(2, '0')}:00.000Z`;
const isoTime = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const keyOf = (r: HandoffRequest) => [r.channel, r.conversationId] as const;
const ids = (entries: { conversationId: string }[]) => entries.map((e) => e.conversationId);

/**
 * The persistent queue of conversations for human agents. `place` (when the implementation keeps
 * state beyond one connection) adds the restart and two-connection cases.
 */
export function handoffQueueContract(name: string, open: OpenStores, place?: OpenPlace): void {
  describe(`${name}: handoff queue`, () => {
    let stores: Stores;
    let queue: HandoffQueue;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ stores, close } = await open());
      queue = stores.handoffs;
    });
    afterEach(() => close());

    const enqueue = async (overrides: Partial<HandoffRequest> = {}) => {
      const request = buildHandoffRequest(overrides);
      await queue.request(request);
      return request;
    };

    it('When customers wait, then priority ones are served first and each group the oldest first', async () => {
      const calm = await enqueue({ priority: false, reason: 'customer-request', requestedAt: at(1) });
      const lostMoney = await enqueue({ priority: true, requestedAt: at(5) });
      const distress = await enqueue({ priority: true, reason: 'distress', requestedAt: at(3) });
      const calmLater = await enqueue({ priority: false, reason: 'customer-request', requestedAt: at(2) });
      expect(ids(await queue.waiting())).toEqual(ids([distress, lostMoney, calm, calmLater]));
      expect(await queue.position(...keyOf(distress))).toBe(1);
      expect(await queue.position(...keyOf(calm))).toBe(3);
      expect(await queue.position(...keyOf(calmLater))).toBe(4);
    });

    it('When a request is new, then its entry is queued with the request exactly as given', async () => {
      const request = await enqueue();
      expect(await queue.entry(...keyOf(request))).toEqual({ ...request, state: 'queued' });
      expect(await queue.get(...keyOf(request))).toEqual(request);
      expect(await queue.entry('web', 'unknown')).toBeUndefined();
      expect(await queue.position('web', 'unknown')).toBeUndefined();
    });

    it('When an agent claims a waiting customer, then it is theirs, leaves the waiting line and the others move up', async () => {
      const first = await enqueue({ requestedAt: at(1) });
      const second = await enqueue({ requestedAt: at(2) });
      const claimed = await queue.claim(...keyOf(first), 'li.na');
      expect(claimed).toEqual({ ...first, state: 'accepted', agent: 'li.na', acceptedAt: isoTime });
      expect(await queue.entry(...keyOf(first))).toEqual(claimed);
      expect(await queue.position(...keyOf(first))).toBeUndefined();
      expect(await queue.position(...keyOf(second))).toBe(1);
      expect(ids(await queue.waiting())).toEqual(ids([second]));
      expect(await queue.claimedBy('li.na')).toEqual([claimed]);
      expect(await queue.claimedBy('wang.wei')).toEqual([]);
    });

    it('When a second agent claims the same customer, then it is refused as a conflict and the first keeps it', async () => {
      const request = await enqueue();
      await queue.claim(...keyOf(request), 'li.na');
      await expect(queue.claim(...keyOf(request), 'wang.wei')).rejects.toMatchObject({
        code: 'conflict:handoff',
        message: expect.stringContaining('is accepted; claim needs queued'),
      });
      expect((await queue.entry(...keyOf(request)))?.agent).toBe('li.na');
    });

    it('When an agent releases a conversation, then only its owner may and it is completed with the outcome', async () => {
      const request = await enqueue();
      await expect(queue.release(...keyOf(request), 'li.na', 'too early')).rejects.toMatchObject({
        code: 'conflict:handoff',
        message: expect.stringContaining('is queued; release needs accepted'),
      });
      const claimed = await queue.claim(...keyOf(request), 'li.na');
      await expect(queue.release(...keyOf(request), 'wang.wei', 'not mine')).rejects.toMatchObject({
        code: 'forbidden:handoff',
      });
      expect(await queue.entry(...keyOf(request))).toEqual(claimed);
      const released = await queue.release(...keyOf(request), 'li.na', 'explained the freeze; card blocked');
      expect(released).toEqual({
        ...claimed,
        state: 'completed',
        closedAt: isoTime,
        outcome: 'explained the freeze; card blocked',
      });
      expect(await queue.claimedBy('li.na')).toEqual([]);
      await expect(queue.release(...keyOf(request), 'li.na', 'again')).rejects.toMatchObject({
        code: 'conflict:handoff',
      });
    });

    it('When an unknown conversation is claimed, released, set or given a callback, then it is not found', async () => {
      const notFound = { code: 'not_found:handoff' };
      await expect(queue.claim('web', 'nobody', 'li.na')).rejects.toMatchObject(notFound);
      await expect(queue.release('web', 'nobody', 'li.na', 'x')).rejects.toMatchObject(notFound);
      await expect(queue.setState('web', 'nobody', 'failed')).rejects.toMatchObject(notFound);
      await expect(queue.callback('web', 'nobody', '13812345678')).rejects.toMatchObject(notFound);
      expect(await queue.list()).toEqual([]);
    });

    it('When a waiting customer asks again, then the summary is updated but they keep their place', async () => {
      const first = await enqueue({ requestedAt: at(1), reason: 'customer-request', priority: true });
      await enqueue({ requestedAt: at(2) });
      const again = {
        ...first,
        reason: 'distress' as const,
        risk: 'medium' as const,
        topics: ['debt-relief-scam', 'crisis'],
        requestedAt: at(9),
      };
      await queue.request(again);
      expect(await queue.entry(...keyOf(first))).toEqual({ ...again, requestedAt: at(1), state: 'queued' });
      expect(await queue.position(...keyOf(first))).toBe(1);
    });

    it('When a customer with an agent asks again, then the agent keeps the conversation', async () => {
      const request = await enqueue();
      const claimed = await queue.claim(...keyOf(request), 'li.na');
      await queue.request({ ...request, intent: 'request-human', requestedAt: at(30) });
      expect(await queue.entry(...keyOf(request))).toEqual({ ...claimed, intent: 'request-human' });
    });

    it('When a served customer asks again, then they are queued afresh with nothing left of the last agent', async () => {
      const request = await enqueue({ requestedAt: at(1) });
      await queue.claim(...keyOf(request), 'li.na');
      await queue.release(...keyOf(request), 'li.na', 'resolved');
      const again = { ...request, reason: 'customer-request' as const, requestedAt: at(40) };
      await queue.request(again);
      expect(await queue.entry(...keyOf(request))).toEqual({ ...again, state: 'queued' });
      expect(await queue.position(...keyOf(request))).toBe(1);
    });

    it('When a contact centre accepts and completes a conversation, then the entry follows its status', async () => {
      const request = await enqueue();
      const accepted = await queue.setState(...keyOf(request), 'accepted', { agent: 'Agent Zhao' });
      expect(accepted).toEqual({ ...request, state: 'accepted', agent: 'Agent Zhao', acceptedAt: isoTime });
      await expect(queue.setState(...keyOf(request), 'offline')).rejects.toMatchObject({
        code: 'conflict:handoff',
        message: expect.stringContaining('is accepted; offline needs queued'),
      });
      const completed = await queue.setState(...keyOf(request), 'completed', { message: 'case closed' });
      expect(completed).toEqual({
        ...accepted,
        state: 'completed',
        closedAt: isoTime,
        outcome: 'case closed',
      });
      await expect(queue.setState(...keyOf(request), 'failed')).rejects.toMatchObject({
        code: 'conflict:handoff',
        message: expect.stringContaining('is completed; failed needs queued or accepted'),
      });
    });

    it('When a contact centre fails a waiting conversation, then it is closed with the hub message', async () => {
      const request = await enqueue();
      await expect(queue.setState(...keyOf(request), 'completed')).rejects.toMatchObject({
        code: 'conflict:handoff',
      });
      const failed = await queue.setState(...keyOf(request), 'failed', { message: 'no agents available' });
      expect(failed).toEqual({
        ...request,
        state: 'failed',
        closedAt: isoTime,
        outcome: 'no agents available',
      });
      expect(await queue.waiting()).toEqual([]);
    });

    it('When an agent takes a call back, then the offline entry is claimed like a waiting one', async () => {
      const request = await enqueue();
      await queue.setState(...keyOf(request), 'offline');
      await queue.callback(...keyOf(request), '13812345678');
      const taken = await queue.claim(...keyOf(request), 'li.na');
      expect(taken).toMatchObject({ state: 'accepted', agent: 'li.na', callback: { phone: '13812345678' } });
    });

    it('When a customer leaves a callback number, then it is kept unmasked and the entry waits offline', async () => {
      const request = await enqueue();
      const offline = await queue.setState(...keyOf(request), 'offline');
      expect(offline).toEqual({ ...request, state: 'offline' });
      const called = await queue.callback(...keyOf(request), '13812345678', '工作日晚上');
      expect(called).toEqual({
        ...request,
        state: 'offline',
        callback: { phone: '13812345678', note: '工作日晚上', at: isoTime },
      });
      expect(await queue.position(...keyOf(request))).toBeUndefined();
      expect(await queue.list(['offline'])).toEqual([called]);

      const waiting = await enqueue();
      expect((await queue.callback(...keyOf(waiting), '13900001111')).callback).toEqual({
        phone: '13900001111',
        at: isoTime,
      });
      await queue.request({ ...request, requestedAt: at(50) });
      expect(await queue.entry(...keyOf(request))).toEqual({
        ...request,
        requestedAt: at(50),
        state: 'queued',
      });
    });

    it('When entries are listed, then the newest request comes first, filtered by state and limited', async () => {
      const old = await enqueue({ requestedAt: at(1) });
      const middle = await enqueue({ requestedAt: at(2) });
      const recent = await enqueue({ requestedAt: at(3) });
      await queue.claim(...keyOf(middle), 'li.na');
      expect(ids(await queue.list())).toEqual(ids([recent, middle, old]));
      expect(ids(await queue.list(['queued']))).toEqual(ids([recent, old]));
      expect(ids(await queue.list(['accepted', 'completed']))).toEqual(ids([middle]));
      expect(ids(await queue.list(undefined, 2))).toEqual(ids([recent, middle]));
      expect(await queue.list([])).toEqual([]);
      expect(await queue.list(undefined, 0)).toEqual([]);
    });

    it('When an agent holds several conversations, then claimedBy lists only theirs, earliest claimed first', async () => {
      const a = await enqueue({ requestedAt: at(2) });
      const b = await enqueue({ requestedAt: at(1) });
      const c = await enqueue({ requestedAt: at(3) });
      await queue.claim(...keyOf(a), 'li.na');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await queue.claim(...keyOf(b), 'li.na');
      await queue.claim(...keyOf(c), 'wang.wei');
      expect(ids(await queue.claimedBy('li.na'))).toEqual(ids([a, b]));
      expect(ids(await queue.claimedBy('wang.wei'))).toEqual(ids([c]));
    });

    it('When the stores are closed, then queue calls reject with "The store is closed."', async () => {
      const request = await enqueue();
      await stores.close();
      await expect(queue.waiting()).rejects.toThrow('The store is closed.');
      await expect(queue.claim(...keyOf(request), 'li.na')).rejects.toThrow('The store is closed.');
      await expect(queue.request(request)).rejects.toThrow('The store is closed.');
    });
  });

  if (!place) return;

  describe(`${name}: handoff queue across connections`, () => {
    let connect: () => Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ connect, close } = await place()));
    afterEach(() => close());

    it('When the app restarts, then waiting, claimed and callback entries are all still there', async () => {
      const before = connect();
      const waiting = buildHandoffRequest({ requestedAt: at(1) });
      const claimed = buildHandoffRequest({ requestedAt: at(2) });
      const offline = buildHandoffRequest({ requestedAt: at(3) });
      for (const r of [waiting, claimed, offline]) await before.handoffs.request(r);
      const held = await before.handoffs.claim(...keyOf(claimed), 'li.na');
      const called = await before.handoffs.callback(...keyOf(offline), '13812345678', 'after 6pm');
      await before.close();

      const after = connect();
      expect(await after.handoffs.waiting()).toEqual([{ ...waiting, state: 'queued' }]);
      expect(await after.handoffs.position(...keyOf(waiting))).toBe(1);
      expect(await after.handoffs.claimedBy('li.na')).toEqual([held]);
      expect(await after.handoffs.entry(...keyOf(offline))).toEqual(called);
      await after.handoffs.release(...keyOf(claimed), 'li.na', 'resolved after restart');
      await after.close();
    });

    it('When two connections claim one customer at once, then exactly one agent gets it', async () => {
      const [one, two] = [connect(), connect()];
      const request = buildHandoffRequest();
      await one.handoffs.request(request);
      const results = await Promise.allSettled([
        one.handoffs.claim(...keyOf(request), 'li.na'),
        two.handoffs.claim(...keyOf(request), 'wang.wei'),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({ code: 'conflict:handoff' });
      const winner = won[0]?.value.agent;
      expect((await one.handoffs.entry(...keyOf(request)))?.agent).toBe(winner);
      expect((await two.handoffs.entry(...keyOf(request)))?.agent).toBe(winner);
      await Promise.all([one.close(), two.close()]);
    });
  });
}
