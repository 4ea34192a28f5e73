import { MemoryStorage, type Storage } from 'botbuilder';

/**
 * A bare memory conversation store for the CLI and benchmarks, which keep nothing between runs.
 * The app opens every store on SQLite (`openSqliteStores`); tests use `openMemoryStores`.
 * @example const storage = openStorage()
 */
export function openStorage(): Storage {
  return new MemoryStorage();
}

/** A memory store whose raw contents can be read back, for audits (personal-data scans). */
export function inspectableStorage(): { storage: Storage; dump(): Record<string, string> } {
  const memory: Record<string, string> = {};
  return { storage: new MemoryStorage(memory), dump: () => ({ ...memory }) };
}
