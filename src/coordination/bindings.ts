/**
 * Keys bound to the first value offered for them, for a while: a later offer never rebinds a key,
 * it learns what the key is bound to. One atomic step, so of two offers at once exactly one binds.
 * @example if ((await bindings.bind(signature, digest)) !== digest) refuse
 */
export interface Bindings {
  /** Binds `key` to `value` unless it is bound already; answers the value it is bound to. */
  bind(key: string, value: string): string | Promise<string>;
}

/**
 * In process (the embedded default): with several instances the Redis implementation shares the
 * bindings, so a second instance cannot be made to bind a key again.
 * @example new MemoryBindings(11 * 60_000).bind('main:1700000000:42', 'sha256…')
 */
export class MemoryBindings implements Bindings {
  private readonly bound = new Map<string, { value: string; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  bind(key: string, value: string): string {
    const t = this.now();
    const held = this.bound.get(key);
    if (held && held.until > t) return held.value;
    this.bound.set(key, { value, until: t + this.ttlMs });
    if (this.bound.size > 100_000) this.sweep(t);
    return value;
  }

  private sweep(t: number): void {
    for (const [k, b] of this.bound) if (b.until <= t) this.bound.delete(k);
  }
}
