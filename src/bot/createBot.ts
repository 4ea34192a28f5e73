import type { Storage } from 'botbuilder';
import type { BankProfile } from '../knowledge/directory.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { Logger } from '../logger.js';
import { StorageHandoffRequests, StorageReportStore } from '../storage/storageRecords.js';
import { AnxinBot } from './anxinBot.js';
import { allowedContacts, buildServices } from './buildServices.js';
import type { HandoffRequests, ReportStore } from './ports.js';
import type { Services } from './services.js';

/** Where the bot keeps its state; reports and handoff requests default to records in `storage`. */
export type BotStores = { storage: Storage; reports?: ReportStore; handoffs?: HandoffRequests };

/**
 * The bot with its services and stores, on any botbuilder Storage.
 * @example const { bot } = await createBot(knowledge, config.bank, { storage: new MemoryStorage() }, logger)
 */
export async function createBot(
  knowledge: KnowledgeIndex,
  bank: BankProfile,
  stores: BotStores,
  logger: Logger,
  hooks: { onGuardrailReplaced?: () => void } = {},
): Promise<{ bot: AnxinBot; services: Services; reports: ReportStore; handoffs: HandoffRequests }> {
  const services = await buildServices(knowledge, bank);
  const reports = stores.reports ?? new StorageReportStore(stores.storage);
  const handoffs = stores.handoffs ?? new StorageHandoffRequests(stores.storage);
  const bot = new AnxinBot({
    services,
    storage: stores.storage,
    reports,
    handoffs,
    allowedContacts: allowedContacts(knowledge, bank),
    logger,
    ...hooks,
  });
  return { bot, services, reports, handoffs };
}
