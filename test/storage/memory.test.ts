import { openMemoryStores } from '../../src/storage/memory/openMemoryStores.js';
import { allContracts } from './contracts/allContracts.js';

allContracts('memory', async () => {
  const stores = openMemoryStores();
  return { stores, close: () => stores.close() };
});
