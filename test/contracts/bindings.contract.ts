import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The one import from src/: the port every implementation is run against.
import type { Bindings } from '../../src/coordination/bindings.js';

/** Opens bindings as the backend does: a name (its own keys), how long a binding lasts. */
export type OpenBindings = (name: string, ttlMs: number) => Bindings | Promise<Bindings>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Keys bound to their first value, whatever keeps them: a later value never rebinds a key, and of
 * values offered at once exactly one wins.
 * @example bindingsContract('memory', (_name, ttlMs) => new MemoryBindings(ttlMs))
 */
export function bindingsContract(name: string, open: OpenBindings): void {
  describe(`${name}: bindings`, () => {
    const fresh = (ttlMs: number) => open(`contract-${randomUUID()}`, ttlMs);

    it('When a signature is first used with message A, then it stays bound to A however often B is offered', async () => {
      const b = await fresh(60_000);
      expect(await b.bind('sig-1', 'A')).toBe('A');
      for (let i = 0; i < 3; i++) expect(await b.bind('sig-1', 'B')).toBe('A');
      expect(await b.bind('sig-1', 'A')).toBe('A');
      expect(await b.bind('sig-2', 'B')).toBe('B');
    });

    it('When ten different messages race for one fresh signature, then exactly one binds and all agree on it', async () => {
      const b = await fresh(60_000);
      const values = Array.from({ length: 10 }, (_, i) => `m${i}`);
      const answers = await Promise.all(values.map((v) => b.bind('sig-race', v)));
      expect(new Set(answers).size).toBe(1);
      expect(values).toContain(answers[0]);
    });

    it('When the binding has lapsed, then the key binds afresh', async () => {
      const b = await fresh(300);
      expect(await b.bind('sig-old', 'A')).toBe('A');
      await sleep(400);
      expect(await b.bind('sig-old', 'B')).toBe('B');
    });
  });
}
