import { storeErrors } from '../storeErrors.js';

/**
 * The open/closed switch the memory stores share, so a closed memory bundle rejects like SQLite's.
 * @example return this.state.run(() => this.items.get(id))
 */
export class MemoryState {
  open = true;

  run<T>(work: () => T | Promise<T>): Promise<T> {
    if (!this.open) return Promise.reject(storeErrors.closed());
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/** A deep copy through JSON, as a store on disk would give back: callers never share our objects. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
