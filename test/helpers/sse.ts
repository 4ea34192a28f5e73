import { expect } from 'vitest';

/** Reads a streamed response as it arrives: `text()` is all received so far, `ended` resolves when the stream ends. */
export function collect(res: Response): { text(): string; close(): Promise<void>; ended: Promise<void> } {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  // One decoder for the whole stream: a character split across two chunks stays whole.
  const decoder = new TextDecoder();
  let text = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })().catch(() => undefined);
  return { text: () => text, close: () => reader.cancel(), ended };
}

/** Polls `check` every 20 ms, 100 times at most, then expects it to hold. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}
