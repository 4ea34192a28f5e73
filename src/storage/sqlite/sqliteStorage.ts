import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { eTagAllows, type StoreItemsInput, storageKeys, storeItems } from '../storageArguments.js';
import { storeErrors } from '../storeErrors.js';
import type { SqliteHandle } from './sqliteHandle.js';

type Row = { value: string; etag: string };

/**
 * botbuilder `Storage` on SQLite, with eTags as MemoryStorage has them: no eTag or `'*'`
 * overwrites, any other must match the stored one. A write of several keys is one transaction,
 * so a conflict on one key keeps none of them.
 * @example await new SqliteStorage(handle).write({ 'web/conv/1': { eTag: '*', turns: 1 } })
 */
export class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly writeAll;
  private readonly deleteAll;

  constructor(private readonly handle: SqliteHandle) {
    const db = handle.db;
    this.select = db.prepare<[string], Row>('SELECT value, etag FROM storage_items WHERE key = ?');
    this.upsert = db.prepare<[string, string, string]>(
      `INSERT INTO storage_items (key, value, etag) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM storage_items WHERE key = ?');
    this.writeAll = db.transaction((changes: StoreItemsInput) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = item;
        if (!eTagAllows(eTag, this.select.get(key)?.etag)) throw storeErrors.eTagConflict(key);
        this.upsert.run(key, JSON.stringify(value), randomUUID());
      }
    });
    this.deleteAll = db.transaction((keys: string[]) => {
      for (const key of keys) this.remove.run(key);
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.handle.run(() => {
      const items: StoreItems = {};
      for (const key of storageKeys.parse(keys)) {
        const row = this.select.get(key);
        if (row) items[key] = { ...JSON.parse(row.value), eTag: row.etag };
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    // Immediate: take the write lock before reading eTags, so no other connection slips in between.
    return this.handle.run(() => this.writeAll.immediate(storeItems.parse(changes)));
  }

  delete(keys: string[]): Promise<void> {
    return this.handle.run(() => this.deleteAll.immediate(storageKeys.parse(keys)));
  }
}
