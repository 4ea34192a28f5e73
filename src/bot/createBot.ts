import type { Storage } from 'botbuilder';
import type { BankProfile } from '../knowledge/directory.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import type { Logger } from '../logger.js';
import type { OfficeHours } from '../officeHours.js';
import { AnxinBot } from './anxinBot.js';
import { allowedContacts, buildServices } from './buildServices.js';
import { Guardrail } from './guardrail.js';
import type { HandoffRequests } from './handoffRequest.js';
import { PersonScreen } from './personScreen.js';
import type { ReportStore } from './report/agencyReport.js';
import type { Services } from './services.js';

/** Where the bot keeps its state, its reports and its handoff requests. */
export type BotStores = { storage: Storage; reports: ReportStore; handoffs: HandoffRequests };

/**
 * The bot with its services and stores, on any botbuilder Storage.
 * @example const { bot } = await createBot(knowledge, config.bank, { storage: new MemoryStorage() }, logger)
 */
export async function createBot(
  knowledge: KnowledgeIndex,
  bank: BankProfile,
  stores: BotStores,
  logger: Logger,
  hooks: {
    onGuardrailReplaced?: () => void;
    officeHours?: Pick<OfficeHours, 'isOpen' | 'describe'> | undefined;
  } = {},
): Promise<{ bot: AnxinBot; services: Services; screen: PersonScreen }> {
  const services = await buildServices(knowledge, bank);
  const allowed = allowedContacts(knowledge, bank);
  const bot = new AnxinBot({
    services,
    storage: stores.storage,
    reports: stores.reports,
    handoffs: stores.handoffs,
    allowedContacts: allowed,
    logger,
    ...(hooks.onGuardrailReplaced ? { onGuardrailReplaced: hooks.onGuardrailReplaced } : {}),
    ...(hooks.officeHours ? { officeHours: hooks.officeHours } : {}),
  });
  // Agents' words pass the same personal-data and directory check as the bot's own.
  return { bot, services, screen: new PersonScreen(new Guardrail(allowed)) };
}
