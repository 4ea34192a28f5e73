import type Database from 'better-sqlite3';
import { storeErrors } from '../storeErrors.js';

/**
 * One open better-sqlite3 connection shared by the stores. `run` turns the driver's synchronous
 * calls into the promises the ports promise, and after `close` rejects with a clear error instead
 * of the driver's "database connection is not open" TypeError.
 * @example const rows = await handle.run(() => select.all(id))
 */
export class SqliteHandle {
  constructor(readonly db: Database.Database) {}

  get open(): boolean {
    return this.db.open;
  }

  run<T>(work: () => T): Promise<T> {
    if (!this.db.open) return Promise.reject(storeErrors.closed());
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
