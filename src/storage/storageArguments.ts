import { z } from 'zod';

/** The keys given to `Storage.read` / `Storage.delete`. */
export const storageKeys = z.array(z.string().min(1));

/** The changes given to `Storage.write`: objects, each with an optional string eTag. */
export const storeItems = z.record(z.string().min(1), z.looseObject({ eTag: z.string().optional() }));
export type StoreItemsInput = z.infer<typeof storeItems>;

/** True when a write of `eTag` may replace an item stored with `stored` (as MemoryStorage decides). */
export function eTagAllows(eTag: string | undefined, stored: string | undefined): boolean {
  return stored === undefined || !eTag || eTag === '*' || eTag === stored;
}
