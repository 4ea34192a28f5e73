import { MemoryStorage, type Storage } from 'botbuilder';

/**
 * A memory conversation store whose raw contents can be read back, for audits (the eval's
 * personal-data scan of everything the bot stored).
 * @example const { storage, dump } = inspectableStorage()
 */
export function inspectableStorage(): { storage: Storage; dump(): Record<string, string> } {
  const memory: Record<string, string> = {};
  return { storage: new MemoryStorage(memory), dump: () => ({ ...memory }) };
}
