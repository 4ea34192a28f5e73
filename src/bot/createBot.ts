import type { Storage } from 'botbuilder';
import type { BankProfile } from '../knowledge/directory.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { Logger } from '../logger.js';
import { StorageHandoffRequests, StorageReportStore } from '../storage/storageRecords.js';
import { AnxinBot } from './anxinBot.js';
import { allowedContacts, buildServices } from './buildServices.js';
import type { Services } from './services.js';

/**
 * The bot with its services and stores, on any botbuilder Storage.
 * @example const { bot } = await createBot(knowledge, config.bank, new MemoryStorage(), logger)
 */
export async function createBot(
  knowledge: KnowledgeIndex,
  bank: BankProfile,
  storage: Storage,
  logger: Logger,
): Promise<{
  bot: AnxinBot;
  services: Services;
  reports: StorageReportStore;
  handoffs: StorageHandoffRequests;
}> {
  const services = await buildServices(knowledge, bank);
  const reports = new StorageReportStore(storage);
  const handoffs = new StorageHandoffRequests(storage);
  const bot = new AnxinBot({
    services,
    storage,
    reports,
    handoffs,
    allowedContacts: allowedContacts(knowledge, bank),
    logger,
  });
  return { bot, services, reports, handoffs };
}
