import { describe, expect, it } from 'vitest';
// The one import from src/: the port every implementation is run against.
import type { TurnLock } from '../../src/coordination/keyedLock.js';

/** Opens a fresh lock (one instance's view); the suite uses its own keys per case. */
export type OpenLock = () => TurnLock | Promise<TurnLock>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A turn that has started and holds its conversation until `release` is called. */
function hold(lock: TurnLock, key: string) {
  let release = () => {};
  let started = () => {};
  const running = new Promise<void>((r) => (started = r));
  const done = lock.run(
    key,
    () =>
      new Promise<void>((r) => {
        release = r;
        started();
      }),
  );
  return { running, done, release: () => release() };
}

/**
 * The per-conversation turn lock, whatever carries it: one turn of a conversation at a time, in
 * arrival order; a failing turn frees the conversation; other conversations never wait.
 * @example turnLockContract('memory', () => new KeyedLock())
 */
export function turnLockContract(name: string, open: OpenLock): void {
  describe(`${name}: per-conversation turn lock`, () => {
    it('When a turn runs, then the caller gets its result', async () => {
      const lock = await open();
      expect(await lock.run('c-result', async () => ({ answer: 42 }))).toEqual({ answer: 42 });
    });

    it('When many turns of one conversation arrive at once, then never two run together and every one runs', async () => {
      const lock = await open();
      let active = 0;
      let most = 0;
      let ran = 0;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          lock.run('c-exclusive', async () => {
            active += 1;
            most = Math.max(most, active);
            await sleep(i % 3);
            active -= 1;
            ran += 1;
          }),
        ),
      );
      expect(most).toBe(1);
      expect(ran).toBe(12);
    });

    it('When turns queue behind a running one, then they run in the order they arrived', async () => {
      const lock = await open();
      const first = hold(lock, 'c-order');
      await first.running;
      const ran: number[] = [];
      const queued = Array.from({ length: 8 }, (_, i) => lock.run('c-order', async () => void ran.push(i)));
      await sleep(20);
      expect(ran).toEqual([]);
      first.release();
      await Promise.all([first.done, ...queued]);
      expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('When a turn fails, then its caller gets the very error and the next turn of the conversation still runs', async () => {
      const lock = await open();
      const boom = new Error('the retriever fell over');
      const failing = lock.run('c-error', async () => {
        await sleep(5);
        throw boom;
      });
      const next = lock.run('c-error', async () => 'next');
      await expect(failing).rejects.toBe(boom);
      expect(await next).toBe('next');
    });

    it('When a turn throws before it awaits anything, then the conversation is freed as well', async () => {
      const lock = await open();
      const boom = new Error('bad input');
      await expect(
        lock.run('c-throw', () => {
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await lock.run('c-throw', async () => 'after')).toBe('after');
    });

    it('When one conversation is busy, then a turn of another conversation runs without waiting', async () => {
      const lock = await open();
      const busy = hold(lock, 'c-busy-a');
      await busy.running;
      expect(await lock.run('c-busy-b', async () => 'b ran')).toBe('b ran');
      busy.release();
      await busy.done;
    });

    it('When the instance drains, then it waits for the turns it started, and an idle lock drains at once', async () => {
      const lock = await open();
      await lock.drain();
      const turn = hold(lock, 'c-drain');
      await turn.running;
      let drained = false;
      const draining = lock.drain().then(() => {
        drained = true;
      });
      await sleep(20);
      expect(drained).toBe(false);
      turn.release();
      await draining;
      expect(drained).toBe(true);
      await turn.done;
    });
  });
}
