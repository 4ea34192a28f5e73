import { MemoryStorage, type Storage } from 'botbuilder';

/**
 * The conversation store. Memory until the SQLite store lands (issue 4); the bot only ever sees
 * the botbuilder `Storage` port, so swapping it changes nothing else.
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
