import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { eTagAllows, storageKeys, storeItems } from '../storageArguments.js';
import { storeErrors } from '../storeErrors.js';
import type { MemoryState } from './memoryState.js';

/**
 * botbuilder's MemoryStorage, made all-or-nothing: MemoryStorage writes the keys before a
 * conflicting one and rejects after, so every eTag is checked before it is given the write.
 * Both steps run in one synchronous stretch, so no other write can come between them.
 * @example const storage = new MemoryStore(state)
 */
export class MemoryStore implements Storage {
  private readonly memory: Record<string, string | undefined> = {};
  private readonly inner = new MemoryStorage(this.memory as Record<string, string>);

  constructor(private readonly state: MemoryState) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.state.run(() => this.inner.read(storageKeys.parse(keys)));
  }

  write(changes: StoreItems): Promise<void> {
    return this.state.run(() => {
      for (const [key, item] of Object.entries(storeItems.parse(changes))) {
        if (!eTagAllows(item.eTag, this.storedETag(key))) throw storeErrors.eTagConflict(key);
      }
      return this.inner.write(changes);
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.state.run(() => this.inner.delete(storageKeys.parse(keys)));
  }

  private storedETag(key: string): string | undefined {
    const stored = this.memory[key];
    return stored === undefined ? undefined : (JSON.parse(stored) as { eTag?: string }).eTag;
  }
}
