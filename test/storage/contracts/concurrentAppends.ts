import { expect } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildMessage } from './records.js';

/**
 * Two handles on one store (two connections, two instances) append `rounds` pairs of messages to
 * one conversation at once; both then see every message, seq unique and gapless.
 * @example await expectGaplessAppends(one, two, 30)
 */
export async function expectGaplessAppends(one: Stores, two: Stores, rounds: number): Promise<void> {
  await Promise.all(
    Array.from({ length: rounds }, (_, i) =>
      (i % 2 ? one : two).transcripts.append('c1', [buildMessage('c1'), buildMessage('c1')]),
    ),
  );
  const expected = Array.from({ length: rounds * 2 }, (_, i) => i + 1);
  expect((await one.transcripts.list('c1')).map((m) => m.seq)).toEqual(expected);
  expect((await two.transcripts.list('c1')).map((m) => m.seq)).toEqual(expected);
}
