/** Runs work per key one at a time (a conversation's turns), in this process or across instances. */
export interface TurnLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Resolves when the work this instance started has finished (graceful shutdown). */
  drain(): Promise<void>;
}

/**
 * Serialises work per key (turns of one conversation run one after another) in this process.
 * @example await locks.run(conversationId, () => runTurn())
 */
export class KeyedLock implements TurnLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with work queued or running (for graceful shutdown). */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves when everything queued so far has finished. */
  async drain(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
